import type { Db } from '../../infra/db/prisma';
import { evaluateLevies, evaluateSplit } from '../../domain/splitting/evaluate-split';
import { SplitStages, type ShareRecipient } from '../../domain/splitting/split-rules';
import { LevyRuleSpecs } from '../../domain/splitting/levy-rules';
import { levyRulesOf, splitInputs, storeSplit } from '../../persistence/money/claim-split';

/**
 * Splits a claim once: its liability divided across clients by the submitter's split rules (the
 * rest, or the whole claim without rules, to the client of its treating doctor, which is the
 * submitter unless the doctor is a client of their own), the levies each client's rules take from
 * its share, all stored with the rule that produced them. A retry finds the split done.
 */
export async function splitClaim(db: Db, claimId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const { claim, doctor, stages, splitBefore } = await splitInputs(tx, claimId);
    if (splitBefore) return;
    const treating = doctor?.clientId ?? claim.clientId;
    const resolve = (to: ShareRecipient) => ('clientId' in to ? to.clientId : treating);
    const lines = claim.lines.map((l) => ({ lineNo: l.lineNo, code: l.code, amountCents: l.amountCents }));
    const shares = evaluateSplit(claim.totalCents, lines, SplitStages.parse(stages), resolve, treating);
    const clients = [...new Set(shares.map((s) => s.clientId))];
    const rules = await levyRulesOf(tx, clients);
    const levies = clients.flatMap((c) => evaluateLevies(c, shares, LevyRuleSpecs.parse(rules.get(c) ?? []), lines));
    await storeSplit(tx, claim, treating, shares, levies, claim.doctorExternalId);
  });
}
