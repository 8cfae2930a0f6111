import { z } from 'zod';
import { bicField, ibanField } from '../schemas';

/** Request shapes of the account routes (OpenAPI generated from them). */

export const CollectionAccountBody = z
  .object({
    kind: z.enum(['OWN', 'TRUST']).describe("OWN: the centre's account for the claims it bought; TRUST: a trust account (Treuhandkonto) for Inkasso collections"),
    iban: ibanField,
    bic: bicField.nullish(),
    holder: z.string().min(1).max(70).describe('account holder as the payer sees it (at most 70 characters, as a SEPA transfer carries)'),
    bankName: z.string().min(1).max(100).nullish(),
    clientId: z.string().min(1).nullish().describe("a TRUST account serving this client only (policy accounts.inkassoTrust = 'per_client'); absent: shared"),
    active: z.boolean().default(true).describe('an inactive account is named in no letter, but its statements are still imported'),
  })
  .refine((a) => a.kind === 'TRUST' || !a.clientId, { path: ['clientId'], message: "only a TRUST account belongs to one client; the centre's OWN account serves all" });

export const PayoutAccountBody = z.object({
  iban: ibanField.describe("the client's payout account; never one of the centre's collection accounts"),
  bic: bicField.nullish(),
  holder: z.string().min(1).max(70).nullish().describe("account holder; absent: the client's name"),
});
