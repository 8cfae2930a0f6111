import { paymentReceived } from '../../contracts/claims/claim-messages';
import { claimWorkflowState, signalClaim } from '../../contracts/client/claim-handle';
import { claimWorkflowId } from '../../contracts/workflow-ids';
import { openCents } from '../../domain/ledger/claim-balance';
import { doesNotExist, Refusal } from '../../domain/refusal';
import { nextCursor } from '../../persistence/id-page';
import { claimBalance } from '../../persistence/ledger';
import { PaymentConflictError, recordPayment, type PaymentInput } from '../../persistence/payments';
import { claimDocument, claimHistory, ClaimListFilter, claimPage, claimWithRecords, findClaim, openAmounts } from '../../persistence/claims/claim-queries';
import type { DocumentsService } from '../documents/documents-service';
import type { ServiceDeps } from '../service-deps';
import { claimLetters } from './claim-letters';
import { claimCorrections } from './claim-corrections';
import { claimLifecycle } from './claim-lifecycle';
import { collectionHandoff } from './collection-handoff';
import { claimStaffActions } from './claim-staff-actions';
import { claimInterest } from './claim-interest';
import { limitationEvents } from '../../persistence/claims/limitation-events';
import { claimSplit } from '../../persistence/money/claim-split';
import { baseRates } from './base-rates';
import { collectionRequests } from './collection-request';
import { claimLimitation } from './claim-limitation';
import { reopenClaim } from './reopen-claim';
import { ALL_CLAIMS, type ClaimScope } from '../../domain/auth/roles';

/** Claims: what staff see of a claim and what they do with it (payments, plans, disputes, cancellation). */
export function createClaimService(deps: ServiceDeps, documents: DocumentsService) {
  const { db, temporal } = deps;

  async function existingClaim(id: string, scope: ClaimScope = ALL_CLAIMS) {
    const claim = await findClaim(db, id, scope);
    if (!claim) throw doesNotExist(`claim ${id}`);
    return claim;
  }

  const interest = claimInterest(db);
  const collection = collectionRequests(deps, documents, existingClaim);
  const letters = claimLetters(deps, documents, interest);
  return {
    ...claimStaffActions(db, temporal, existingClaim),
    /** A claim written off or returned to the client lives another round. */
    reopen: reopenClaim(deps, existingClaim),

    /** Default and default interest: when it begins, what is booked, the statement of account. */
    interest,
    baseRates: baseRates(db),

    /** The bookkeeping steps the claim workflow takes. */
    lifecycle: claimLifecycle(db),
    /** The letters of the claim's life (invoice, reminders, agreements, cancellation). */
    letters,
    /** Partial credit notes and re-delivery to a corrected address. */
    corrections: claimCorrections(db, temporal, letters, existingClaim),
    handOffToCollection: collectionHandoff(deps, documents, interest),
    /** The collection request to the client before the lawyer, and its answers. */
    collection,
    /** Limitation dates, negotiations, the report of claims at risk. */
    limitation: claimLimitation(db, temporal, existingClaim),

    /** The claim if the scope reaches it; not_found otherwise (a partner learns nothing of others' claims). */
    visible: existingClaim,

    /** One page of claims within the scope with their open amounts; `next` is the cursor of the following page. */
    async list(filter: ClaimListFilter, scope: ClaimScope = ALL_CLAIMS) {
      const claims = await claimPage(db, filter, scope);
      const open = await openAmounts(db, claims.map((c) => c.id));
      return {
        claims: claims.map((c) => ({
          id: c.id,
          clientId: c.clientId,
          externalId: c.externalId,
          debtor: `${c.responsible.firstName} ${c.responsible.lastName}`,
          stage: c.stage,
          outcome: c.outcome,
          dunningLevel: c.dunningLevel,
          totalCents: c.totalCents,
          openCents: open.get(c.id) ?? 0,
          dueDate: c.dueDate,
        })),
        next: nextCursor(claims, filter),
      };
    },

    /** A claim at a glance: records, balance, ledger, its split and levies, limitation events, audit trail and its workflow's live state. */
    async detail(id: string, scope: ClaimScope = ALL_CLAIMS) {
      const claim = await claimWithRecords(db, id, scope);
      if (!claim) throw doesNotExist(`claim ${id}`);
      const balance = await claimBalance(db, claim.id);
      const history = await claimHistory(db, claim.id);
      const { postings, ...rest } = claim;
      return {
        ...rest,
        lines: claim.lines.map((l) => ({ ...l, factor: l.factor?.toString() ?? null })),
        // Principal, costs and interest open, what was paid, and the open total.
        balance: { ...balance, paidCents: claim.payments.reduce((sum, p) => sum + p.amountCents, 0), openCents: openCents(balance) },
        ledger: postings
          .sort((a, b) => a.transaction.occurredAt.getTime() - b.transaction.occurredAt.getTime())
          .map((p) => ({ at: p.transaction.occurredAt, kind: p.transaction.kind, account: p.account, clientId: p.clientId, amountCents: p.amountCents })),
        // Who the claim's liability belongs to (shares by rule, summing to the total) and the levies taken from it.
        split: await claimSplit(db, claim.id),
        limitationEvents: await limitationEvents(db, claim.id),
        history: history.map((h) => ({ at: h.at, actor: h.actor, action: h.action, data: h.data, before: h.before, after: h.after })),
        workflow: { id: claimWorkflowId(claim.id), state: await claimWorkflowState(temporal, claim.id) },
      };
    },

    /** A document of the claim with its archived content. */
    async document(claimId: string, documentId: string, scope: ClaimScope = ALL_CLAIMS) {
      const doc = await claimDocument(db, claimId, documentId, scope);
      if (!doc) throw doesNotExist(`document ${documentId} of claim ${claimId}`);
      return { mimeType: doc.mimeType, content: await documents.content(doc) };
    },

    /** Books a payment staff received (once per idempotency key), then tells the claim's workflow. */
    async recordPayment(p: PaymentInput) {
      await existingClaim(p.claimId);
      try {
        const result = await recordPayment(db, p);
        const signalled = await signalClaim(temporal, p.claimId, paymentReceived, { paymentId: result.paymentId, amountCents: p.amountCents });
        return { ...result, signalled };
      } catch (e) {
        if (e instanceof PaymentConflictError) throw new Refusal('conflict', 'idempotency_conflict', e.message);
        throw e;
      }
    },
  };
}

export type ClaimService = ReturnType<typeof createClaimService>;
