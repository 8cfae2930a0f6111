import type { Db } from '../../infra/db/prisma';
import type { FactorAnswer } from '../../domain/factoring/factor-answer-file';
import { ANSWER_COLUMNS } from '../../domain/factoring/factor-answer-file';
import * as entries from '../../domain/ledger/entries';
import { audit } from '../../persistence/audit';
import { answerSale, saleByAnswerLine, saleOfClaim } from '../../persistence/factoring/factor-sales';
import { book, lockClaim } from '../../persistence/ledger';

export type TakenAnswer = { status: 'taken' | 'duplicate' } | { status: 'refused'; field: string; reason: string };

/**
 * Takes one answer of a factor in one transaction under the claim's lock: a confirmation books the
 * shortfall of the factor's price against the amount sold as the refinancing cost (the price stays
 * owed by the factor in the clearing account), a rejection undoes the sale. Stored on the sale with
 * the factor's line id, so the same line again books nothing; a sale answered before, a claim not
 * sold to this factor or a price above the amount sold is refused for staff to look at.
 */
export async function takeFactorAnswer(db: Db, answer: FactorAnswer, origin: { factorId: string; fileId: string; line: number; actor: string }): Promise<TakenAnswer> {
  const refused = (field: string, reason: string): TakenAnswer => ({ status: 'refused', field, reason });
  return db.$transaction(async (tx) => {
    const earlier = await saleByAnswerLine(tx, origin.factorId, answer.lineId);
    if (earlier) return earlier.claimId === answer.claimId ? { status: 'duplicate' } : refused(ANSWER_COLUMNS.lineId, `"${answer.lineId}" already answered claim ${earlier.claimId}`);
    const sale = await saleOfClaim(tx, answer.claimId);
    if (!sale || sale.factorId !== origin.factorId) return refused(ANSWER_COLUMNS.claimId, `claim ${answer.claimId} was not sold to this factor`);
    await lockClaim(tx, sale.claimId);
    const locked = (await saleOfClaim(tx, answer.claimId))!;
    if (locked.status !== 'SOLD') return refused(ANSWER_COLUMNS.claimId, `claim ${answer.claimId} was already ${locked.status.toLowerCase()} (line "${locked.answerLineId}")`);
    if (answer.accepted && answer.priceCents > locked.openCents) return refused(ANSWER_COLUMNS.price, `the price ${answer.priceCents} cents exceeds the ${locked.openCents} cents sold`);
    const claim = await tx.claim.findUniqueOrThrow({ where: { id: locked.claimId }, select: { clientId: true } });
    const key = `factor-sale:${locked.id}:answer`;
    const postings = answer.accepted ? entries.factorConfirmation(locked.openCents, answer.priceCents) : entries.factorRejection(locked.openCents);
    const kind = answer.accepted ? 'factor_confirmation' : 'factor_rejection';
    await book(tx, { idempotencyKey: key, kind, description: `factor ${origin.factorId} ${answer.accepted ? 'bought' : 'rejected'} ${locked.claimId}`, claimId: locked.claimId, clientId: claim.clientId, postings });
    await answerSale(tx, locked.id, { status: answer.accepted ? 'CONFIRMED' : 'REJECTED', factorPriceCents: answer.accepted ? answer.priceCents : null, reason: answer.reason ?? null, lineId: answer.lineId, fileId: origin.fileId, line: origin.line });
    await audit(tx, origin.actor, kind, 'claim', locked.claimId, { factorId: origin.factorId, lineId: answer.lineId, fileId: origin.fileId, line: origin.line });
    return { status: 'taken' };
  });
}
