import { z } from 'zod';
import { durationSchema } from '../duration-schema';

/** The embedded login (read from the system policy): token lifetime, lockout, the rate limit on login. */
export const AuthPolicySchema = z.object({
  /** How long a token issued by POST /api/auth/login is valid. */
  tokenLifetime: durationSchema,
  /** Failed logins in a row after which a user is locked out. */
  lockoutAfterFailures: z.number().int().min(1).max(100),
  /** How long the lockout lasts (a successful login afterwards resets the count). */
  lockoutFor: durationSchema,
  /** Login attempts per client address and window (express-rate-limit). */
  loginAttemptsPerWindow: z.number().int().min(1),
  loginWindow: durationSchema,
});

export type AuthPolicy = z.infer<typeof AuthPolicySchema>;

export const DEFAULT_AUTH_POLICY: AuthPolicy = {
  tokenLifetime: '15 minutes',
  lockoutAfterFailures: 5,
  lockoutFor: '15 minutes',
  loginAttemptsPerWindow: 20,
  loginWindow: '1 minute',
};
