import type { Db, Tx } from '../../infra/db/prisma';
import type { PayoutRunStatus, Prisma } from '../../prisma/generated/client';
import type { RecipientDue, RunLine } from '../../domain/money/payout-run-lines';
import { endToEndId } from '../../domain/money/sepa-ids';
import { newRowId } from '../row-id';
import { payoutAccountOf } from './payout-accounts';

/**
 * Payout runs, their lines and the claim-level payables each line pays. The file's bytes are
 * never part of a run as these functions return it: only `sepaFile` reads them.
 */

const WITHOUT_FILE = { sepaFile: true } as const;

/**
 * What each client is owed up to the cut-off: its released claim-level payables (`Payout` rows)
 * that no run has paid or is paying, with the client's payout account. `clientIds` narrows the run.
 */
export async function openPayablesByClient(tx: Tx, cutOff: Date, clientIds?: string[]): Promise<RecipientDue[]> {
  const payables = await tx.payout.findMany({
    where: { createdAt: { lte: cutOff }, runItem: null, ...(clientIds ? { clientId: { in: clientIds } } : {}) },
    select: { id: true, clientId: true, amountCents: true, client: { select: { name: true } } },
    orderBy: [{ clientId: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
  });
  const byClient = new Map<string, RecipientDue>();
  for (const p of payables) {
    let due = byClient.get(p.clientId);
    if (!due) {
      due = { kind: 'CLIENT', id: p.clientId, name: p.client.name, account: null, payables: [] };
      byClient.set(p.clientId, due);
    }
    due.payables.push({ payoutId: p.id, amountCents: p.amountCents });
  }
  for (const due of byClient.values()) Object.assign(due, await payoutAccountOf(tx, due.id));
  return [...byClient.values()];
}

export interface NewRun {
  id: string;
  cutOff: Date;
  executionDate: Date;
  preparedBy: string;
  totals: { lineCount: number; totalCents: number; heldBackCents: number };
}

/**
 * Stores a prepared run with its lines; a paid line's payables become its items. A payable
 * another run took meanwhile fails the insert (the item's key is the payout): nothing is stored.
 */
export async function createRun(tx: Tx, run: NewRun, lines: RunLine[]): Promise<number> {
  const created = await tx.payoutRun.create({ data: { id: run.id, cutOff: run.cutOff, executionDate: run.executionDate, preparedBy: run.preparedBy, ...run.totals }, select: { number: true } });
  const rows = lines.map((l) => ({ id: newRowId(), line: l }));
  await tx.payoutRunLine.createMany({
    data: rows.map(({ id, line }) => ({
      id,
      runId: run.id,
      recipientKind: line.kind,
      recipientId: line.id,
      recipientName: line.name,
      amountCents: line.amountCents,
      iban: line.account?.iban ?? null,
      bic: line.account?.bic ?? null,
      holder: line.account?.holder ?? null,
      endToEndId: endToEndId(created.number, line.kind, line.id),
      heldBackReason: line.heldBackReason,
    })),
  });
  await tx.payoutRunItem.createMany({
    data: rows.filter(({ line }) => line.heldBackReason === null).flatMap(({ id, line }) => line.payables.map((p) => ({ payoutId: p.payoutId, lineId: id, amountCents: p.amountCents }))),
  });
  return created.number;
}

export function findRun(db: Tx, runId: string) {
  return db.payoutRun.findUnique({
    where: { id: runId },
    omit: WITHOUT_FILE,
    include: { lines: { orderBy: [{ heldBackReason: { sort: 'asc', nulls: 'first' } }, { recipientName: 'asc' }], include: { _count: { select: { items: true } } } } },
  });
}

export type StoredRun = NonNullable<Awaited<ReturnType<typeof findRun>>>;

export function listRuns(db: Db, take: number) {
  return db.payoutRun.findMany({ omit: WITHOUT_FILE, orderBy: { number: 'desc' }, take });
}

/** Moves the run from one of `from` to `to`; false when it was in another status (someone else moved it). */
export async function moveRun(tx: Tx, runId: string, from: PayoutRunStatus[], to: PayoutRunStatus, data: Prisma.PayoutRunUpdateManyMutationInput = {}): Promise<boolean> {
  const { count } = await tx.payoutRun.updateMany({ where: { id: runId, status: { in: from } }, data: { ...data, status: to } });
  return count === 1;
}

/** A cancelled run's payables are free for the next run. */
export async function releaseRunItems(tx: Tx, runId: string): Promise<void> {
  await tx.payoutRunItem.deleteMany({ where: { line: { runId } } });
}

/** Stores the run's SEPA file once: a file already stored stays (returns false). */
export async function storeSepaFile(db: Db, runId: string, file: { msgId: string; content: Buffer; sha256: string }): Promise<boolean> {
  const { count } = await db.payoutRun.updateMany({ where: { id: runId, sepaFile: null }, data: { sepaMsgId: file.msgId, sepaFile: new Uint8Array(file.content), sepaSha256: file.sha256 } });
  return count === 1;
}

export async function sepaFile(db: Db, runId: string): Promise<Buffer | null> {
  const rows = await db.$queryRaw<Array<{ content: string | null }>>`SELECT encode("sepaFile", 'base64') AS content FROM "PayoutRun" WHERE id = ${runId}`;
  return rows[0]?.content ? Buffer.from(rows[0].content, 'base64') : null;
}

/** The paid lines with the claim of each payable they pay: what the run's postings are made of. */
export function paidLinesWithPayables(db: Tx, runId: string) {
  return db.payoutRunLine.findMany({
    where: { runId, heldBackReason: null },
    orderBy: { endToEndId: 'asc' },
    include: { items: { orderBy: { payoutId: 'asc' }, select: { amountCents: true, payout: { select: { claimId: true } } } } },
  });
}
