import type { BackupPolicy } from './backup-policy';

/** An archive's name and when it was written. */
export interface ArchiveAt {
  name: string;
  at: Date;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const month = (d: Date) => d.toISOString().slice(0, 7);
/** ISO 8601 week (UTC) as "YYYY-Www": the week's Thursday names its year. */
function week(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const dow = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - dow);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return `${t.getUTCFullYear()}-W${String(Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7)).padStart(2, '0')}`;
}

/**
 * The archives to delete under the retention policy (grandfather-father-son): an archive is kept
 * when it is the newest of one of the newest `daily` days, `weekly` weeks or `monthly` months that
 * have archives. The newest archive is always kept.
 */
export function archivesToPrune(archives: ArchiveAt[], retention: BackupPolicy['retention']): string[] {
  const newestFirst = [...archives].sort((a, b) => b.at.getTime() - a.at.getTime());
  const keep = new Set<string>();
  for (const [period, count] of [
    [day, retention.daily],
    [week, retention.weekly],
    [month, retention.monthly],
  ] as const) {
    const seen = new Set<string>();
    for (const a of newestFirst) {
      const p = period(a.at);
      if (seen.has(p)) continue;
      if (seen.size >= count) break;
      seen.add(p);
      keep.add(a.name);
    }
  }
  return newestFirst.filter((a) => !keep.has(a.name)).map((a) => a.name);
}
