import type { Db } from '../../infra/db/prisma';
import type { Period } from '../../domain/accounting/booking-date';
import { DEFAULT_CURRENCY } from '../../domain/accounting/currency';
import { buchungsstapel, fiscalYearStart } from '../../domain/datev/buchungsstapel';
import { accountNumbers } from '../../domain/datev/chart';
import { invoiceJournalCsv } from '../../domain/datev/invoice-journal';
import { transactionRows } from '../../domain/datev/transaction-rows';
import { Refusal } from '../../domain/refusal';
import { sha256Hex } from '../../domain/sha256';
import { audit } from '../../persistence/audit';
import { loadChart } from '../../persistence/accounting/chart';
import { exportOfPeriod, insertExport, invoicesIssuedIn, overlappingExports, transactionsBookedIn } from '../../persistence/accounting/datev-exports';
import { lockPeriodsForExport } from '../../persistence/accounting/period-locks';
import { loadSystemPolicy } from '../../persistence/policy';
import { newRowId } from '../../persistence/row-id';

/** A period's export runs in one transaction that keeps bookings out: time enough for a month of a large centre. */
const EXPORT_TIMEOUT_MS = 10 * 60_000;

/**
 * Exports a period to DATEV once: the Buchungsstapel of every entry booked in it and the
 * Rechnungsausgangsbuch, stored; the period is locked from then on. The same period again returns
 * the stored batch; a period overlapping an exported one (but not equal) is refused.
 */
export async function exportPeriod(db: Db, period: Period, actor: string) {
  if (period.from > period.to) throw new Refusal('unprocessable', 'period_reversed', `period ${period.from} to ${period.to} ends before it begins`);
  return db.$transaction(
    async (tx) => {
      await lockPeriodsForExport(tx);
      const earlier = await exportOfPeriod(tx, period);
      if (earlier) return { created: false, export: earlier };
      const clash = await overlappingExports(tx, period);
      if (clash.length > 0) throw new Refusal('conflict', 'period_overlaps_export', `period ${period.from} to ${period.to} overlaps the exported period ${clash[0].from} to ${clash[0].to}: export a period once, the same days again give the same batch`);
      const policy = (await loadSystemPolicy(tx)).datev;
      const fiscalStart = fiscalYearStart(period.from, policy.fiscalYearStartMonth);
      if (fiscalYearStart(period.to, policy.fiscalYearStartMonth) !== fiscalStart) {
        throw new Refusal('unprocessable', 'period_crosses_fiscal_year', `period ${period.from} to ${period.to} crosses the fiscal year beginning ${fiscalStart}: a DATEV batch lies within one fiscal year`);
      }
      const chart = await loadChart(tx);
      const numbers = accountNumbers(chart);
      const rows = (await transactionsBookedIn(tx, period)).flatMap((t) => transactionRows(t, numbers));
      const createdAt = new Date();
      const content = buchungsstapel({ createdAt, exportedBy: actor, period, skr: chart.skr, policy, currency: DEFAULT_CURRENCY }, rows);
      const e = {
        id: newRowId(),
        period,
        skr: chart.skr,
        fileName: `EXTF_Buchungsstapel_${period.from}_${period.to}.csv`,
        content,
        sha256: sha256Hex(content),
        invoiceJournal: invoiceJournalCsv(await invoicesIssuedIn(tx, period)),
        createdBy: actor,
        createdAt,
      };
      await insertExport(tx, e, rows);
      await audit(tx, actor, 'export', 'datev_export', e.id, { period, skr: chart.skr, rowCount: rows.length, sha256: e.sha256 });
      return { created: true, export: (await exportOfPeriod(tx, period))! };
    },
    { timeout: EXPORT_TIMEOUT_MS, maxWait: 60_000 },
  );
}
