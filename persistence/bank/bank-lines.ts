import type { Db, Tx } from '../../infra/db/prisma';
import type { BankLine as BankLineRow, BankLineStatus } from '../../prisma/generated/client';
import type { BankLine, BankLineKind } from '../../domain/bank/bank-line';
import { bulkInsertNew, ColumnType } from '../bulk-insert';
import { IdPage, pageOf } from '../id-page';

const LINE_COLUMNS: Record<string, ColumnType> = {
  id: 'text', fileId: 'text', dedupKey: 'text', accountId: 'text', statementId: 'text', bookingDate: 'text', valueDate: 'text',
  amountCents: 'int4', currency: 'text', originalAmountCents: 'int4', originalCurrency: 'text', kind: 'text', entryRef: 'text',
  endToEndId: 'text', mandateId: 'text', counterpartyName: 'text', counterpartyIban: 'text', remittance: 'text', bankCode: 'text', returnReason: 'text',
  source: 'text', status: { enum: 'BankLineStatus' }, decision: 'jsonb',
};

/** A line of a statement file about to be stored. */
export interface NewBankLine {
  id: string;
  line: BankLine;
  statementId?: string;
  dedupKey: string;
}

/** The dedup keys of these that lines stored before carry (an overlapping statement's). */
export async function knownDedupKeys(tx: Tx, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await tx.$queryRaw<Array<{ dedupKey: string }>>`SELECT "dedupKey" FROM "BankLine" WHERE "dedupKey" = ANY(${keys}::text[])`;
  return new Set(rows.map((r) => r.dedupKey));
}

/** A new line with the status and decision it was booked by. */
export type DecidedBankLine = NewBankLine & { status: BankLineStatus; decision: object };

/**
 * Stores a file's new lines, each with its status and decision, in one statement; returns the ids
 * stored. A line whose dedup key another import stored meanwhile is not stored again (and missing
 * from the result).
 */
export function insertDecidedLines(tx: Tx, fileId: string, lines: DecidedBankLine[]): Promise<Set<string>> {
  const rows = lines.map(({ line, statementId, dedupKey, id, status, decision }) => ({
    ...line,
    id,
    fileId,
    dedupKey,
    statementId,
    originalAmountCents: line.original?.amountCents,
    originalCurrency: line.original?.currency,
    status,
    decision,
  }));
  return bulkInsertNew(tx, 'BankLine', LINE_COLUMNS, rows, 'dedupKey');
}

export async function setLineStatus(tx: Tx, lineId: string, status: BankLineStatus): Promise<void> {
  await tx.bankLine.update({ where: { id: lineId }, data: { status } });
}

/** The domain model of a stored line (what the matcher reads). */
export function bankLineOf(r: BankLineRow): BankLine {
  return {
    accountId: r.accountId,
    bookingDate: r.bookingDate,
    valueDate: r.valueDate ?? undefined,
    amountCents: r.amountCents,
    currency: r.currency,
    original: r.originalAmountCents !== null && r.originalCurrency ? { amountCents: r.originalAmountCents, currency: r.originalCurrency } : undefined,
    kind: r.kind as BankLineKind,
    entryRef: r.entryRef ?? undefined,
    endToEndId: r.endToEndId ?? undefined,
    mandateId: r.mandateId ?? undefined,
    counterpartyName: r.counterpartyName ?? undefined,
    counterpartyIban: r.counterpartyIban ?? undefined,
    remittance: r.remittance,
    bankCode: r.bankCode ?? undefined,
    returnReason: r.returnReason ?? undefined,
    source: r.source,
  };
}

/** A line under its row lock (staff act on one line at a time); undefined when there is none. */
export async function lockLine(tx: Tx, lineId: string): Promise<{ id: string; amountCents: number; counterpartyIban: string | null; status: string } | undefined> {
  const [line] = await tx.$queryRaw<Array<{ id: string; amountCents: number; counterpartyIban: string | null; status: string }>>`
      SELECT id, "amountCents", "counterpartyIban", status::text FROM "BankLine" WHERE id = ${lineId} FOR UPDATE`;
  return line;
}

/** A line with its allocations, oldest first. */
export function lineWithAllocations(tx: Tx, lineId: string) {
  return tx.bankLine.findUniqueOrThrow({ where: { id: lineId }, include: { allocations: { orderBy: { createdAt: 'asc' } } } });
}

/** The staff action on a line that carried this Idempotency-Key (from the audit trail), if any. */
export async function actionByIdempotencyKey(tx: Tx, lineId: string, idempotencyKey: string): Promise<string | undefined> {
  const earlier = await tx.auditEvent.findFirst({ where: { entityType: 'bank-line', entityId: lineId, data: { path: ['idempotencyKey'], equals: idempotencyKey } } });
  return earlier?.action;
}

/** A page of the unclear-payments queue, with each line's allocations and file name. */
export function unclearLinesPage(db: Db, q: IdPage) {
  const page = pageOf(q);
  return db.bankLine.findMany({ ...page, where: { status: 'UNCLEAR', ...page.where }, include: { allocations: true, file: { select: { fileName: true } } } });
}

/** A page of a file's lines, optionally of one status. */
export type FileLinesQuery = IdPage & { status?: BankLineStatus };

/** A page of a file's lines, with their allocations. */
export function fileLinesPage(db: Db, fileId: string, q: FileLinesQuery) {
  const page = pageOf(q);
  return db.bankLine.findMany({ ...page, where: { fileId, status: q.status, ...page.where }, include: { allocations: true } });
}
