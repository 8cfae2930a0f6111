import type { Tx } from '../../infra/db/prisma';
import type { BankLine } from '../../domain/bank/bank-line';
import { watchesBalance } from '../../domain/bank/watching-stages';
import { Account } from '../../domain/ledger/accounts';
import { openCents } from '../../domain/ledger/claim-balance';
import * as entries from '../../domain/ledger/entries';
import { formatEuro } from '../../domain/format';
import type { Allocation, MatchDecision } from '../../domain/matching/types';
import { bookNew, JournalEntry } from '../../persistence/ledger';
import { AllocationRow, insertAllocations, markAllocationsReversed, originalPaymentEntries } from '../../persistence/bank/bank-allocations';
import { DecidedBankLine, insertDecidedLines, NewBankLine } from '../../persistence/bank/bank-lines';
import { ClaimState, claimStates, lockClaims } from '../../persistence/bank/claim-states';
import { paymentTargets, PaymentTarget, PreparedPayment, preparePayment, withPostings, writePayments } from '../../persistence/payments';
import { newRowId } from '../../persistence/row-id';
import { markTransfersDebited, payoutTransfers } from '../../persistence/money/payout-debits';

export const IMPORT_ACTOR = 'bank-import';

/** A line of the file not stored before, with the matcher's decision. */
export interface DecidedLine extends NewBankLine {
  decision: MatchDecision;
}

type LineStatus = 'MATCHED' | 'UNCLEAR' | 'REVERSED' | 'IGNORED';

/** What the booking of a batch of lines writes; collected first, then written in a few statements. */
interface Batch {
  payments: PreparedPayment[];
  entries: JournalEntry[];
  allocations: AllocationRow[];
  reversed: Array<{ id: string; by: string }>;
  lines: DecidedBankLine[];
  /** Payout-run transfers recognised on this statement: run line → statement line. */
  debits: Array<{ lineId: string; bankLineId: string }>;
}

/**
 * Stores new bank lines and books the matcher's decisions for them, in the caller's transaction:
 * BOOK → one payment per allocation (key `bank:<lineId>:<claimId>`), as a staff payment would be;
 * QUEUE → bank against unallocated receipts, for the unclear-payments assistant;
 * REVERSE → the returned payments' entries undone, money out of the bank;
 * IGNORE → bank charges booked as such; our own transfers recorded only (payouts and refunds were
 * booked when they were sent, so booking their statement line again would count them twice).
 * Anything that does not add up is queued with the reason instead: never a wrong booking.
 * Ledger keys are `bank-line:<lineId>:<what>` (or the payment's own), so a file's bank postings can
 * be reconciled against its statements. Each line is stored once, with the status and decision it
 * was booked by.
 */
export async function bookDecisions(tx: Tx, fileId: string, lines: DecidedLine[]): Promise<void> {
  const paymentIds = lines.flatMap((l) => (l.decision.action === 'REVERSE' ? l.decision.paymentIds : []));
  const originals = await originalPaymentEntries(tx, paymentIds);
  const claimIds = [...new Set([...lines.flatMap((l) => (l.decision.action === 'BOOK' ? l.decision.allocations.map((a) => a.claimId) : [])), ...[...originals.values()].map((o) => o.allocation.claimId!)])];
  await lockClaims(tx, claimIds);
  const targets = await paymentTargets(tx, claimIds);
  const stages = await claimStates(tx, claimIds);
  const transfers = await payoutTransfers(tx, lines.flatMap((l) => (l.line.kind === 'DEBIT' && l.line.endToEndId ? [l.line.endToEndId] : [])));
  const batch: Batch = { payments: [], entries: [], allocations: [], reversed: [], lines: [], debits: [] };
  const reversedNow = new Set<string>();

  for (const stored of lines) {
    const { id: lineId, line, decision: d } = stored;
    const record = (status: LineStatus, action: MatchDecision['action'], why?: string) =>
      batch.lines.push({ ...stored, status, decision: { ...d, matcherAction: d.action, action, reasons: why ? [...d.reasons, why] : d.reasons } });
    const queue = (why?: string) => {
      batch.entries.push({ idempotencyKey: `bank-line:${lineId}:unallocated`, kind: 'bank_unallocated', description: `unallocated bank line (${line.source})`, postings: entries.unallocatedReceipt(line.amountCents) });
      record('UNCLEAR', 'QUEUE', why);
    };

    if (d.action === 'BOOK') {
      const problem = bookingProblem(line, d.allocations, targets, stages);
      if (problem) {
        queue(problem);
        continue;
      }
      for (const a of d.allocations) {
        const t = targets.get(a.claimId)!;
        const p = preparePayment(t, { idempotencyKey: `bank:${lineId}:${a.claimId}`, claimId: a.claimId, amountCents: a.amountCents, receivedAt: new Date(line.valueDate ?? line.bookingDate), source: 'bank', reference: line.remittance.slice(0, 200), actor: IMPORT_ACTOR });
        Object.assign(t, p.after);
        batch.payments.push(p);
        batch.allocations.push({ id: newRowId(), bankLineId: lineId, kind: 'CLAIM', claimId: a.claimId, paymentId: p.paymentId, amountCents: a.amountCents, automatic: true, confidence: d.confidence, actor: IMPORT_ACTOR });
      }
      record('MATCHED', 'BOOK');
    } else if (d.action === 'REVERSE') {
      const found = d.paymentIds.map((id) => originals.get(id));
      const problem = returnProblem(line, d.paymentIds, found, targets, stages, reversedNow);
      if (problem) {
        queue(problem);
        continue;
      }
      for (const o of found as Array<NonNullable<(typeof found)[number]>>) {
        const claimId = o.allocation.claimId!;
        const t = targets.get(claimId)!;
        const postings = entries.undoPayment(o.postings, Account.BANK);
        t.balance = withPostings(t.balance, postings);
        reversedNow.add(o.allocation.paymentId!);
        batch.entries.push({ idempotencyKey: `bank-line:${lineId}:reversal:${o.allocation.paymentId}`, kind: 'bank_return', description: `return of payment ${o.allocation.paymentId} (${line.source})`, claimId, clientId: t.clientId, postings });
        batch.allocations.push({ id: newRowId(), bankLineId: lineId, kind: 'REVERSAL', claimId, paymentId: null, amountCents: -o.allocation.amountCents, automatic: true, confidence: d.confidence, actor: IMPORT_ACTOR });
        batch.reversed.push({ id: o.allocation.id, by: `bank-line:${lineId}` });
      }
      record('REVERSED', 'REVERSE');
    } else if (d.action === 'IGNORE' && line.kind === 'CHARGE') {
      batch.entries.push({ idempotencyKey: `bank-line:${lineId}:charge`, kind: 'bank_charge', description: `bank charge (${line.source})`, postings: entries.bankCharge(line.amountCents) });
      record('IGNORED', 'IGNORE');
    } else if (d.action === 'IGNORE' && line.kind === 'DEBIT') {
      const transfer = line.endToEndId ? transfers.get(line.endToEndId) : undefined;
      const recognised = transfer && transfer.bankLineId === null && transfer.amountCents === -line.amountCents && !batch.debits.some((x) => x.lineId === transfer.lineId);
      if (recognised) batch.debits.push({ lineId: transfer.lineId, bankLineId: lineId });
      record('IGNORED', 'IGNORE', recognised ? `payout run ${transfer.runNumber}: the transfer to ${transfer.recipientName}, booked when the run was executed` : transfer ? `our own transfer, with the end-to-end id of payout run ${transfer.runNumber}'s transfer to ${transfer.recipientName} (${formatEuro(transfer.amountCents)}) but not recognised as it (${formatEuro(-line.amountCents)}${transfer.bankLineId ? ', already debited on another line' : ''}): staff check` : 'our own transfer: booked when it was sent');
    } else {
      queue(d.action === 'IGNORE' ? 'money moved on a line the matcher ignores: staff decide' : undefined);
    }
  }
  await writeBatch(tx, fileId, batch);
}

/** Why a BOOK decision cannot be booked as it stands (the matcher's promise, checked again under the claims' locks). */
function bookingProblem(line: BankLine, allocations: Allocation[], targets: Map<string, PaymentTarget>, stages: Map<string, ClaimState>): string | undefined {
  const sum = allocations.reduce((s, a) => s + a.amountCents, 0);
  if (allocations.length === 0 || sum !== line.amountCents) return `the allocations add up to ${formatEuro(sum)}, the line is ${formatEuro(line.amountCents)}`;
  if (new Set(allocations.map((a) => a.claimId)).size !== allocations.length) return 'a claim appears twice in the allocations';
  for (const a of allocations) {
    const stage = stages.get(a.claimId);
    if (!targets.has(a.claimId) || !stage) return `claim ${a.claimId} does not exist`;
    if (a.amountCents <= 0) return `the allocation to ${a.claimId} is not positive`;
    if (!watchesBalance(stage)) return `claim ${a.claimId} is ${stage.outcome ?? stage.stage}: a payment on it needs staff`;
  }
  return undefined;
}

/** Why a return cannot reverse the payments it names automatically (then staff decide). */
function returnProblem(
  line: BankLine,
  paymentIds: string[],
  found: Array<{ allocation: { claimId: string | null; paymentId: string | null; amountCents: number } } | undefined>,
  targets: Map<string, PaymentTarget>,
  stages: Map<string, ClaimState>,
  reversedNow: Set<string>,
): string | undefined {
  const missing = paymentIds.find((id, i) => !found[i] || reversedNow.has(id));
  if (missing) return `payment ${missing} is no bank payment that can still be reversed`;
  const total = found.reduce((s, o) => s + o!.allocation.amountCents, 0);
  if (total !== -line.amountCents) return `the return of ${formatEuro(-line.amountCents)} differs from the payments it names (${formatEuro(total)})`;
  for (const o of found) {
    const claimId = o!.allocation.claimId!;
    const stage = stages.get(claimId)!;
    // A claim paid off is closing (or closed and paid out): reopening it silently would leave
    // money owed that no workflow dunns. Staff decide (re-invoice, recover from the client).
    if (!watchesBalance(stage) || openCents(targets.get(claimId)!.balance) <= 0) {
      return `claim ${claimId} is ${stage.outcome ? `closed (${stage.outcome})` : 'settled'}: a return cannot reopen it; staff decide`;
    }
  }
  return undefined;
}

async function writeBatch(tx: Tx, fileId: string, b: Batch): Promise<void> {
  const stored = await insertDecidedLines(tx, fileId, b.lines);
  // Lines are known new when matched; one another import stored since was decided against a stale
  // view: undo all (the transaction) and let the retry skip it.
  if (stored.size < b.lines.length) throw new Error(`bank file ${fileId}: ${b.lines.length - stored.size} of its lines were stored by another import meanwhile; import again`);
  await writePayments(tx, b.payments);
  await bookNew(tx, b.entries);
  await insertAllocations(tx, b.allocations);
  await markAllocationsReversed(tx, b.reversed);
  await markTransfersDebited(tx, b.debits);
}
