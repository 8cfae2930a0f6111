import type { Db } from '../../infra/db/prisma';
import type { ClaimStage } from '../../prisma/generated/client';
import { OPEN_AMOUNT_ACCOUNTS } from '../../domain/ledger/claim-balance';
import { IdPage, pageOf } from '../id-page';

export interface ClaimListFilter extends IdPage {
  stage?: ClaimStage;
  clientId?: string;
  submissionId?: string;
}

export function findClaim(db: Db, id: string) {
  return db.claim.findUnique({ where: { id } });
}

/** One page of claims (by id) with the debtor's name. */
export function claimPage(db: Db, f: ClaimListFilter) {
  const page = pageOf(f);
  return db.claim.findMany({
    ...page,
    where: { stage: f.stage, clientId: f.clientId, submissionId: f.submissionId, ...page.where },
    include: { responsible: { select: { firstName: true, lastName: true } } },
  });
}

/** The open amount of each claim, in one query (claims without postings are absent). */
export async function openAmounts(db: Db, claimIds: string[]): Promise<Map<string, number>> {
  const sums = await db.ledgerPosting.groupBy({
    by: ['claimId'],
    where: { claimId: { in: claimIds }, account: { in: [...OPEN_AMOUNT_ACCOUNTS] } },
    _sum: { amountCents: true },
  });
  return new Map(sums.map((b) => [b.claimId!, b._sum.amountCents ?? 0]));
}

/** Everything the claim detail shows: lines, persons, payments, documents, agreements, collection decisions, postings. */
export function claimWithRecords(db: Db, id: string) {
  return db.claim.findUnique({
    where: { id },
    include: {
      lines: { orderBy: { lineNo: 'asc' } },
      patient: true,
      responsible: true,
      payments: { orderBy: { receivedAt: 'asc' } },
      documents: { orderBy: { createdAt: 'asc' } },
      agreements: { orderBy: { createdAt: 'asc' } },
      collectionDecisions: { orderBy: { createdAt: 'asc' } },
      postings: { include: { transaction: true } },
    },
  });
}

/** The claim's audit trail, oldest first. */
export function claimHistory(db: Db, claimId: string) {
  return db.auditEvent.findMany({ where: { entityType: 'claim', entityId: claimId }, orderBy: { id: 'asc' } });
}

/** A document of the claim (null when the document belongs to another claim). */
export function claimDocument(db: Db, claimId: string, documentId: string) {
  return db.document.findFirst({ where: { id: documentId, claimId } });
}
