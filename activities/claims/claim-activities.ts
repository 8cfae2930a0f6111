import { randomUUID } from 'node:crypto';
import type { Claim, Tariff } from '../../prisma/generated/client';
import type { Posting } from '../../domain/ledger/accounts';
import type { ClaimOutcome, ClaimStageName } from '../../contracts/claims/claim-messages';
import * as entries from '../../domain/ledger/entries';
import { ClaimBalance, openCents } from '../../domain/ledger/claim-balance';
import { durationMs } from '../../domain/duration';
import type { Policy } from '../../domain/policy';
import { audit } from '../../persistence/audit';
import { personRecipient } from '../../domain/documents/recipients';
import { reminderKind } from '../../domain/documents/dunning-level';
import { renderDocument, type DocumentRequest } from '../../documents/render-document';
import { ClaimDocumentBase, loadClaimDocument } from '../../persistence/documents/claim-document-data';
import { book, claimBalance, lockClaim } from '../../persistence/ledger';
import { loadPolicy } from '../../persistence/policy';
import { collectionFile } from '../../documents/collection-file';
import { uploadOnce } from '../../infra/sftp';
import type { Services } from '../../services';
import type { ServiceDeps } from '../../services/service-deps';

const SYSTEM = 'system';

/** A plan staff agreed with the patient, confirmed to the patient by letter. */
export type AgreementLetter = { kind: 'deferral'; until: string } | { kind: 'installment_agreement'; installments: Array<{ dueDate: string; amountCents: number }> };

/**
 * The claim workflow's activities. Each is idempotent: ledger entries and documents carry keys
 * derived from the claim and step, so a retry or a replay books, sends and pays nothing twice.
 */
export function createClaimActivities(services: Services) {
  const { deps } = services;
  const { db } = deps;

  /** Sends a claim's letter (rendered from the claim's current data) to the person responsible, once per key. */
  async function sendLetter(key: string, kind: string, claimId: string, request: (base: ClaimDocumentBase) => DocumentRequest) {
    const claim = await db.claim.findUniqueOrThrow({ where: { id: claimId }, include: { responsible: true } });
    await services.documents.deliver({
      idempotencyKey: key,
      kind,
      claimId,
      clientId: claim.clientId,
      recipient: personRecipient(claim.responsible),
      from: deps.centre.email,
      render: async () => renderDocument(request(await loadClaimDocument(db, claimId, deps.centre))),
    });
  }

  async function paidCents(claimId: string): Promise<number> {
    return (await db.payment.aggregate({ where: { claimId }, _sum: { amountCents: true } }))._sum.amountCents ?? 0;
  }

  async function context(claimId: string): Promise<{ clientId: string; tariff: Tariff; policy: Policy }> {
    const claim = await db.claim.findUniqueOrThrow({ where: { id: claimId }, include: { client: true } });
    return { clientId: claim.clientId, tariff: claim.client.tariff, policy: await loadPolicy(db, claim.clientId) };
  }

  /** Books an entry computed from the claim's current balance, under the claim's row lock. */
  async function bookOnClaim(claimId: string, key: string, kind: string, description: string, compute: (b: ClaimBalance, policy: Policy, claim: Claim) => Posting[]) {
    return db.$transaction(async (tx) => {
      await lockClaim(tx, claimId);
      const claim = await tx.claim.findUniqueOrThrow({ where: { id: claimId } });
      const policy = await loadPolicy(tx, claim.clientId);
      const postings = compute(await claimBalance(tx, claimId), policy, claim);
      const booked = await book(tx, { idempotencyKey: key, kind, description, claimId, clientId: claim.clientId, postings });
      return { booked, postings, claim, policy };
    });
  }

  return {
    loadClaimContext: context,

    async recordStage(claimId: string, stage: ClaimStageName, dunningLevel: number, outcome?: ClaimOutcome): Promise<void> {
      await db.$transaction(async (tx) => {
        await tx.claim.update({ where: { id: claimId }, data: { stage, dunningLevel, outcome: outcome ?? null } });
        await audit(tx, SYSTEM, 'stage', 'claim', claimId, { stage, dunningLevel, outcome });
      });
    },

    /** Splitting: a record goes to the client of its treating doctor when that is another client. */
    async splitClaim(claimId: string) {
      const claim = await db.claim.findUniqueOrThrow({ where: { id: claimId } });
      const doctor = await db.doctor.findUnique({ where: { submitterId_externalId: { submitterId: claim.clientId, externalId: claim.doctorExternalId } } });
      if (doctor && doctor.clientId !== claim.clientId) {
        await db.$transaction(async (tx) => {
          await tx.claim.update({ where: { id: claimId }, data: { clientId: doctor.clientId } });
          await audit(tx, SYSTEM, 'split', 'claim', claimId, { from: claim.clientId, to: doctor.clientId, doctor: doctor.externalId });
        });
      }
      return context(claimId);
    },

    async recogniseClaim(claimId: string): Promise<void> {
      await bookOnClaim(claimId, `recognise:${claimId}`, 'recognise', `claim ${claimId} arises`, (_b, _p, claim) => entries.recogniseClaim(claim.totalCents));
    },

    async purchaseClaim(claimId: string): Promise<void> {
      await bookOnClaim(claimId, `purchase:${claimId}`, 'purchase', `factoring purchase of ${claimId}`, (b, p) => entries.purchase(b, p.factoringFeeRate));
      await db.claim.update({ where: { id: claimId }, data: { purchased: true } });
    },

    /**
     * Sends the invoice; returns its due date (epoch ms). Dates come from the clock when the
     * invoice goes out, not from workflow time, which stands still during a workflow task.
     */
    async issueInvoice(claimId: string, paymentTerm: string): Promise<number> {
      const existing = await db.claim.findUniqueOrThrow({ where: { id: claimId } });
      let dueDate = existing.dueDate;
      if (!existing.invoiceDate || !dueDate) {
        const now = new Date();
        dueDate = new Date(now.getTime() + durationMs(paymentTerm));
        await db.claim.update({ where: { id: claimId }, data: { invoiceDate: now, dueDate } });
      }
      await sendLetter(`invoice:${claimId}`, 'INVOICE', claimId, (base) => ({ kind: 'invoice', head: base.head, claim: base.claim }));
      return dueDate.getTime();
    },

    /** Sends the dunning letter of `level` with its fee; returns the date it asks payment by (epoch ms). */
    async sendReminder(claimId: string, level: number, interval: string): Promise<number> {
      const earlier = await db.document.findUnique({ where: { idempotencyKey: `reminder:${claimId}:${level}` } });
      const payBy = (earlier?.createdAt.getTime() ?? Date.now()) + durationMs(interval);
      const nextDateIso = new Date(payBy).toISOString();
      const { policy } = await bookOnClaim(claimId, `reminder-fee:${claimId}:${level}`, 'reminder_fee', `dunning fee level ${level}`, (b, p) =>
        openCents(b) > 0 ? entries.reminderFee(p.reminderFeesCents[level - 1] ?? 0) : [],
      );
      if (openCents(await claimBalance(db, claimId)) <= 0) return payBy;
      const paid = await paidCents(claimId);
      await sendLetter(`reminder:${claimId}:${level}`, reminderKind(level), claimId, (base) => ({
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
      const payment = await db.payment.findUniqueOrThrow({ where: { id: paymentId } });
      const paid = await paidCents(claimId);
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
      const claim = await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { dunningLevel: true, client: { select: { number: true } } } });
      const file = collectionFile({ claim: base.claim, debtorName: base.head.recipient.name, dunningLevel: claim.dunningLevel, balance: base.balance });
      const relPath = `collection/${claim.client.number}/${claimId}.csv`;
      await uploadOnce(deps.collectionSftp, relPath, file);
      await services.documents.archive(
        { idempotencyKey: key, kind: 'COLLECTION_HANDOFF', claimId, clientId: base.clientId },
        { channel: 'sftp', recipient: `${deps.collectionSftp.host}:${relPath}` },
        { subject: `Forderungsaufstellung ${claimId}`, mimeType: 'text/csv', fileName: `${claimId}.csv`, content: file },
      );
      await db.document.update({ where: { idempotencyKey: key }, data: { status: 'SENT', sentAt: new Date() } });
    },

    async cancelClaim(claimId: string, reason: string, actor: string): Promise<void> {
      const { postings } = await bookOnClaim(claimId, `cancel:${claimId}`, 'cancellation', `credit note for ${claimId}: ${reason}`, (b, p) => entries.cancellation(b, p.factoringFeeRate));
      await audit(db, actor, 'cancel', 'claim', claimId, { reason });
      const credit = postings.filter((p) => p.account.startsWith('receivable')).reduce((s, p) => s - p.amountCents, 0);
      // The credit note clears what was open; payments made stay booked, so nothing is refunded here.
      await sendLetter(`cancellation:${claimId}`, 'CANCELLATION', claimId, (base) => ({ kind: 'cancellation', head: base.head, claim: base.claim, creditNoteNumber: `GS-${claimId}`, creditCents: credit, reason, refundCents: 0 }));
    },

    /** The collection period ended unpaid: back to the client (Inkasso) or written off (bought). */
    async closeUncollectible(claimId: string): Promise<ClaimOutcome> {
      const { claim } = await bookOnClaim(claimId, `uncollectible:${claimId}`, 'uncollectible', `collection of ${claimId} failed`, (b) => entries.uncollectible(b));
      return claim.purchased ? 'WRITTEN_OFF' : 'RETURNED';
    },

    /** Pays out what the client is owed for this claim; `step` names the occasion (purchase, final). */
    async payOut(claimId: string, step: string): Promise<number> {
      return db.$transaction(async (tx) => {
        await lockClaim(tx, claimId);
        const claim = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, include: { client: true } });
        const amount = (await claimBalance(tx, claimId)).clientPayableCents;
        const key = `payout:${claimId}:${step}`;
        if (amount <= 0) return 0;
        const booked = await book(tx, { idempotencyKey: key, kind: 'payout', description: `payout for ${claimId} (${step})`, claimId, clientId: claim.clientId, postings: entries.payout(amount) });
        if (!booked) return 0;
        await tx.payout.create({ data: { id: randomUUID(), idempotencyKey: key, clientId: claim.clientId, claimId, amountCents: amount, iban: claim.client.iban } });
        return amount;
      });
    },

    async claimStatus(claimId: string): Promise<{ openCents: number }> {
      return { openCents: openCents(await claimBalance(db, claimId)) };
    },
  };
}

export type ClaimActivities = ReturnType<typeof createClaimActivities>;
