import type { AgreementLetter } from '../../contracts/claims/claim-workflow-input';
import * as entries from '../../domain/ledger/entries';
import { openCents } from '../../domain/ledger/claim-balance';
import { durationMs } from '../../domain/duration';
import { audit } from '../../persistence/audit';
import { deliverDocument, DeliveryDeps } from '../../store/deliver';
import { archiveDocument } from '../../store/document-store';
import { personRecipient } from '../../store/recipients';
import { renderDocument, type DocumentRequest } from '../../documents/render-document';
import { ClaimDocumentBase, loadClaimDocument } from '../../store/document-data';
import { claimBalance } from '../../persistence/ledger';
import { bookOnClaim, claimWithResponsible, collectionFacts, findPayment, invoiceDates, paidCents } from '../../persistence/claims/claim-steps';
import { collectionFile } from '../../documents/collection-file';
import { uploadOnce } from '../../infra/sftp';
import type { Services } from '../../services';

/**
 * The claim workflow's activities. Each is idempotent: ledger entries and documents carry keys
 * derived from the claim and step, so a retry or a replay books, sends and pays nothing twice.
 */
export function createClaimActivities(services: Services) {
  const { deps } = services;
  const { db } = deps;
  const life = services.claims.lifecycle;
  const delivery: DeliveryDeps = { db, mailer: deps.mailer, documents: deps.documents, temporal: deps.temporal, faxAvailable: !!deps.fax, queues: deps.queues };

  /** Sends a claim's letter (rendered from the claim's current data) to the person responsible, once per key. */
  async function sendLetter(key: string, kind: string, claimId: string, request: (base: ClaimDocumentBase) => DocumentRequest) {
    const claim = await claimWithResponsible(db, claimId);
    await deliverDocument(delivery, {
      idempotencyKey: key,
      kind,
      claimId,
      clientId: claim.clientId,
      recipient: personRecipient(claim.responsible),
      from: deps.centre.email,
      render: async () => renderDocument(request(await loadClaimDocument(db, claimId, deps.centre))),
    });
  }

  return {
    loadClaimContext: life.context,
    recordStage: life.recordStage,
    splitClaim: life.split,
    recogniseClaim: life.recognise,
    purchaseClaim: life.purchase,
    closeUncollectible: life.closeUncollectible,
    payOut: life.payOut,
    claimStatus: life.status,

    /**
     * Sends the invoice; returns its due date (epoch ms). Dates come from the clock when the
     * invoice goes out, not from workflow time, which stands still during a workflow task.
     */
    async issueInvoice(claimId: string, paymentTerm: string): Promise<number> {
      const { dueDate } = await invoiceDates(db, claimId, durationMs(paymentTerm));
      await sendLetter(`invoice:${claimId}`, 'INVOICE', claimId, (base) => ({ kind: 'invoice', head: base.head, claim: base.claim }));
      return dueDate.getTime();
    },

    /** Sends the dunning letter of `level` with its fee; returns the date it asks payment by (epoch ms). */
    async sendReminder(claimId: string, level: number, interval: string): Promise<number> {
      const earlier = await db.document.findUnique({ where: { idempotencyKey: `reminder:${claimId}:${level}` } });
      const payBy = (earlier?.createdAt.getTime() ?? Date.now()) + durationMs(interval);
      const nextDateIso = new Date(payBy).toISOString();
      const { policy } = await bookOnClaim(db, claimId, `reminder-fee:${claimId}:${level}`, 'reminder_fee', `dunning fee level ${level}`, (b, p) =>
        openCents(b) > 0 ? entries.reminderFee(p.reminderFeesCents[level - 1] ?? 0) : [],
      );
      if (openCents(await claimBalance(db, claimId)) <= 0) return payBy;
      const paid = await paidCents(db, claimId);
      await sendLetter(`reminder:${claimId}:${level}`, `REMINDER_${level}`, claimId, (base) => ({
        kind: 'reminder',
        head: base.head,
        claim: base.claim,
        level,
        feeCents: policy.reminderFeesCents[level - 1] ?? 0,
        costsCents: base.balance.costsOpenCents,
        paidCents: paid,
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
      await sendLetter(`partial-payment:${claimId}:${paymentId}`, 'PARTIAL_PAYMENT', claimId, (base) => ({
        kind: 'partial_payment',
        head: base.head,
        claim: base.claim,
        payment: { date: payment.receivedAt.toISOString(), amountCents: payment.amountCents },
        paidCents: paid,
        openCents: openCents(base.balance),
        payBy: new Date(payBy).toISOString(),
      }));
    },

    /** Hands the claim to the lawyer: a statement of claim file in the lawyer's SFTP inbox. */
    async handOffToCollection(claimId: string): Promise<void> {
      const key = `collection:${claimId}`;
      const done = await db.document.findUnique({ where: { idempotencyKey: key } });
      if (done?.status === 'SENT') return;
      const base = await loadClaimDocument(db, claimId, deps.centre);
      const claim = await collectionFacts(db, claimId);
      const file = collectionFile({ claim: base.claim, debtorName: base.head.recipient.name, dunningLevel: claim.dunningLevel, balance: base.balance });
      const relPath = `collection/${claim.client.number}/${claimId}.csv`;
      await uploadOnce(deps.collectionSftp, relPath, file);
      await archiveDocument(db, deps.documents, {
        idempotencyKey: key,
        kind: 'COLLECTION_HANDOFF',
        claimId,
        clientId: base.clientId,
        channel: 'sftp',
        recipient: `${deps.collectionSftp.host}:${relPath}`,
        subject: `Forderungsaufstellung ${claimId}`,
        mimeType: 'text/csv',
        fileName: `${claimId}.csv`,
        content: file,
      });
      await db.document.update({ where: { idempotencyKey: key }, data: { status: 'SENT', sentAt: new Date() } });
    },

    async cancelClaim(claimId: string, reason: string, actor: string): Promise<void> {
      const { postings } = await bookOnClaim(db, claimId, `cancel:${claimId}`, 'cancellation', `credit note for ${claimId}: ${reason}`, (b, p) => entries.cancellation(b, p.factoringFeeRate));
      await audit(db, actor, 'cancel', 'claim', claimId, { reason });
      const credit = postings.filter((p) => p.account.startsWith('receivable')).reduce((s, p) => s - p.amountCents, 0);
      // The credit note clears what was open; payments made stay booked, so nothing is refunded here.
      await sendLetter(`cancellation:${claimId}`, 'CANCELLATION', claimId, (base) => ({ kind: 'cancellation', head: base.head, claim: base.claim, creditNoteNumber: `GS-${claimId}`, creditCents: credit, reason, refundCents: 0 }));
    },

  };
}

export type ClaimActivities = ReturnType<typeof createClaimActivities>;
