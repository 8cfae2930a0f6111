import { z } from 'zod';

/** The nightly backup (system-wide policy data). */
export const BackupPolicySchema = z.object({
  /** Cron expression (UTC) of the Schedule that writes the backup. */
  scheduleCron: z.string().min(1),
  /** Archives kept: the newest of each of the last `daily` days, `weekly` ISO weeks and `monthly` months. */
  retention: z.object({
    daily: z.number().int().min(1).max(366),
    weekly: z.number().int().min(0).max(260),
    monthly: z.number().int().min(0).max(240),
  }),
});

export type BackupPolicy = z.infer<typeof BackupPolicySchema>;

/** Every night at 02:30 UTC; a week of dailies, a month of weeklies, a year of monthlies. */
export const DEFAULT_BACKUP_POLICY: BackupPolicy = {
  scheduleCron: '30 2 * * *',
  retention: { daily: 7, weekly: 4, monthly: 12 },
};
