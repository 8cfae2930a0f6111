import { z } from 'zod';

/**
 * Which collection account patients pay into, as policy data. Inkasso money is the client's: it is
 * collected on a trust account (Treuhandkonto), one per client or one shared by all clients.
 */
export const AccountsPolicySchema = z.object({
  inkassoTrust: z.enum(['per_client', 'shared']),
});

export type AccountsPolicy = z.infer<typeof AccountsPolicySchema>;

export const DEFAULT_ACCOUNTS_POLICY: AccountsPolicy = { inkassoTrust: 'shared' };
