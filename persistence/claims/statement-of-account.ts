import type { Db } from '../../infra/db/prisma';
import { isoDayOf } from '../../domain/interest/calendar-day';
import { statementOfAccount, type StatementOfAccount } from '../../domain/interest/statement-of-account';
import { doesNotExist } from '../../domain/refusal';
import { loadPolicy } from '../policy';
import { loadBaseRates, marginBp, receivableMoves } from './interest-facts';

/** A claim's statement of account as of a day, from its ledger and dates (nothing booked). */
export async function loadStatementOfAccount(db: Db, claimId: string, asOf: string): Promise<StatementOfAccount> {
  const claim = await db.claim.findUnique({ where: { id: claimId }, select: { clientId: true, defaultSince: true, responsible: { select: { business: true } } } });
  if (!claim) throw doesNotExist(`claim ${claimId}`);
  const policy = (await loadPolicy(db, claim.clientId)).interest;
  const [moves, rates] = await Promise.all([receivableMoves(db, [claimId]), loadBaseRates(db)]);
  return statementOfAccount(
    {
      claimId,
      asOf,
      defaultSince: claim.defaultSince ? isoDayOf(claim.defaultSince) : null,
      marginBp: marginBp(policy, claim.responsible.business),
      dayCount: policy.dayCount,
      charge: policy.charge,
      moves: moves.get(claimId)!,
    },
    rates,
  );
}
