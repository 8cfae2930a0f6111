import { chartView, ChartSettings } from '../../domain/datev/chart';
import type { Period } from '../../domain/accounting/booking-date';
import { doesNotExist } from '../../domain/refusal';
import { audit } from '../../persistence/audit';
import { loadChart, saveChart } from '../../persistence/accounting/chart';
import { exportById, exportList } from '../../persistence/accounting/datev-exports';
import type { ServiceDeps } from '../service-deps';
import { exportPeriod } from './datev-export';
import { moneyTrace } from './money-trace';

/** Accounting: the chart of accounts for DATEV, the period exports (and their locks), a claim's money trace. */
export function createAccountingService(deps: Pick<ServiceDeps, 'db'>) {
  const { db } = deps;

  async function storedExport(id: string) {
    const e = await exportById(db, id);
    if (!e) throw doesNotExist(`DATEV export ${id}`);
    return e;
  }

  return {
    chart: async () => chartView(await loadChart(db)),

    /** Sets the standard chart and the overrides (audited). */
    saveChart: (settings: ChartSettings, actor: string) =>
      db.$transaction(async (tx) => {
        await saveChart(tx, settings);
        await audit(tx, actor, 'update', 'accounting_chart', 'centre', settings);
        return chartView(settings);
      }),

    exportPeriod: (period: Period, actor: string) => exportPeriod(db, period, actor),
    exports: () => exportList(db),

    /** The stored Buchungsstapel, byte for byte as first written. */
    exportFile: async (id: string) => {
      const e = await storedExport(id);
      return { fileName: e.fileName, content: e.content };
    },

    /** The period's Rechnungsausgangsbuch (CSV). */
    invoiceJournal: async (id: string) => {
      const e = await storedExport(id);
      return { fileName: `Rechnungsausgangsbuch_${e.fileName.replace(/^EXTF_Buchungsstapel_/, '')}`, content: e.invoiceJournal };
    },

    moneyTrace: (claimId: string) => moneyTrace(db, claimId),
  };
}

export type AccountingService = ReturnType<typeof createAccountingService>;
