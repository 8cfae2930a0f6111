import type { Prisma } from '../../prisma/generated/client';
import { ChartSettings, DEFAULT_CHART } from '../../domain/datev/chart';

type Tx = Prisma.TransactionClient;
const CHART_ID = 'centre';

/** The centre's chart settings; the shipped default until staff saved their own. */
export async function loadChart(tx: Tx): Promise<ChartSettings> {
  const row = await tx.accountingChart.findUnique({ where: { id: CHART_ID } });
  return row ? ChartSettings.parse({ skr: row.skr, overrides: row.overrides }) : DEFAULT_CHART;
}

export async function saveChart(tx: Tx, c: ChartSettings): Promise<void> {
  await tx.accountingChart.upsert({ where: { id: CHART_ID }, create: { id: CHART_ID, skr: c.skr, overrides: c.overrides }, update: { skr: c.skr, overrides: c.overrides } });
}
