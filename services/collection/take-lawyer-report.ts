import type { Db, Tx } from '../../infra/db/prisma';
import type { LawyerReport } from '../../domain/collection/lawyer-report';
import { Account } from '../../domain/ledger/accounts';
import * as entries from '../../domain/ledger/entries';
import { watchesBalance } from '../../domain/bank/watching-stages';
import { audit } from '../../persistence/audit';
import { book, lockClaim } from '../../persistence/ledger';
import { paymentTargets, preparePayment, writePayments } from '../../persistence/payments';
import { insertReport, ReportOrigin, reportByLineId } from '../../persistence/collection/lawyer-reports';
import { recordLimitationEvent } from '../../persistence/claims/limitation-events';

/** What became of a report: taken now, taken before (same line id), or refused with the reason. */
export type TakenReport = { status: 'taken' | 'duplicate'; reportId: string; claimId: string } | { status: 'refused'; code: 'claim_not_found' | 'not_in_collection'; field: string; reason: string };

/**
 * Takes one report of a lawyer in one transaction under the claim's lock: books what it books
 * (money collected into the lawyer clearing account as a payment on the claim, the lawyer's costs
 * as costs owed on to the lawyer), records limitation events, and stores the report under the
 * lawyer's line id, so the same line again (a file read twice, a retried run) takes nothing twice.
 * A report on a claim that is not with a lawyer is refused: staff look at it.
 */
export async function takeLawyerReport(db: Db, report: LawyerReport, origin: ReportOrigin): Promise<TakenReport> {
  return db.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: report.claimId }, select: { id: true, stage: true, outcome: true } });
    if (!claim) return { status: 'refused', code: 'claim_not_found', field: 'Rechnungsnummer', reason: `claim ${report.claimId} does not exist` };
    await lockClaim(tx, claim.id);
    const earlier = await reportByLineId(tx, origin.lawyerId, report.lineId);
    if (earlier) return { status: 'duplicate', reportId: earlier.id, claimId: earlier.claimId };
    if (claim.stage !== 'COLLECTION' || !watchesBalance(claim)) {
      return { status: 'refused', code: 'not_in_collection', field: 'Rechnungsnummer', reason: `claim ${claim.id} is ${claim.outcome ?? claim.stage}, not with a lawyer: staff decide` };
    }
    const reportId = await insertReport(tx, report, origin);
    await bookReport(tx, report, reportId, origin.actor);
    await audit(tx, origin.actor, `lawyer_report:${report.kind}`, 'claim', claim.id, { reportId, lawyerId: origin.lawyerId, lineId: report.lineId, fileId: origin.fileId, line: origin.line });
    return { status: 'taken', reportId, claimId: claim.id };
  });
}

async function bookReport(tx: Tx, report: LawyerReport, reportId: string, actor: string): Promise<void> {
  const source = `lawyer-report:${reportId}`;
  switch (report.kind) {
    case 'collected': {
      const target = (await paymentTargets(tx, [report.claimId])).get(report.claimId)!;
      const input = { idempotencyKey: source, claimId: report.claimId, amountCents: report.amountCents, receivedAt: new Date(`${report.date}T00:00:00Z`), source: 'lawyer', reference: report.lawyerRef ?? report.lineId, actor };
      await writePayments(tx, [preparePayment(target, input, Account.LAWYER_CLEARING)]);
      break;
    }
    case 'costs': {
      const claim = await tx.claim.findUniqueOrThrow({ where: { id: report.claimId }, select: { clientId: true } });
      await book(tx, { idempotencyKey: `${source}:costs`, kind: 'lawyer_costs', description: `lawyer's costs on ${report.claimId}`, claimId: report.claimId, clientId: claim.clientId, postings: entries.lawyerCosts(report.amountCents) });
      break;
    }
    case 'dunning_order':
      await recordLimitationEvent(tx, report.claimId, { kind: 'DUNNING_ORDER', date: report.date, source });
      break;
    case 'title':
      await recordLimitationEvent(tx, report.claimId, { kind: 'TITLE', date: report.date, source });
      break;
    default:
      // Acknowledgement, installment plan, uncollectable, returned: the claim's workflow acts on them.
      break;
  }
}

/** A dunning order halts limitation (§ 204 BGB), a title makes it 30 years (§ 197 BGB): the claim's date moves. */
export function movesLimitation(report: Pick<LawyerReport, 'kind'>): boolean {
  return report.kind === 'dunning_order' || report.kind === 'title';
}
