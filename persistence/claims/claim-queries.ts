import type { Db } from '../../infra/db/prisma';
import type { ClaimStage } from '../../prisma/generated/client';
import { OPEN_AMOUNT_ACCOUNTS } from '../../domain/ledger/claim-balance';
import { IdPage, pageOf } from '../id-page';
import { ALL_CLAIMS, type ClaimScope } from '../../domain/auth/roles';
import { claimScopeWhere } from './claim-scope';

export interface ClaimListFilter extends IdPage {
  stage?: ClaimStage;
  clientId?: string;
  submissionId?: string;
}

/** The claim, if it exists within the scope. */
export async function findClaim(db: Db, id: string, scope: ClaimScope = ALL_CLAIMS) {
  return db.claim.findFirst({ where: { AND: [{ id }, await claimScopeWhere(db, scope)] } });
}

/** One page of claims (by id) with the debtor's name, within the scope. */
export async function claimPage(db: Db, f: ClaimListFilter, scope: ClaimScope) {
  const page = pageOf(f);
  return db.claim.findMany({
    ...page,
    where: { AND: [{ stage: f.stage, clientId: f.clientId, submissionId: f.submissionId, ...page.where }, await claimScopeWhere(db, scope)] },
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

/** Everything the claim detail shows (within the scope): lines, persons, payments, documents, agreements, collection decisions, postings. */
export async function claimWithRecords(db: Db, id: string, scope: ClaimScope) {
  return db.claim.findFirst({
    where: { AND: [{ id }, await claimScopeWhere(db, scope)] },
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

/** A document of the claim (null when the document belongs to another claim, or the claim is out of scope). */
export async function claimDocument(db: Db, claimId: string, documentId: string, scope: ClaimScope) {
  return db.document.findFirst({ where: { id: documentId, claimId, claim: await claimScopeWhere(db, scope) } });
}
