import type { SignalDefinition } from '@temporalio/common';
import type { Client } from '@temporalio/client';
import type { Db } from '../../infra/db/prisma';
import { DUNNING_STAGES, cancellation, deferral, dispute, installmentAgreement, writeOff } from '../../contracts/claims/claim-messages';
import type { CancellationSignal, ClaimStageName, DeferralSignal, DisputeSignal, InstallmentSignal, WriteOffSignal } from '../../contracts/claims/claim-messages';
import { isoDayOf } from '../../domain/interest/calendar-day';
import { signalClaim } from '../../contracts/client/claim-handle';
import { openCents } from '../../domain/ledger/claim-balance';
import { Refusal } from '../../domain/refusal';
import { claimBalance } from '../../persistence/ledger';
import { recordAgreement } from '../../persistence/claims/claim-agreements';
import type { Claim } from '../../prisma/generated/client';

const CLOSED_STAGES = ['PAYOUT', 'CLOSED'];

export interface StaffActionResult {
  claimId: string;
  action: string;
  /** False when the claim's workflow has finished (the record stands). */
  signalled: boolean;
}

/**
 * Staff actions that change a claim's course: checked, recorded with the audit trail, then
 * signalled to the claim's workflow, which decides what follows.
 */
export function claimStaffActions(db: Db, temporal: Client, existingClaim: (id: string) => Promise<Claim>) {
  async function act<B extends object, S>(claimId: string, kind: string, body: B, actor: string, def: SignalDefinition<[S]>, signal: S, check?: (claim: Claim) => Promise<void>): Promise<StaffActionResult> {
    const claim = await existingClaim(claimId);
    if (CLOSED_STAGES.includes(claim.stage)) throw new Refusal('conflict', 'claim_closed', `claim ${claim.id} is ${claim.stage.toLowerCase()}: no ${kind} is possible any more`);
    await check?.(claim);
    await recordAgreement(db, claim.id, kind, body, actor);
    return { claimId: claim.id, action: kind, signalled: await signalClaim(temporal, claim.id, def, signal) };
  }

  /** An installment plan must cover exactly what is open. */
  async function planCoversOpenAmount(claim: Claim, plan: InstallmentSignal): Promise<void> {
    const open = openCents(await claimBalance(db, claim.id));
    const planned = plan.installments.reduce((s, i) => s + i.amountCents, 0);
    if (planned !== open) throw new Refusal('unprocessable', 'plan_mismatch', `the installments add up to ${planned} cents but ${open} cents are open`);
  }

  /** Only a claim the patient owes on can be written off; before its invoice, cancel it. */
  async function invoiced(claim: Claim): Promise<void> {
    if (!DUNNING_STAGES.includes(claim.stage as ClaimStageName)) throw new Refusal('conflict', 'not_invoiced', `claim ${claim.id} is in ${claim.stage.toLowerCase()}: only an invoiced claim is written off (cancel it instead)`);
  }

  return {
    defer: (claimId: string, body: DeferralSignal, actor: string) => act(claimId, 'deferral', body, actor, deferral, body),
    agreeInstallments: (claimId: string, body: InstallmentSignal, actor: string) =>
      act(claimId, 'installment_agreement', body, actor, installmentAgreement, body, (claim) => planCoversOpenAmount(claim, body)),
    /** A dispute resolved as lost ends the claim: it is cancelled, with recourse for a lost dispute. */
    async dispute(claimId: string, body: DisputeSignal & { lost?: boolean }, actor: string): Promise<StaffActionResult> {
      const resolved = await act(claimId, 'dispute', body, actor, dispute, { open: body.open, reason: body.reason });
      if (!body.lost) return resolved;
      const reason = `Einwand berechtigt: ${body.reason}`;
      return act(claimId, 'cancellation', { reason, cause: 'lost_dispute' }, actor, cancellation, { reason, actor, cause: 'lost_dispute' as const });
    },
    cancel: (claimId: string, body: Omit<CancellationSignal, 'actor'>, actor: string) => act(claimId, 'cancellation', body, actor, cancellation, { reason: body.reason, actor }),
    writeOff: (claimId: string, body: Pick<WriteOffSignal, 'reason' | 'note'>, actor: string) =>
      act(claimId, 'write_off_request', body, actor, writeOff, { ...body, actor, on: isoDayOf(new Date()) }, invoiced),
  };
}
