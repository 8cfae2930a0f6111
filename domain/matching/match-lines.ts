import type { BankLine } from '../bank/bank-line';
import { matchCredit } from './match-credit';
import { matchReturn } from './match-return';
import type { MatchingPolicy } from './matching-policy';
import { OpenAmounts } from './open-amounts';
import type { MatchContext, MatchDecision } from './types';

/**
 * Decides every line of a statement (one decision per line, same order). Lines are decided in
 * order against a running overlay of open amounts, so what an earlier line pays is no longer
 * open for a later one. Pure and deterministic: same lines, context and policy, same decisions.
 */
export function matchLines(lines: readonly BankLine[], ctx: MatchContext, policy: MatchingPolicy): MatchDecision[] {
  const open = new OpenAmounts();
  return lines.map((line): MatchDecision => {
    switch (line.kind) {
      case 'CREDIT':
        return matchCredit(line, ctx, policy, open);
      case 'RETURN':
        return matchReturn(line, ctx, policy);
      case 'DEBIT':
        return { action: 'IGNORE', confidence: 1, reasons: ['outgoing payment of ours: nothing to match'], suggestions: [] };
      case 'CHARGE':
        return { action: 'IGNORE', confidence: 1, reasons: ['bank charge: nothing to match'], suggestions: [] };
    }
  });
}
