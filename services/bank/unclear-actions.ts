import type { Db, Tx } from '../../infra/db/prisma';
import { unallocatedCents } from '../../domain/bank/unallocated-cents';
import { watchesBalance } from '../../domain/bank/watching-stages';
import { Account, Posting } from '../../domain/ledger/accounts';
import * as entries from '../../domain/ledger/entries';
import { formatEuro } from '../../domain/format';
import type { Allocation } from '../../domain/matching/types';
import { audit } from '../../persistence/audit';
import { AllocationRow, entryPostings, findAllocation, insertAllocations, takeBackAllocation } from '../../persistence/bank/bank-allocations';
import { actionByIdempotencyKey, lineWithAllocations, lockLine, setLineStatus } from '../../persistence/bank/bank-lines';
import { claimStates, lockClaims } from '../../persistence/bank/claim-states';
import { book, bookNew } from '../../persistence/ledger';
import { paymentTargets, preparePayment, writePayments } from '../../persistence/payments';
import { Refusal } from '../../domain/refusal';
import { newRowId } from '../../persistence/row-id';

export interface ActionResult {
  lineId: string;
  status: string;
  allocations: Array<{ id: string; kind: string; claimId: string | null; amountCents: number; iban: string | null; reversed: boolean }>;
  /** True when this request repeated an earlier one (same Idempotency-Key): nothing was booked again. */
  replayed: boolean;
}

export interface Who {
  actor: string;
  /** The request's Idempotency-Key: the same key again answers with the first result. */
  idempotencyKey?: string;
}

async function lineResult(tx: Tx, lineId: string, replayed: boolean): Promise<ActionResult> {
  const line = await lineWithAllocations(tx, lineId);
  return {
    lineId,
    status: line.status,
    allocations: line.allocations.map((a) => ({ id: a.id, kind: a.kind, claimId: a.claimId, amountCents: a.amountCents, iban: a.iban, reversed: a.reversedAt !== null })),
    replayed,
  };
}

/**
 * Runs a staff action on an unclear line under its row lock: a repeated request with the same
 * Idempotency-Key gets the first answer; otherwise the line must still be in the queue. The action
 * gets the money of the line not yet allocated.
 */
async function onUnclearLine(db: Db, lineId: string, action: string, who: Who, act: (tx: Tx, line: { id: string; amountCents: number; counterpartyIban: string | null }, restCents: number) => Promise<object>): Promise<ActionResult> {
  return db.$transaction(async (tx) => {
    const line = await lockLine(tx, lineId);
    if (!line) throw new Refusal('not_found', 'not_found', `bank line ${lineId} does not exist`);
    if (who.idempotencyKey) {
      const earlier = await actionByIdempotencyKey(tx, lineId, who.idempotencyKey);
      if (earlier) {
        if (earlier !== action) throw new Refusal('conflict', 'idempotency_conflict', `Idempotency-Key ${who.idempotencyKey} was used for ${earlier} on this line`);
        return lineResult(tx, lineId, true);
      }
    }
    if (line.status !== 'UNCLEAR') throw new Refusal('conflict', 'line_not_unclear', `bank line ${lineId} is ${line.status}, not in the unclear-payments queue: reverse its allocation first`);
    const rest = unallocatedCents(line, (await lineWithAllocations(tx, line.id)).allocations);
    const data = await act(tx, line, rest);
    await setLineStatus(tx, lineId, 'RESOLVED');
    await audit(tx, who.actor, action, 'bank-line', lineId, { ...data, idempotencyKey: who.idempotencyKey });
    return lineResult(tx, lineId, false);
  });
}

function requireMoneyIn(rest: number, what: string): void {
  if (rest <= 0) throw new Refusal('unprocessable', 'not_a_receipt', `the line has ${formatEuro(rest)} unallocated: only money received can be ${what}`);
}

/**
 * Staff allocate an unclear line to one or several claims. The amounts must add up to exactly
 * what is unallocated: an amount above a claim's open amount becomes the payer's credit on that
 * claim (as for any overpayment); money for no claim is refunded or marked not ours instead.
 */
export function assignLine(db: Db, lineId: string, allocations: Allocation[], who: Who): Promise<ActionResult> {
  return onUnclearLine(db, lineId, 'assign', who, async (tx, line, rest) => {
    requireMoneyIn(rest, 'assigned to claims');
    const sum = allocations.reduce((s, a) => s + a.amountCents, 0);
    if (sum !== rest) {
      throw new Refusal('unprocessable', 'allocation_mismatch', `the allocations add up to ${sum} cents (${formatEuro(sum)}) but the line has ${rest} cents (${formatEuro(rest)}) unallocated; allocate all of it (an amount above a claim's open amount becomes the payer's credit) or refund it`);
    }
    const claimIds = allocations.map((a) => a.claimId);
    const duplicate = claimIds.find((id, i) => claimIds.indexOf(id) !== i);
    if (duplicate) throw new Refusal('unprocessable', 'duplicate_claim', `claim ${duplicate} appears twice in allocations: one allocation per claim`);
    await lockClaims(tx, claimIds);
    const claims = await claimStates(tx, claimIds);
    for (const id of claimIds) {
      const c = claims.get(id);
      if (!c) throw new Refusal('unprocessable', 'unknown_claim', `claim ${id} does not exist`);
      if (!watchesBalance(c)) throw new Refusal('unprocessable', 'claim_closed', `claim ${id} is ${c.outcome ?? c.stage}: it takes no more payments; refund the money or mark it not ours`);
    }
    const targets = await paymentTargets(tx, claimIds);
    const rows: AllocationRow[] = [];
    const prepared = allocations.map((a) => {
      const id = newRowId();
      const p = preparePayment(targets.get(a.claimId)!, { idempotencyKey: `bank:${line.id}:${a.claimId}:${id}`, claimId: a.claimId, amountCents: a.amountCents, receivedAt: new Date(), source: 'bank', reference: `bank line ${line.id}`, actor: who.actor }, Account.UNALLOCATED_RECEIPTS);
      rows.push({ id, bankLineId: line.id, kind: 'CLAIM', claimId: a.claimId, paymentId: p.paymentId, amountCents: a.amountCents, automatic: false, actor: who.actor });
      return p;
    });
    await writePayments(tx, prepared);
    await insertAllocations(tx, rows);
    return { allocations };
  });
}

/** Staff send an unclear receipt back to the payer (by default to the IBAN it came from). */
export function refundLine(db: Db, lineId: string, iban: string | undefined, who: Who): Promise<ActionResult> {
  return onUnclearLine(db, lineId, 'refund', who, async (tx, line, rest) => {
    requireMoneyIn(rest, 'refunded');
    const to = iban ?? line.counterpartyIban;
    if (!to) throw new Refusal('unprocessable', 'no_iban', `bank line ${line.id} names no payer IBAN: give the IBAN to refund to`);
    const id = newRowId();
    await bookNew(tx, [{ idempotencyKey: `bank-refund:${id}`, kind: 'bank_refund', description: `refund of bank line ${line.id} to ${to}`, postings: entries.refundUnallocated(rest) }]);
    await insertAllocations(tx, [{ id, bankLineId: line.id, kind: 'REFUND', claimId: null, paymentId: null, amountCents: rest, iban: to, automatic: false, actor: who.actor }]);
    return { amountCents: rest, iban: to };
  });
}

/** Staff find the movement is no claim payment: handed to general accounting with their note. */
export function markNotOurs(db: Db, lineId: string, note: string, who: Who): Promise<ActionResult> {
  return onUnclearLine(db, lineId, 'not-ours', who, async (tx, line, rest) => {
    if (rest === 0) throw new Refusal('unprocessable', 'nothing_unallocated', `bank line ${line.id} has nothing unallocated`);
    const id = newRowId();
    await bookNew(tx, [{ idempotencyKey: `bank-not-ours:${id}`, kind: 'bank_not_ours', description: `bank line ${line.id} is no claim payment: ${note}`.slice(0, 500), postings: entries.nonClaimReceipt(rest) }]);
    await insertAllocations(tx, [{ id, bankLineId: line.id, kind: 'NOT_OURS', claimId: null, paymentId: null, amountCents: rest, automatic: false, actor: who.actor }]);
    return { amountCents: rest, note };
  });
}

/**
 * Undoes an allocation (automatic or by staff) with balanced reversing postings; its money goes
 * back to the unclear-payments queue. Reversing again is a no-op. A claim that has closed keeps
 * its payment (its workflow is over and may have paid the client out), and a bank return cannot
 * be undone: the money has left.
 */
export async function reverseAllocation(db: Db, allocationId: string, actor: string): Promise<ActionResult & { claimId: string | null }> {
  return db.$transaction(async (tx) => {
    const a = await findAllocation(tx, allocationId);
    if (!a) throw new Refusal('not_found', 'not_found', `bank allocation ${allocationId} does not exist`);
    if (a.kind === 'REVERSAL') throw new Refusal('conflict', 'return_final', `allocation ${a.id} is a bank return: the money has left the account, it cannot be undone`);
    if (!(await takeBackAllocation(tx, a.id, actor))) return { ...(await lineResult(tx, a.bankLineId, true)), claimId: a.claimId };
    let postings: Posting[];
    let claim: { id: string; clientId: string } | undefined;
    if (a.kind === 'CLAIM') {
      await lockClaims(tx, [a.claimId!]);
      const c = (await claimStates(tx, [a.claimId!])).get(a.claimId!)!;
      if (!watchesBalance(c)) throw new Refusal('conflict', 'claim_closed', `claim ${c.id} is ${c.outcome ?? c.stage}: its payment cannot be taken back here`);
      postings = entries.undoPayment(await entryPostings(tx, `payment:${a.paymentId}`), Account.UNALLOCATED_RECEIPTS);
      claim = c;
    } else {
      postings = entries.reversal(await entryPostings(tx, a.kind === 'REFUND' ? `bank-refund:${a.id}` : `bank-not-ours:${a.id}`));
    }
    await book(tx, { idempotencyKey: `bank-undo:${a.id}`, kind: 'bank_undo', description: `${a.kind.toLowerCase()} allocation ${a.id} taken back by ${actor}`, claimId: claim?.id, clientId: claim?.clientId, postings });
    await setLineStatus(tx, a.bankLineId, 'UNCLEAR');
    await audit(tx, actor, 'reverse-allocation', 'bank-line', a.bankLineId, { allocationId: a.id, kind: a.kind, claimId: a.claimId, amountCents: a.amountCents });
    return { ...(await lineResult(tx, a.bankLineId, false)), claimId: a.claimId };
  });
}
