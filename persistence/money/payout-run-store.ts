import type { Db, Tx } from '../../infra/db/prisma';
import type { PayoutRunStatus, Prisma } from '../../prisma/generated/client';
import type { RecipientDue, RunLine } from '../../domain/money/payout-run-lines';
import { endToEndId } from '../../domain/money/sepa-ids';
import { bulkInsert } from '../bulk-insert';
import { newRowId } from '../row-id';
import { leviesOwed } from './levies-owed';
import { deleteRunInvoices } from './run-invoices';
import { payoutAccountsOf } from './payout-accounts';

/**
 * Payout runs, their lines and the claim-level payables each line pays. The file's bytes are
 * never part of a run as these functions return it: only `sepaFile` reads them.
 */

const WITHOUT_FILE = { sepaFile: true } as const;

/** Advisory lock key serialising run preparations. */
const PREPARE_LOCK = 0x9a7075;

/**
 * Makes preparations wait for each other (to the end of the caller's transaction): a run prepared
 * meanwhile has taken its payables and levies, which the next sees committed. Levies have no row
 * of their own a second run's insert would collide on until the items are written.
 */
export async function lockRunPreparation(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PREPARE_LOCK}::bigint)`;
}

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
    due.payables.push({ id: p.id, amountCents: p.amountCents });
  }
  const accounts = await payoutAccountsOf(tx, [...byClient.keys()]);
  for (const due of byClient.values()) Object.assign(due, accounts.get(due.id) ?? { account: null });
  return [...byClient.values()];
}

/**
 * What each levy recipient is owed up to the cut-off: the levies taken for it from the clients'
 * payables (of `clientIds`' fees, when given) that no run has taken, paid to its account on file.
 * The client's payables are net of them already: a levy is never paid twice, nor kept.
 */
export async function openLeviesByRecipient(tx: Tx, cutOff: Date, clientIds?: string[]): Promise<RecipientDue[]> {
  return (await leviesOwed(tx, { until: cutOff, clientIds })).map((o) => ({
    kind: 'LEVY_RECIPIENT',
    id: o.recipientId,
    name: o.name,
    account: { iban: o.iban, bic: o.bic, holder: o.name },
    payables: o.rows.map((r) => ({ id: r.levyKey, amountCents: r.cents })),
  }));
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
export async function createRun(tx: Tx, run: NewRun, lines: RunLine[]): Promise<{ number: number; lineIds: Map<RunLine, string> }> {
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
  const paid = rows.filter(({ line }) => line.heldBackReason === null);
  const itemsOf = (kind: RunLine['kind']) => paid.filter(({ line }) => line.kind === kind).flatMap(({ id, line }) => line.payables.map((p) => ({ id: p.id, lineId: id, amountCents: p.amountCents })));
  await bulkInsert(tx, 'PayoutRunItem', { payoutId: 'text', lineId: 'text', amountCents: 'int4' }, itemsOf('CLIENT').map((i) => ({ payoutId: i.id, lineId: i.lineId, amountCents: i.amountCents })));
  // A levy's entry key is `levy:<claimLevyId>:<step>`.
  await bulkInsert(tx, 'PayoutRunLevyItem', { levyKey: 'text', lineId: 'text', claimLevyId: 'text', amountCents: 'int4' }, itemsOf('LEVY_RECIPIENT').map((i) => ({ levyKey: i.id, lineId: i.lineId, claimLevyId: i.id.split(':')[1], amountCents: i.amountCents })));
  return { number: created.number, lineIds: new Map(rows.map(({ id, line }) => [line, id])) };
}

export function findRun(db: Tx, runId: string) {
  return db.payoutRun.findUnique({
    where: { id: runId },
    omit: WITHOUT_FILE,
    include: { lines: { orderBy: [{ heldBackReason: { sort: 'asc', nulls: 'first' } }, { recipientName: 'asc' }], include: { _count: { select: { items: true, levyItems: true } }, invoice: { select: { id: true, number: true, netCents: true, vatRate: true, vatCents: true } } } } },
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

/** A cancelled run's payables and levies are free for the next run, its invoices' fees too. */
export async function releaseRunItems(tx: Tx, runId: string): Promise<void> {
  await deleteRunInvoices(tx, runId);
  await tx.payoutRunItem.deleteMany({ where: { line: { runId } } });
  await tx.payoutRunLevyItem.deleteMany({ where: { line: { runId } } });
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

/** The paid client lines with the claim of each payable they pay: what the run's client postings are made of. */
export function paidLinesWithPayables(db: Tx, runId: string) {
  return db.payoutRunLine.findMany({
    where: { runId, heldBackReason: null, recipientKind: 'CLIENT' },
    orderBy: { endToEndId: 'asc' },
    include: { items: { orderBy: { payoutId: 'asc' }, select: { amountCents: true, payout: { select: { claimId: true } } } }, invoice: { select: { id: true, vatCents: true } } },
  });
}

/**
 * What the run's paid levy recipient lines pay per claim levy: the sum of its items, with the claim
 * and the client whose fees it was taken from (one `levy-paid` entry each).
 */
export async function paidLevies(db: Tx, runId: string): Promise<Array<{ claimLevyId: string; claimId: string; clientId: string; recipientName: string; endToEndId: string; amountCents: number }>> {
  const rows = await db.$queryRaw<Array<{ claimLevyId: string; claimId: string; clientId: string; recipientName: string; endToEndId: string; amountCents: bigint }>>`
    SELECT i."claimLevyId", l."claimId", l."clientId", ln."recipientName", ln."endToEndId", SUM(i."amountCents") AS "amountCents"
    FROM "PayoutRunLevyItem" i
    JOIN "PayoutRunLine" ln ON ln.id = i."lineId"
    JOIN "ClaimLevy" l ON l.id = i."claimLevyId"
    WHERE ln."runId" = ${runId} AND ln."heldBackReason" IS NULL
    GROUP BY i."claimLevyId", l."claimId", l."clientId", ln."recipientName", ln."endToEndId"
    ORDER BY ln."endToEndId", i."claimLevyId"`;
  return rows.map((r) => ({ ...r, amountCents: Number(r.amountCents) }));
}
