import type { BankLine } from '../bank/bank-line';
import { formatEuro } from '../format';
import type { MatchingPolicy } from './matching-policy';
import { normalizeIban } from '../bank/iban';
import type { BookedBankPayment, MatchContext, MatchDecision, Suggestion } from './types';

/** The payments booked from one earlier bank line (a multi-claim transfer was booked as several). */
interface BookedLine {
  bankLineId: string;
  payments: BookedBankPayment[];
  totalCents: number;
}

function groupByBankLine(payments: readonly BookedBankPayment[]): BookedLine[] {
  const groups = new Map<string, BookedLine>();
  for (const p of payments) {
    const g = groups.get(p.bankLineId) ?? { bankLineId: p.bankLineId, payments: [], totalCents: 0 };
    g.payments.push(p);
    g.totalCents += p.amountCents;
    groups.set(p.bankLineId, g);
  }
  return [...groups.values()];
}

function toSuggestion(g: BookedLine, confidence: number, reason: string): Suggestion {
  return {
    allocations: g.payments.map((p) => ({ claimId: p.claimId, amountCents: -p.amountCents })),
    paymentIds: g.payments.map((p) => p.paymentId),
    confidence,
    reasons: [reason, `reverses ${formatEuro(g.totalCents)} booked on ${g.payments[0].bookingDate} from bank line ${g.bankLineId}`],
  };
}

/**
 * A RETURN of money in (a returned direct debit, a recalled transfer) takes back a payment booked before. The earlier bank line is found by the end-to-end id
 * the return echoes (certain), else by IBAN and amount (likely); exactly one must fit, and its
 * payments' total must equal the returned amount, or staff decide.
 */
export function matchReturn(line: BankLine, ctx: MatchContext, policy: MatchingPolicy): MatchDecision {
  if (line.amountCents > 0) {
    // Money back in: a transfer of ours (a payout or refund) bounced, nothing a patient paid.
    const why = `our own transfer of ${formatEuro(line.amountCents)} to ${line.counterpartyName ?? line.counterpartyIban ?? 'an unnamed account'} came back${line.returnReason ? ` (reason ${line.returnReason})` : ''}`;
    return { action: 'QUEUE', confidence: 0, reasons: [why, 'staff decide whether to send it again or keep it as credit'], suggestions: [] };
  }
  const amount = -line.amountCents;
  const groups = groupByBankLine(ctx.bookedPaymentsFor(line));
  const iban = line.counterpartyIban ? normalizeIban(line.counterpartyIban) : undefined;
  const byEndToEnd = line.endToEndId ? groups.filter((g) => g.payments.some((p) => p.endToEndId === line.endToEndId)) : [];
  const byIbanAmount = iban ? groups.filter((g) => g.totalCents === amount && g.payments.some((p) => p.counterpartyIban && normalizeIban(p.counterpartyIban) === iban)) : [];
  const [found, confidence, how] =
    byEndToEnd.length > 0
      ? [byEndToEnd, policy.returnByEndToEndConfidence, `end-to-end id ${line.endToEndId} matches`]
      : [byIbanAmount, policy.returnByIbanAmountConfidence, `IBAN ${line.counterpartyIban} and amount ${formatEuro(amount)} match`];
  const suggestions = found.map((g) => toSuggestion(g, found.length === 1 ? confidence : confidence / 2, how));
  const reason = line.returnReason ? `return (reason ${line.returnReason}) of ${formatEuro(amount)}` : `return of ${formatEuro(amount)}`;
  if (found.length === 1 && found[0].totalCents === amount && confidence >= policy.autoBookMinConfidence) {
    return { action: 'REVERSE', confidence, paymentIds: found[0].payments.map((p) => p.paymentId), reasons: [reason, ...suggestions[0].reasons], suggestions: [] };
  }
  const why =
    found.length === 0
      ? 'no earlier booked payment fits it'
      : found.length > 1
        ? `${found.length} earlier booked payments fit it`
        : found[0].totalCents !== amount
          ? `the earlier payment was ${formatEuro(found[0].totalCents)}, not ${formatEuro(amount)}`
          : `confidence ${confidence} is below ${policy.autoBookMinConfidence}`;
  return { action: 'QUEUE', confidence: suggestions[0]?.confidence ?? 0, reasons: [reason, why], suggestions };
}
