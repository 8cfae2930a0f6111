import type { Client } from '@temporalio/client';
import { creditNoted, redelivered } from '../../contracts/claims/claim-messages';
import { signalClaim } from '../../contracts/client/claim-handle';
import { creditAmount, creditNoteNumber, type CreditedLine, type CreditRequest } from '../../domain/claims/credit-note';
import { durationMs } from '../../domain/duration';
import * as entries from '../../domain/ledger/entries';
import { openCents } from '../../domain/ledger/claim-balance';
import { Refusal } from '../../domain/refusal';
import type { Db } from '../../infra/db/prisma';
import type { Claim } from '../../prisma/generated/client';
import { audit } from '../../persistence/audit';
import { creditableLines, creditNoteByRequest, insertCreditNote } from '../../persistence/claims/credit-notes';
import { recordRedelivery, type PersonAddress } from '../../persistence/claims/redeliveries';
import { book, claimBalance, lockClaim } from '../../persistence/ledger';
import { loadPolicy } from '../../persistence/policy';
import type { claimLetters } from './claim-letters';
import { bookBuyBack, releaseBuyBack } from './recourse';

/** Where a claim can still be corrected: its invoice is out and it is not closed. */
const CORRECTABLE = ['WAITING', 'REMINDER', 'COLLECTION_REQUEST', 'COLLECTION'];
/** Where a re-delivery restarts dunning: before the lawyer has the claim. */
const REDELIVERABLE = ['WAITING', 'REMINDER'];

function correctable(claim: Claim, stages: string[], what: string): void {
  if (!stages.includes(claim.stage)) throw new Refusal('conflict', 'not_correctable', `claim ${claim.id} is in ${claim.stage.toLowerCase()}: no ${what} is possible there`);
}

/**
 * Corrections of an invoice that is out: partial credit notes (Teilgutschriften) and re-delivery to
 * a corrected address (Neuzustellung). Each is recorded once per staff request id, audited,
 * booked and its letter sent, then signalled to the claim's workflow; the same request again
 * repeats only what did not happen yet.
 */
export function claimCorrections(db: Db, temporal: Client, letters: ReturnType<typeof claimLetters>, existingClaim: (id: string) => Promise<Claim>) {
  return {
    /**
     * A credit note over invoice lines or an amount: its own number, postings reducing the open
     * principal (and the client's stake; a purchased claim's credited part is bought back first as
     * the contract says), its letter to the patient. More than the open principal is refused.
     */
    async creditNote(claimId: string, requestId: string, request: CreditRequest & { reason: string }, actor: string) {
      const claim = await existingClaim(claimId);
      const earlier = await creditNoteByRequest(db, requestId);
      const note = earlier ?? (await issue(claim, requestId, request, actor));
      if (note.claimId !== claimId) throw new Refusal('conflict', 'request_reused', `request ${requestId} already credited claim ${note.claimId}`);
      const lines = note.lines as unknown as CreditedLine[];
      await releaseBuyBack(db, { claimId, cause: 'credit', occasion: note.id });
      await letters.sendCreditNote({ ...note, lines });
      const signalled = await signalClaim(temporal, claimId, creditNoted, { creditNoteId: note.id, amountCents: note.amountCents });
      const open = openCents(await claimBalance(db, claimId));
      return { created: !earlier, id: note.id, number: creditNoteNumber(note.number), claimId, amountCents: note.amountCents, lines, reason: note.reason, openCents: open, signalled };
    },

    /**
     * Neuzustellung: the payer's address corrected, the invoice sent again (Zweitschrift) and, as
     * policy says (§ 12 GOÄ: the fee falls due once a proper invoice is received), a new due date a
     * payment term from now, from which the workflow restarts its dunning clock.
     */
    async redeliver(claimId: string, requestId: string, body: { address: PersonAddress; reason: string }, actor: string) {
      const claim = await existingClaim(claimId);
      correctable(claim, REDELIVERABLE, 're-delivery');
      const policy = await loadPolicy(db, claim.clientId);
      const newDue = policy.corrections.redeliveryResetsDueDate ? new Date(Date.now() + durationMs(policy.paymentTerm)) : null;
      const recorded = await recordRedelivery(db, { claimId, requestId, address: body.address, reason: body.reason, dueDate: newDue, actor });
      await letters.redeliver(claimId, `redelivery:${recorded.id}`, body.reason);
      const signalled = await signalClaim(temporal, claimId, redelivered, { dueDate: recorded.dueDate?.toISOString() ?? null });
      return { claimId, redeliveryId: recorded.id, dueDate: recorded.dueDate?.toISOString() ?? null, signalled };
    },
  };

  async function issue(claim: Claim, requestId: string, request: CreditRequest & { reason: string }, actor: string) {
    correctable(claim, CORRECTABLE, 'credit note');
    return db.$transaction(async (tx) => {
      await lockClaim(tx, claim.id);
      const again = await creditNoteByRequest(tx, requestId);
      if (again) return again;
      const balance = await claimBalance(tx, claim.id);
      const { lines, creditedByLine } = await creditableLines(tx, claim.id);
      const credit = creditAmount(request, { id: claim.id, lines, creditedByLine, principalOpenCents: balance.principalOpenCents });
      const note = await insertCreditNote(tx, { requestId, claimId: claim.id, amountCents: credit.amountCents, lines: credit.lines, reason: request.reason, actor });
      await bookBuyBack(tx, { claimId: claim.id, cause: 'credit', occasion: note.id, actor, upToCents: credit.amountCents });
      const postings = entries.creditNote(await claimBalance(tx, claim.id), credit.amountCents);
      await book(tx, { idempotencyKey: `credit-note:${note.id}`, kind: 'credit_note', description: `credit note ${creditNoteNumber(note.number)} on ${claim.id}: ${request.reason}`, claimId: claim.id, clientId: claim.clientId, postings });
      await audit(tx, actor, 'credit_note', 'claim', claim.id, { number: creditNoteNumber(note.number), amountCents: credit.amountCents, lines: credit.lines, reason: request.reason });
      return note;
    });
  }
}
