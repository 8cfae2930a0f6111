import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../../infra/db/prisma';
import { runLines, runTotals } from '../../domain/money/payout-run-lines';
import { doesNotExist, Refusal } from '../../domain/refusal';
import { audit } from '../../persistence/audit';
import { createRun, lockRunPreparation, moveRun, openLeviesByRecipient, openPayablesByClient, releaseRunItems } from '../../persistence/money/payout-run-store';
import { loadSystemPolicy } from '../../persistence/policy';
import { storeRunInvoice } from '../../persistence/money/run-invoices';
import { invoicesDue } from './payout-run-invoices';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A run of a large centre takes a hundred thousand payables and levies in one transaction. */
const PREPARE_TRANSACTION = { timeout: 300_000, maxWait: 60_000 };

/**
 * A payout run's staff steps before execution: prepared (the preview), approved by a second
 * person (four eyes), or cancelled (its payables are free for the next run). Each is audited.
 */

/**
 * Prepares a run of everything released up to now (of `clientIds`, or all clients), with the
 * levies taken from it for their recipients, and each paid Inkasso client's invoice over the fees
 * (its VAT deducted from the line); returns its id, or null when nothing is owed to anyone.
 */
export async function prepareRun(db: Db, input: { clientIds?: string[] }, actor: string): Promise<string | null> {
  const { payout } = await loadSystemPolicy(db);
  const cutOff = new Date();
  const executionDate = new Date(Date.UTC(cutOff.getUTCFullYear(), cutOff.getUTCMonth(), cutOff.getUTCDate()) + payout.executionAfterDays * DAY_MS);
  const id = randomUUID();
  return db.$transaction(async (tx) => {
    await lockRunPreparation(tx);
    const dues = [...(await openPayablesByClient(tx, cutOff, input.clientIds)), ...(await openLeviesByRecipient(tx, cutOff, input.clientIds))];
    const invoices = await invoicesDue(tx, dues);
    const lines = runLines(dues);
    if (lines.length === 0) return null;
    const totals = runTotals(lines);
    const { number, lineIds } = await createRun(tx, { id, cutOff, executionDate, preparedBy: actor, totals }, lines);
    for (const line of lines) {
      const invoice = line.kind === 'CLIENT' && line.heldBackReason === null ? invoices.get(line.id) : undefined;
      if (invoice) await storeRunInvoice(tx, lineIds.get(line)!, line.id, invoice.fees, invoice.amounts);
    }
    await audit(tx, actor, 'prepare', 'payout-run', id, { number, ...totals, heldBack: lines.filter((l) => l.heldBackReason).map((l) => ({ recipient: l.id, reason: l.heldBackReason })) });
    return id;
  }, PREPARE_TRANSACTION);
}

async function statusOf(tx: Tx, runId: string) {
  const run = await tx.payoutRun.findUnique({ where: { id: runId }, select: { number: true, status: true, preparedBy: true } });
  if (!run) throw doesNotExist(`payout run ${runId}`);
  return run;
}

/** The second person's approval: refused to the preparer, and for a run not in preview. */
export function approveRun(db: Db, runId: string, actor: string): Promise<void> {
  return db.$transaction(async (tx) => {
    const run = await statusOf(tx, runId);
    if (run.preparedBy === actor) throw new Refusal('unprocessable', 'four_eyes', `payout run ${run.number} was prepared by ${actor}: another person must approve it`);
    if (!(await moveRun(tx, runId, ['PREVIEWED'], 'APPROVED', { approvedBy: actor, approvedAt: new Date() }))) {
      throw new Refusal('conflict', 'run_not_previewed', `payout run ${run.number} is ${run.status}: only a previewed run can be approved`);
    }
    await audit(tx, actor, 'approve', 'payout-run', runId, { number: run.number }, { before: { status: run.status }, after: { status: 'APPROVED', approvedBy: actor } });
  });
}

/** Cancels a run not yet executing; its payables go to the next run. */
export function cancelRun(db: Db, runId: string, actor: string): Promise<void> {
  return db.$transaction(async (tx) => {
    const run = await statusOf(tx, runId);
    if (!(await moveRun(tx, runId, ['PREVIEWED', 'APPROVED'], 'CANCELLED', { cancelledBy: actor }))) {
      throw new Refusal('conflict', 'run_not_cancellable', `payout run ${run.number} is ${run.status}: only a previewed or approved run can be cancelled`);
    }
    await releaseRunItems(tx, runId);
    await audit(tx, actor, 'cancel', 'payout-run', runId, { number: run.number }, { before: { status: run.status }, after: { status: 'CANCELLED' } });
  });
}

/**
 * Marks an approved run for execution (audited with who asked); returns whether its workflow is
 * to be started: an executing run's is started again (a no-op while it runs), an executed run's not.
 */
export function beginExecution(db: Db, runId: string, actor: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const run = await statusOf(tx, runId);
    if (run.status === 'EXECUTED') return false;
    if (run.status === 'EXECUTING') return true;
    if (!(await moveRun(tx, runId, ['APPROVED'], 'EXECUTING'))) {
      throw new Refusal('conflict', 'run_not_approved', `payout run ${run.number} is ${run.status}: only an approved run can be executed`);
    }
    await audit(tx, actor, 'execute', 'payout-run', runId, { number: run.number }, { before: { status: run.status }, after: { status: 'EXECUTING' } });
    return true;
  });
}
