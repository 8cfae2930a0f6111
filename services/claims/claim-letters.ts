import type { AgreementLetter } from '../../contracts/claims/claim-workflow-input';
import type { CancellationCause } from '../../contracts/claims/claim-messages';
import { durationMs } from '../../domain/duration';
import { personRecipient } from '../../domain/documents/recipients';
import { reminderKind } from '../../domain/documents/dunning-level';
import * as entries from '../../domain/ledger/entries';
import { claimRoundKeys, roundKey } from '../../domain/claims/claim-round';
import { openCents } from '../../domain/ledger/claim-balance';
import { renderDocument, type DocumentRequest } from '../../documents/render-document';
import { audit } from '../../persistence/audit';
import { claimBalance } from '../../persistence/ledger';
import { bookOnClaim, costsChargedOn, findPayment, invoiceDates, paidCents } from '../../persistence/claims/claim-steps';
import { ClaimDocumentBase, claimWithResponsible, loadClaimDocument } from '../../persistence/documents/claim-document-data';
import type { DocumentsService } from '../documents/documents-service';
import type { ServiceDeps } from '../service-deps';
import type { ClaimInterestService } from './claim-interest';
import { isoDayOf } from '../../domain/interest/calendar-day';
import { buyBackClaim } from './recourse';
import { creditNoteNumber, type CreditedLine } from '../../domain/claims/credit-note';
import { creditedBefore } from '../../persistence/claims/credit-notes';

/**
 * The letters of a claim's life, each sent once per key to the person responsible (documents
 * carry keys derived from the claim and step, so a retry or a replay sends nothing twice), with
 * the bookings that go with them (dunning fees, the credit note).
 */
export function claimLetters(deps: Pick<ServiceDeps, 'db' | 'centre'>, documents: DocumentsService, interest: ClaimInterestService) {
  const { db, centre } = deps;

  /** Sends a claim's letter (rendered from the claim's current data) to the person responsible, once per key. */
  async function sendLetter(key: string, kind: string, claimId: string, request: (base: ClaimDocumentBase) => DocumentRequest) {
    const claim = await claimWithResponsible(db, claimId);
    if (!claim) throw new Error(`claim ${claimId} does not exist`);
    await documents.deliver({
      idempotencyKey: key,
      kind,
      claimId,
      clientId: claim.clientId,
      recipient: personRecipient(claim.responsible),
      from: centre.email,
      render: async () => renderDocument(request(await loadClaimDocument(db, claimId, centre))),
    });
  }

  return {
    /**
     * Sends the invoice; returns its due date (epoch ms). Dates come from the clock when the
     * invoice goes out, not from workflow time, which stands still during a workflow task.
     */
    async issueInvoice(claimId: string, paymentTerm: string): Promise<number> {
      const { dueDate } = await invoiceDates(db, claimId, durationMs(paymentTerm));
      // With the § 286 (3) notice (or a business as payer) default begins without a reminder.
      await interest.startDefault(claimId);
      await sendLetter(`invoice:${claimId}`, 'INVOICE', claimId, (base) => ({ kind: 'invoice', head: base.head, claim: base.claim }));
      return dueDate.getTime();
    },

    /** Sends the dunning letter of `level` with its fee; returns the date it asks payment by (epoch ms). */
    async sendReminder(claimId: string, level: number, interval: string): Promise<number> {
      const earlier = await documents.archivedAt(`reminder:${claimId}:${level}`);
      const payBy = (earlier?.getTime() ?? Date.now()) + durationMs(interval);
      const nextDateIso = new Date(payBy).toISOString();
      const { policy } = await bookOnClaim(db, claimId, `reminder-fee:${claimId}:${level}`, 'reminder_fee', `dunning fee level ${level}`, (b, p) =>
        openCents(b) > 0 ? entries.reminderFee(p.reminderFeesCents[level - 1] ?? 0) : [],
      );
      if (openCents(await claimBalance(db, claimId)) <= 0) return payBy;
      // The first reminder puts the patient in default once received (§ 286 (1) BGB).
      if (level === 1) await interest.startDefault(claimId, isoDayOf(earlier ?? new Date()));
      await interest.accrue(claimId, `reminder:${claimId}:${level}`);
      const interestLine = await interest.letterInterest(claimId);
      const paid = await paidCents(db, claimId);
      await sendLetter(`reminder:${claimId}:${level}`, reminderKind(level), claimId, (base) => ({
        kind: 'reminder',
        head: base.head,
        claim: base.claim,
        level,
        feeCents: policy.reminderFeesCents[level - 1] ?? 0,
        costsCents: base.balance.costsOpenCents,
        paidCents: paid,
        interest: interestLine,
        openCents: openCents(base.balance),
        payBy: nextDateIso,
      }));
      return payBy;
    },

    /** Confirms a deferral or installment plan to the patient, with what is open now; `key` numbers the agreement. */
    async sendAgreementLetter(claimId: string, key: string, agreement: AgreementLetter): Promise<void> {
      await sendLetter(key, agreement.kind.toUpperCase(), claimId, (base) => ({ ...agreement, head: base.head, claim: base.claim, openCents: openCents(base.balance) }));
    },

    /** Acknowledges a payment that left the claim partly open and asks for the rest by `payBy` (epoch ms). */
    async sendPartialPaymentLetter(claimId: string, paymentId: string, payBy: number): Promise<void> {
      const payment = await findPayment(db, paymentId);
      const paid = await paidCents(db, claimId);
      const interestLine = await interest.letterInterest(claimId);
      const costs = await costsChargedOn(db, claimId);
      await sendLetter(`partial-payment:${claimId}:${paymentId}`, 'PARTIAL_PAYMENT', claimId, (base) => ({
        kind: 'partial_payment',
        head: base.head,
        claim: base.claim,
        payment: { date: payment.receivedAt.toISOString(), amountCents: payment.amountCents },
        costsCents: costs,
        interest: interestLine,
        paidCents: paid,
        openCents: openCents(base.balance),
        payBy: new Date(payBy).toISOString(),
      }));
    },

    /** Sends a partial credit note's letter: the lines credited, what is still open after it. */
    async sendCreditNote(note: { id: string; number: number; claimId: string; amountCents: number; lines: CreditedLine[]; reason: string }): Promise<void> {
      const earlier = await creditedBefore(db, note.claimId, note.id);
      const paid = await paidCents(db, note.claimId);
      await sendLetter(`credit-note:${note.id}`, 'CREDIT_NOTE', note.claimId, (base) => ({
        kind: 'credit_note',
        head: base.head,
        claim: base.claim,
        creditNoteNumber: creditNoteNumber(note.number),
        lines: note.lines.map((l) => ({ text: l.text, amountCents: l.amountCents })),
        creditCents: note.amountCents,
        reason: note.reason,
        earlierCreditsCents: earlier,
        paidCents: paid,
        openCents: openCents(base.balance),
      }));
    },

    /** Sends the invoice again (Zweitschrift) to the address the claim's payer has now; `key` names the request. */
    async redeliver(claimId: string, key: string, reason: string): Promise<void> {
      await sendLetter(key, 'REDELIVERY', claimId, (base) => ({ kind: 'redelivery', head: base.head, claim: base.claim, reason }));
    },

    /**
     * Books the credit note and sends the cancellation letter, once per round of the claim; a
     * purchased claim is first bought back by its client where the contract says so (`cause`: a
     * cancellation or a dispute lost).
     */
    async cancelClaim(claimId: string, reason: string, actor: string, round = 1, cause: CancellationCause = 'cancellation'): Promise<void> {
      const keys = claimRoundKeys(claimId, round);
      await buyBackClaim(db, { claimId, cause, occasion: roundKey('claim', round), actor });
      const { postings } = await bookOnClaim(db, claimId, keys.cancel, 'cancellation', `credit note for ${claimId}: ${reason}`, (b) => entries.cancellation(b));
      await audit(db, actor, 'cancel', 'claim', claimId, { reason });
      const credit = postings.filter((p) => p.account.startsWith('receivable')).reduce((s, p) => s - p.amountCents, 0);
      // The credit note clears what was open; payments made stay booked, so nothing is refunded here.
      await sendLetter(keys.cancellationLetter, 'CANCELLATION', claimId, (base) => ({ kind: 'cancellation', head: base.head, claim: base.claim, creditNoteNumber: `GS-${claimId}`, creditCents: credit, reason, refundCents: 0 }));
    },
  };
}
