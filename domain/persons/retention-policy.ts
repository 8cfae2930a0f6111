import { z } from 'zod';

/** Kinds that are booking records (Buchungsbelege): invoices and the journals money moved by. */
const BOOKING_RECORD_KINDS = ['invoice', 'client_invoice', 'purchase_journal', 'outgoing_invoice_journal', 'payout_journal', 'write_off_notice'];

/**
 * How long what is held about a person is kept (system policy). Each period runs from the end of
 * the calendar year of the last change (§ 147 (4) AO, § 257 (5) HGB).
 */
export const RetentionPolicySchema = z.object({
  /** Booking records (§ 147 (1) Nr. 4, (3) AO; § 257 (1) Nr. 4, (4) HGB): ten years. */
  bookingRecordYears: z.number().int().min(10).max(30),
  /** Document kinds that are booking records; every other letter is a business letter. */
  bookingRecordKinds: z.array(z.string().min(1)),
  /** Business letters sent and received (§ 147 (1) Nr. 2, 3, (3) AO; § 257 (4) HGB): six years. */
  businessLetterYears: z.number().int().min(6).max(30),
  /** A person's names, address, birth date and contact data, after their last claim closed. */
  personalDataYears: z.number().int().min(1).max(30),
  /** When the retention sweep runs (cron, UTC). */
  sweepCron: z.string().min(1),
});

export type RetentionPolicy = z.infer<typeof RetentionPolicySchema>;

export const DEFAULT_RETENTION_POLICY: RetentionPolicy = {
  bookingRecordYears: 10,
  bookingRecordKinds: BOOKING_RECORD_KINDS,
  businessLetterYears: 6,
  personalDataYears: 10,
  sweepCron: '30 2 * * *',
};
