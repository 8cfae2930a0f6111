import type { BankLine } from '../bank/bank-line';
import { formatEuro } from '../format';
import type { MatchingPolicy } from './matching-policy';
import { normalizeIban } from '../bank/iban';
import { findInvoiceReferences } from './invoice-references';
import { returnKindOf, type PaymentMethod, type ReturnKind } from '../bank/payment-method';
import type { BookedBankPayment, MatchContext, MatchDecision, Suggestion } from './types';

/** The payments booked from one earlier bank line (a multi-claim transfer was booked as several). */
interface BookedLine {
  bankLineId: string;
  payments: BookedBankPayment[];
  totalCents: number;
  method?: PaymentMethod;
}

function groupByBankLine(payments: readonly BookedBankPayment[]): BookedLine[] {
  const groups = new Map<string, BookedLine>();
  for (const p of payments) {
    const g = groups.get(p.bankLineId) ?? { bankLineId: p.bankLineId, payments: [], totalCents: 0, method: p.method };
    g.payments.push(p);
    g.totalCents += p.amountCents;
    groups.set(p.bankLineId, g);
  }
  return [...groups.values()];
}

function toSuggestion(g: BookedLine, confidence: number, reasons: string[]): Suggestion {
  return {
    allocations: g.payments.map((p) => ({ claimId: p.claimId, amountCents: -p.amountCents })),
    paymentIds: g.payments.map((p) => p.paymentId),
    confidence,
    reasons: [...reasons, `reverses ${formatEuro(g.totalCents)} booked on ${g.payments[0].bookingDate} from bank line ${g.bankLineId}`],
  };
}

/** The kind of payment each kind of return takes back, and how staff read it. */
const RETURNED: Record<Exclude<ReturnKind, 'OUR_TRANSFER_RETURNED'>, { method: PaymentMethod; what: string; payment: string }> = {
  DIRECT_DEBIT_RETURN: { method: 'DIRECT_DEBIT', what: 'returned direct debit', payment: 'collection of ours' },
  TRANSFER_RECALL: { method: 'TRANSFER', what: 'recalled transfer', payment: 'transfer received' },
};

const METHOD_NAME: Record<PaymentMethod, string> = { DIRECT_DEBIT: 'a collection of ours', TRANSFER: 'a transfer' };
const describe = (g: BookedLine) => (g.method ? METHOD_NAME[g.method] : 'a payment of unknown kind');

/**
 * A RETURN of money in takes back a payment booked before, and only one of the kind it returns:
 * a returned direct debit only our own collection, a recalled transfer only that transfer. The
 * payment is identified by the end-to-end id the return echoes (ours for a collection, the payer's
 * for a transfer); exactly one booked line of that kind must carry it and its total must be the
 * returned amount. A return without end-to-end id may still name the invoice in the original
 * remittance it repeats: exactly one booked line of that kind and amount paying that claim then.
 * Anything else (no or a foreign end-to-end id, a payment of the other kind, a return the file
 * does not classify) goes to staff with the reason, earlier payments of the same IBAN and amount
 * as suggestions only: an amount and an account never prove which payment came back.
 */
export function matchReturn(line: BankLine, ctx: MatchContext, policy: MatchingPolicy): MatchDecision {
  const kind = returnKindOf(line);
  if (kind === 'OUR_TRANSFER_RETURNED') {
    // Money back in: a transfer of ours (a payout or refund) bounced, nothing a patient paid.
    const why = `our own transfer of ${formatEuro(line.amountCents)} to ${line.counterpartyName ?? line.counterpartyIban ?? 'an unnamed account'} came back${line.returnReason ? ` (reason ${line.returnReason})` : ''}`;
    return { action: 'QUEUE', confidence: 0, reasons: [why, 'staff decide whether to send it again or keep it as credit'], suggestions: [] };
  }
  const amount = -line.amountCents;
  const returned = kind && RETURNED[kind];
  const reason = `${returned?.what ?? 'return'}${line.returnReason ? ` (reason ${line.returnReason})` : ''} of ${formatEuro(amount)}`;
  const groups = groupByBankLine(ctx.bookedPaymentsFor(line));
  const byEndToEnd = line.endToEndId ? groups.filter((g) => g.payments.some((p) => p.endToEndId === line.endToEndId)) : [];
  const ofKind = byEndToEnd.filter((g) => returned && g.method === returned.method);
  const certain = returned && ofKind.length === 1 && ofKind[0].totalCents === amount;
  if (certain && policy.returnByEndToEndConfidence >= policy.autoBookMinConfidence) {
    const s = toSuggestion(ofKind[0], policy.returnByEndToEndConfidence, [`end-to-end id ${line.endToEndId} names this ${returned.payment}`]);
    return { action: 'REVERSE', confidence: s.confidence, paymentIds: s.paymentIds!, reasons: [reason, ...s.reasons], suggestions: [] };
  }
  // Without an end-to-end id, the original remittance the return repeats may name the invoice.
  const byReference = returned && !line.endToEndId ? byOriginalReference(line, groups, returned.method, amount, policy) : undefined;
  if (returned && byReference && policy.returnByReferenceConfidence >= policy.autoBookMinConfidence) {
    const s = toSuggestion(byReference.group, policy.returnByReferenceConfidence, [`the original reference names ${byReference.claimId}, paid by this ${returned.payment} of the same amount`]);
    return { action: 'REVERSE', confidence: s.confidence, paymentIds: s.paymentIds!, reasons: [reason, ...s.reasons], suggestions: [] };
  }

  const iban = line.counterpartyIban ? normalizeIban(line.counterpartyIban) : undefined;
  const byIbanAmount = iban ? groups.filter((g) => !byEndToEnd.includes(g) && g.totalCents === amount && g.payments.some((p) => p.counterpartyIban && normalizeIban(p.counterpartyIban) === iban)) : [];
  const suggestions = [
    ...byEndToEnd.map((g) => toSuggestion(g, policy.returnByEndToEndConfidence / 2, [`end-to-end id ${line.endToEndId} matches ${describe(g)}`])),
    ...byIbanAmount.map((g) => toSuggestion(g, policy.returnByIbanAmountConfidence / 2, [`IBAN ${line.counterpartyIban} and amount ${formatEuro(amount)} match ${describe(g)}`])),
  ].slice(0, policy.maxSuggestions);
  const why = certain || byReference
    ? `confidence ${certain ? policy.returnByEndToEndConfidence : policy.returnByReferenceConfidence} is below ${policy.autoBookMinConfidence}`
    : whyNotReversed(line, returned, byEndToEnd, ofKind, amount);
  return { action: 'QUEUE', confidence: suggestions[0]?.confidence ?? 0, reasons: [reason, why], suggestions };
}

/** The one booked line of the returned kind and amount that paid a claim the return's text names, if exactly one does. */
function byOriginalReference(line: BankLine, groups: readonly BookedLine[], method: PaymentMethod, amount: number, policy: MatchingPolicy): { group: BookedLine; claimId: string } | undefined {
  const named = new Set(findInvoiceReferences(line.remittance, policy.maxOcrCorrections).filter((r) => r.valid).map((r) => r.number));
  if (named.size === 0) return undefined;
  const fitting = groups.filter((g) => g.method === method && g.totalCents === amount && g.payments.some((p) => named.has(p.claimId)));
  return fitting.length === 1 ? { group: fitting[0], claimId: fitting[0].payments.find((p) => named.has(p.claimId))!.claimId } : undefined;
}

function whyNotReversed(line: BankLine, returned: (typeof RETURNED)[keyof typeof RETURNED] | undefined, byEndToEnd: readonly BookedLine[], ofKind: readonly BookedLine[], amount: number): string {
  if (!returned) return `the bank file does not say what kind of payment came back (bank code ${line.bankCode ?? 'missing'})`;
  if (!line.endToEndId) return `the ${returned.what} carries neither an end-to-end id nor an original reference naming exactly one ${returned.payment} of this amount`;
  if (byEndToEnd.length === 0) return `end-to-end id ${line.endToEndId} names no ${returned.payment}`;
  if (ofKind.length === 0) return `end-to-end id ${line.endToEndId} names ${byEndToEnd.map(describe).join(' and ')}, not a ${returned.payment}`;
  if (ofKind.length > 1) return `${ofKind.length} earlier booked payments carry end-to-end id ${line.endToEndId}`;
  return `the earlier payment was ${formatEuro(ofKind[0].totalCents)}, not ${formatEuro(amount)}`;
}
