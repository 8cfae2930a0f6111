import type { Client } from '@temporalio/client';
import { signalClaim } from '../../contracts/client/claim-handle';
import type { Db } from '../../infra/db/prisma';
import { paymentReceived, PaymentSignal } from '../../contracts/claims/claim-messages';
import { BankLinesOf, claimAllocationsOf } from '../../persistence/bank/bank-allocations';

/** Signals in flight at once against the Temporal frontend. */
const SIGNAL_CONCURRENCY = 32;

interface ClaimSignal extends PaymentSignal {
  claimId: string;
}

/**
 * What the claim workflows must hear about bank lines: every payment booked from them, every
 * return's reversal, every allocation staff took back (negative). The ids are stable, so sending
 * the same list again is harmless: a workflow ignores a paymentId it has seen.
 */
async function claimSignalsOf(db: Db, where: BankLinesOf): Promise<ClaimSignal[]> {
  const allocations = await claimAllocationsOf(db, where);
  return allocations.flatMap((a) => {
    const claimId = a.claimId!;
    const signal = { claimId, paymentId: a.paymentId ?? a.id, amountCents: a.amountCents };
    // A return's reversal has a signal of its own (its REVERSAL allocation); staff undos do not.
    const undone = a.reversedAt && a.kind === 'CLAIM' && !a.reversedBy?.startsWith('bank-line:');
    return undone ? [signal, { claimId, paymentId: `undo:${a.id}`, amountCents: -a.amountCents }] : [signal];
  });
}

/** Sends the signals; a claim workflow that has finished is skipped (the booking stands). */
async function sendClaimSignals(temporal: Client, signals: ClaimSignal[], progress: (done: number) => void): Promise<number> {
  let sent = 0;
  for (let i = 0; i < signals.length; i += SIGNAL_CONCURRENCY) {
    const results = await Promise.all(
      signals.slice(i, i + SIGNAL_CONCURRENCY).map(async ({ claimId, ...s }) => {
        return (await signalClaim(temporal, claimId, paymentReceived, s)) ? 1 : 0;
      }),
    );
    sent += results.reduce((a: number, b) => a + b, 0);
    progress(i);
  }
  return sent;
}

/** Tells the claims about a file's or some lines' allocations; returns how many workflows heard it. */
export async function signalClaimsOf(db: Db, temporal: Client, where: BankLinesOf, progress: (done: number) => void = () => undefined): Promise<number> {
  return sendClaimSignals(temporal, await claimSignalsOf(db, where), progress);
}
