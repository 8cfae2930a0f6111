import { z } from 'zod';
import { durationSchema } from '../duration-schema';

/** The audit trail's seal (read from the system policy): how often new events join the hash chain. */
export const AuditPolicySchema = z.object({
  sealInterval: durationSchema,
});

export type AuditPolicy = z.infer<typeof AuditPolicySchema>;

export const DEFAULT_AUDIT_POLICY: AuditPolicy = { sealInterval: '1 minute' };
