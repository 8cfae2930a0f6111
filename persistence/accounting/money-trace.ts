import type { Prisma } from '../../prisma/generated/client';
import { transactionSource, TransactionSource } from '../../domain/accounting/transaction-source';
import { RECOGNISE_KIND } from '../../domain/interest/receivable-moves';

type Tx = Prisma.TransactionClient;

/** Every posting of the claim with its transaction and where it came from, in booking order. */
export async function claimPostings(tx: Tx, claimId: string) {
  const postings = await tx.ledgerPosting.findMany({
    where: { claimId },
    include: { transaction: { select: { id: true, kind: true, idempotencyKey: true, description: true, bookingDate: true, occurredAt: true } } },
    orderBy: [{ transaction: { bookingDate: 'asc' } }, { transaction: { occurredAt: 'asc' } }, { id: 'asc' }],
  });
  return postings.map((p) => ({ ...p, source: transactionSource(p.transaction.idempotencyKey, claimId) }));
}

/** The DATEV rows each posting was exported in: posting id → [{ exportId, rowNo }]. */
export async function exportRowsOf(tx: Tx, transactionIds: string[]): Promise<Map<string, Array<{ exportId: string; rowNo: number }>>> {
  const rows = await tx.$queryRaw<Array<{ exportId: string; rowNo: number; postingId: string }>>`
    SELECT r."exportId", r."rowNo", unnest(r."postingIds") AS "postingId" FROM "DatevExportRow" r WHERE r."transactionId" = ANY(${transactionIds}::text[]) ORDER BY r."exportId", r."rowNo"`;
  const by = new Map<string, Array<{ exportId: string; rowNo: number }>>();
  for (const r of rows) by.set(r.postingId, [...(by.get(r.postingId) ?? []), { exportId: r.exportId, rowNo: r.rowNo }]);
  return by;
}

/** The records behind the sources: payments (with the bank line they came on), bank lines, allocations, payouts, the invoice's GOÄ lines. */
export async function sourceRecords(tx: Tx, claimId: string, sources: Array<TransactionSource & { transactionKind: string }>) {
  const ids = (kind: TransactionSource['kind']) => [...new Set(sources.filter((s) => s.kind === kind).map((s) => s.id))];
  const [payments, lines, allocations, payouts, goae] = await Promise.all([
    tx.payment.findMany({ where: { id: { in: ids('payment') } }, select: { id: true, amountCents: true, receivedAt: true, source: true, reference: true } }),
    tx.bankLine.findMany({ where: { id: { in: ids('bank_line') } }, select: { id: true, bookingDate: true, amountCents: true, currency: true, counterpartyName: true, remittance: true } }),
    tx.bankAllocation.findMany({ where: { OR: [{ id: { in: ids('allocation') } }, { paymentId: { in: ids('payment') } }] }, select: { id: true, bankLineId: true, kind: true, paymentId: true, amountCents: true, actor: true } }),
    tx.payout.findMany({ where: { idempotencyKey: { in: ids('payout') } }, select: { id: true, idempotencyKey: true, amountCents: true, iban: true, createdAt: true } }),
    sources.some((s) => s.transactionKind === RECOGNISE_KIND)
      ? tx.claimLine.findMany({ where: { claimId }, select: { lineNo: true, kind: true, code: true, text: true, factor: true, count: true, amountCents: true }, orderBy: { lineNo: 'asc' } })
      : Promise.resolve([]),
  ]);
  return { payments, lines, allocations, payouts, goae };
}
