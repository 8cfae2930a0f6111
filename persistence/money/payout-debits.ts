import type { Tx } from '../../infra/db/prisma';

/** A payout run's transfer as the bank statement may show it. */
export interface PayoutTransfer {
  lineId: string;
  runNumber: number;
  recipientName: string;
  amountCents: number;
  endToEndId: string;
  /** The statement line already recognised as this transfer, if any. */
  bankLineId: string | null;
}

/** The executed runs' transfers with these end-to-end ids. */
export async function payoutTransfers(tx: Tx, endToEndIds: string[]): Promise<Map<string, PayoutTransfer>> {
  if (endToEndIds.length === 0) return new Map();
  const lines = await tx.payoutRunLine.findMany({
    where: { endToEndId: { in: endToEndIds }, heldBackReason: null, run: { status: 'EXECUTED' } },
    select: { id: true, recipientName: true, amountCents: true, endToEndId: true, bankLineId: true, run: { select: { number: true } } },
  });
  return new Map(lines.map((l) => [l.endToEndId, { lineId: l.id, runNumber: l.run.number, recipientName: l.recipientName, amountCents: l.amountCents, endToEndId: l.endToEndId, bankLineId: l.bankLineId }]));
}

/** Notes on each run line the statement line its transfer was debited on. */
export async function markTransfersDebited(tx: Tx, debits: Array<{ lineId: string; bankLineId: string }>): Promise<void> {
  for (const d of debits) await tx.payoutRunLine.update({ where: { id: d.lineId }, data: { bankLineId: d.bankLineId } });
}
