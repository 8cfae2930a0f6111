import type { StoredRun } from '../../persistence/money/payout-run-store';

/** A run as staff see it: totals, the lines it pays and the lines it holds back with their reasons. */
export function payoutRunView(run: StoredRun) {
  const line = (l: StoredRun['lines'][number]) => ({
    recipientKind: l.recipientKind,
    recipientId: l.recipientId,
    name: l.recipientName,
    amountCents: l.amountCents,
    iban: l.iban,
    bic: l.bic,
    holder: l.holder,
    endToEndId: l.endToEndId,
    /** The statement line the bank debited this transfer on, once the statement is imported. */
    debitedOn: l.bankLineId,
    /** How many claim-level payables (a client line) or levies taken (a levy recipient line) it pays. */
    payables: l._count.items + l._count.levyItems,
    /** An Inkasso client's invoice over the fees (its VAT deducted from the amount); number once executed. */
    invoice: l.invoice,
  });
  return {
    id: run.id,
    number: run.number,
    status: run.status,
    cutOff: run.cutOff.toISOString(),
    executionDate: run.executionDate.toISOString().slice(0, 10),
    preparedBy: run.preparedBy,
    preparedAt: run.preparedAt.toISOString(),
    approvedBy: run.approvedBy,
    approvedAt: run.approvedAt?.toISOString() ?? null,
    cancelledBy: run.cancelledBy,
    executedAt: run.executedAt?.toISOString() ?? null,
    totals: { lineCount: run.lineCount, totalCents: run.totalCents, heldBackCents: run.heldBackCents },
    sepa: run.sepaSha256 ? { msgId: run.sepaMsgId, sha256: run.sepaSha256, uploadedTo: run.sepaUploadedTo } : null,
    lines: run.lines.filter((l) => l.heldBackReason === null).map(line),
    heldBack: run.lines.filter((l) => l.heldBackReason !== null).map((l) => ({ ...line(l), reason: l.heldBackReason })),
  };
}

export type PayoutRunView = ReturnType<typeof payoutRunView>;
