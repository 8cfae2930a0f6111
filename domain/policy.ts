import { z } from 'zod';
import { durationSchema } from './duration-schema';
import { BankImportPolicySchema, DEFAULT_BANK_IMPORT_POLICY } from './bank/bank-import-policy';
import { DEFAULT_DOCUMENT_POLICY, DocumentPolicySchema } from './documents/document-policy';
import { DEFAULT_INTAKE_POLICY, IntakePolicySchema } from './intake/intake-policy';
import { DEFAULT_MATCHING_POLICY, MatchingPolicySchema } from './matching/matching-policy';
import { DEFAULT_INTEREST_POLICY, InterestPolicySchema } from './interest/interest-policy';
import { CollectionPolicySchema, DEFAULT_COLLECTION_POLICY } from './claims/collection-policy';
import { DEFAULT_LIMITATION_POLICY, LimitationPolicySchema } from './claims/limitation-policy';
import { DEFAULT_PAYOUT_RUN_POLICY, PayoutRunPolicySchema } from './money/payout-run-policy';
import { DatevPolicySchema, DEFAULT_DATEV_POLICY } from './datev/datev-policy';
import { AccountsPolicySchema, DEFAULT_ACCOUNTS_POLICY } from './money/accounts-policy';
import { AuditPolicySchema, DEFAULT_AUDIT_POLICY } from './audit/audit-policy';
import { DEFAULT_REFINANCING_POLICY, RefinancingPolicySchema } from './factoring/refinancing-policy';
import { DEFAULT_RETENTION_POLICY, RetentionPolicySchema } from './persons/retention-policy';
import { DEFAULT_FEE_VAT_POLICY, FeeVatPolicySchema } from './money/fee-vat-policy';
import { DEFAULT_RECOURSE_POLICY, RecoursePolicySchema } from './claims/recourse-policy';
import { CorrectionsPolicySchema, DEFAULT_CORRECTIONS_POLICY } from './claims/corrections-policy';
import { BackupPolicySchema, DEFAULT_BACKUP_POLICY } from './operations/backup-policy';
import { AuthPolicySchema, DEFAULT_AUTH_POLICY } from './auth/auth-policy';

/**
 * Policy data: every duration, fee, rate and threshold a claim's life depends on. The row
 * "system" in the Policy table holds the system-wide values; a client may have its own policy,
 * whose fields override the system's. Durations are strings as Temporal reads them ("30 days",
 * "90s"), so a demo or a test can live a claim's months in seconds.
 */

const duration = durationSchema;
const rate = z
  .string()
  .regex(/^\d+(\.\d{1,9})?$/, 'a decimal rate such as "0.035"')
  .refine((v) => Number(v) <= 1, 'a share of at most 1');
const cents = z.number().int().nonnegative();

export const PolicySchema = z.object({
  /** Invoice due this long after it is issued (Zahlungsziel). */
  paymentTerm: duration,
  /** Number of dunning letters: level 1 is the payment reminder, the rest are Mahnungen. */
  reminderLevels: z.number().int().min(0).max(5),
  /** Time between a reminder and the next step. */
  reminderInterval: duration,
  /** Dunning fee charged to the patient per level (index 0 = level 1); missing levels cost nothing. */
  reminderFeesCents: z.array(cents),
  /** After the collection handoff: how long to wait for the lawyer's result before closing. */
  collectionPeriod: duration,
  /** Factoring discount taken on purchase, as a share of the claim's total. */
  factoringFeeRate: rate,
  /** Inkasso: the centre's fee as a share of what it collected. */
  inkassoFeeRate: rate,
  /** A claim workflow continues as new past this many history events. */
  maxHistoryEvents: z.number().int().min(100).max(40_000),
  /** Default and default interest (§§ 286, 288 BGB). */
  interest: InterestPolicySchema.default(DEFAULT_INTEREST_POLICY),
  /** The collection request to the client (Beitreibungsanfrage), the lawyer's feedback and write-offs. */
  collection: CollectionPolicySchema.default(DEFAULT_COLLECTION_POLICY),
  /** Limitation (§§ 195, 199, 203, 204, 197 BGB) and how early to escalate before it. */
  limitation: LimitationPolicySchema.default(DEFAULT_LIMITATION_POLICY),
  /** Bank-statement matching thresholds (read from the system policy). */
  matching: MatchingPolicySchema.default(DEFAULT_MATCHING_POLICY),
  /** The scheduled SFTP import of bank statements (read from the system policy). */
  bankImport: BankImportPolicySchema.default(DEFAULT_BANK_IMPORT_POLICY),
  /** Document retention and channel retries. */
  documents: DocumentPolicySchema.default(DEFAULT_DOCUMENT_POLICY),
  /** Billing-file deliveries: the bounds of a ZIP (read from the system policy). */
  intake: IntakePolicySchema.default(DEFAULT_INTAKE_POLICY),
  /** Payout runs: their Schedule, the centre's debtor account, the bank upload (read from the system policy). */
  payout: PayoutRunPolicySchema.default(DEFAULT_PAYOUT_RUN_POLICY),
  /** The DATEV export's header: accountant's and centre's numbers, fiscal year (read from the system policy). */
  datev: DatevPolicySchema.default(DEFAULT_DATEV_POLICY),
  /** The collection accounts patients pay into: a trust account per client or shared (Inkasso). */
  accounts: AccountsPolicySchema.default(DEFAULT_ACCOUNTS_POLICY),
  /** How often the audit trail is sealed into its hash chain (read from the system policy). */
  audit: AuditPolicySchema.default(DEFAULT_AUDIT_POLICY),
  /** Selling purchased claims on to the refinancing factor: whether and which (per client), how often (system policy). */
  refinancing: RefinancingPolicySchema.default(DEFAULT_REFINANCING_POLICY),
  /** GDPR retention: booking records, business letters, a person's data, the sweep's time (system policy). */
  retention: RetentionPolicySchema.default(DEFAULT_RETENTION_POLICY),
  /** VAT on Inkasso fees, invoiced per payout run and deducted from the client's line (per client). */
  feeVat: FeeVatPolicySchema.default(DEFAULT_FEE_VAT_POLICY),
  /** Recourse: which causes charge a purchased claim back to the client (the client's factoring contract). */
  recourse: RecoursePolicySchema.default(DEFAULT_RECOURSE_POLICY),
  /** Corrections: whether re-delivery resets the due date. */
  corrections: CorrectionsPolicySchema.default(DEFAULT_CORRECTIONS_POLICY),
  /** The nightly backup's Schedule and the archives' retention (read from the system policy). */
  backup: BackupPolicySchema.default(DEFAULT_BACKUP_POLICY),
  /** The embedded login: token lifetime, lockout after failures, login rate limit (read from the system policy). */
  auth: AuthPolicySchema.default(DEFAULT_AUTH_POLICY),
});

export type Policy = z.infer<typeof PolicySchema>;

/** What a billing centre typically agrees: 30 days to pay, three dunning levels two weeks apart. */
export const SYSTEM_POLICY: Policy = {
  paymentTerm: '30 days',
  reminderLevels: 3,
  reminderInterval: '14 days',
  reminderFeesCents: [0, 250, 500],
  collectionPeriod: '180 days',
  factoringFeeRate: '0.035',
  inkassoFeeRate: '0.06',
  maxHistoryEvents: 2000,
  interest: DEFAULT_INTEREST_POLICY,
  collection: DEFAULT_COLLECTION_POLICY,
  limitation: DEFAULT_LIMITATION_POLICY,
  matching: DEFAULT_MATCHING_POLICY,
  bankImport: DEFAULT_BANK_IMPORT_POLICY,
  documents: DEFAULT_DOCUMENT_POLICY,
  intake: DEFAULT_INTAKE_POLICY,
  payout: DEFAULT_PAYOUT_RUN_POLICY,
  datev: DEFAULT_DATEV_POLICY,
  accounts: DEFAULT_ACCOUNTS_POLICY,
  audit: DEFAULT_AUDIT_POLICY,
  refinancing: DEFAULT_REFINANCING_POLICY,
  retention: DEFAULT_RETENTION_POLICY,
  feeVat: DEFAULT_FEE_VAT_POLICY,
  recourse: DEFAULT_RECOURSE_POLICY,
  corrections: DEFAULT_CORRECTIONS_POLICY,
  backup: DEFAULT_BACKUP_POLICY,
  auth: DEFAULT_AUTH_POLICY,
};

/** The demo's policy: a claim's whole life in well under a minute. */
export const DEMO_POLICY: Policy = {
  ...SYSTEM_POLICY,
  paymentTerm: '8s',
  reminderInterval: '5s',
  collectionPeriod: '10s',
  collection: { ...DEFAULT_COLLECTION_POLICY, answerWithin: '10s' },
};

/** The system policy overridden by a client's own fields; throws naming every invalid field. */
export function resolvePolicy(system: unknown, client?: unknown): Policy {
  // A client field left empty (null) falls back to the system's value.
  const overrides = Object.entries((client as object | undefined) ?? {}).filter(([, v]) => v !== null && v !== undefined);
  const merged = { ...(system as object), ...Object.fromEntries(overrides) };
  const result = PolicySchema.safeParse(merged);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid policy: ${problems}`);
  }
  return result.data;
}
