import { z } from 'zod';

/**
 * Limitation (Verjährung) as policy data: the statutory periods the limitation date is computed
 * with, and how early the workflow escalates before it. Calendar days, months and years, not
 * durations: limitation follows a claim's dates, not the short durations tests run on.
 */
export const LimitationPolicySchema = z.object({
  /** The regular period (§ 195 BGB), ending with the year's end (§ 199 (1) BGB). */
  regularYears: z.number().int().min(1).max(30),
  /** A title's period (§ 197 (1) Nr. 3 BGB). */
  titleYears: z.number().int().min(1).max(30),
  /** A dunning order halts until this many months after its proceedings end (§ 204 (2) BGB). */
  dunningOrderAfterMonths: z.number().int().min(0).max(24),
  /** Negotiations: limitation ends at the earliest this many months after they end (§ 203 BGB). */
  negotiationAfterMonths: z.number().int().min(0).max(24),
  /** At least this many days before its limitation date a claim must be with the lawyer or declined. */
  escalateDaysBefore: z.number().int().min(0).max(3650),
  /**
   * The sweep (system policy): when it runs (cron), and how far ahead it looks at open claims'
   * limitation dates, whether or not their workflow still runs.
   */
  sweepCron: z.string().min(9).default('15 5 * * *'),
  sweepDaysAhead: z.number().int().min(0).max(3650).default(120),
});

export type LimitationPolicy = z.infer<typeof LimitationPolicySchema>;

export const DEFAULT_LIMITATION_POLICY: LimitationPolicy = {
  regularYears: 3,
  titleYears: 30,
  dunningOrderAfterMonths: 6,
  negotiationAfterMonths: 3,
  escalateDaysBefore: 90,
  sweepCron: '15 5 * * *',
  sweepDaysAhead: 120,
};
