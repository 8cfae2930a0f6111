import { archivesToPrune } from '../../domain/operations/backup-retention';

const at = (iso: string) => ({ name: iso, at: new Date(iso) });

describe('archivesToPrune', () => {
  it('keeps the newest per day, ISO week and month within their counts, deletes the rest', () => {
    // Nightly archives from 2026-10-01 to 2026-12-02, plus a second one on 2026-12-02.
    const archives = [];
    for (let d = Date.UTC(2026, 9, 1, 2, 30); d <= Date.UTC(2026, 11, 2, 2, 30); d += 86_400_000) archives.push(at(new Date(d).toISOString()));
    archives.push(at('2026-12-02T14:00:00.000Z'));
    const pruned = archivesToPrune(archives, { daily: 3, weekly: 2, monthly: 3 });
    const kept = archives.map((a) => a.name).filter((n) => !pruned.includes(n)).sort();
    expect(kept).toEqual([
      '2026-10-31T02:30:00.000Z', // October's newest
      '2026-11-29T02:30:00.000Z', // week 2026-W48's newest (Sunday)
      '2026-11-30T02:30:00.000Z', // a daily; November's newest
      '2026-12-01T02:30:00.000Z', // a daily
      '2026-12-02T14:00:00.000Z', // today's newest: daily, week W49, December
    ]);
  });

  it('keeps everything while there are fewer archives than the counts', () => {
    expect(archivesToPrune([at('2026-12-01T02:30:00Z'), at('2026-12-02T02:30:00Z')], { daily: 7, weekly: 0, monthly: 0 })).toEqual([]);
  });
});
