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
  endToEndId?: string;
  mandateId?: string;
}

function groupByBankLine(payments: readonly BookedBankPayment[]): BookedLine[] {
  const groups = new Map<string, BookedLine>();
  for (const p of payments) {
    const g = groups.get(p.bankLineId) ?? { bankLineId: p.bankLineId, payments: [], totalCents: 0, method: p.method, endToEndId: p.endToEndId, mandateId: p.mandateId };
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

/** The booked line a return takes back, how sure that is and why. */
interface Identified {
  group: BookedLine;
  confidence: number;
  reason: string;
}

/**
 * A RETURN of money in takes back a payment booked before, and only one of the kind it returns:
 * a returned direct debit only our own collection, a recalled transfer only that transfer. The
 * payment is identified by the end-to-end id the return echoes (ours for a collection, the payer's
 * for a transfer): exactly one booked line of that kind must carry it and its total must be the
 * returned amount. Without an end-to-end id naming a payment, the mandate reference a returned
 * collection echoes, or the invoice the original remittance names, may identify exactly one booked
 * line of that kind and amount that no identifier of the return contradicts.
 * Anything else (a foreign end-to-end id, a payment of the other kind, several collections under
 * one mandate, a return the file does not classify) goes to staff with the reason, earlier
 * payments of the same mandate, IBAN and amount as suggestions only: an amount and an account
 * never prove which payment came back.
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
  const byMandate = line.mandateId ? groups.filter((g) => g.mandateId === line.mandateId && !byEndToEnd.includes(g)) : [];
  const search = returned && (byEndToEnd.length ? byEndToEndId(line, byEndToEnd, returned, amount, policy) : byMandateOrReference(line, groups, returned, amount, policy));
  if (search && 'group' in search && search.confidence >= policy.autoBookMinConfidence) {
    const s = toSuggestion(search.group, search.confidence, [search.reason]);
    return { action: 'REVERSE', confidence: s.confidence, paymentIds: s.paymentIds!, reasons: [reason, ...s.reasons], suggestions: [] };
  }

  const iban = line.counterpartyIban ? normalizeIban(line.counterpartyIban) : undefined;
  const named = [...byEndToEnd, ...byMandate];
  const byIbanAmount = iban ? groups.filter((g) => !named.includes(g) && g.totalCents === amount && g.payments.some((p) => p.counterpartyIban && normalizeIban(p.counterpartyIban) === iban)) : [];
  const suggestions = [
    ...byEndToEnd.map((g) => toSuggestion(g, policy.returnByEndToEndConfidence / 2, [`end-to-end id ${line.endToEndId} matches ${describe(g)}`])),
    ...byMandate.map((g) => toSuggestion(g, policy.returnByMandateConfidence / 2, [`mandate reference ${line.mandateId} matches ${describe(g)}`])),
    ...byIbanAmount.map((g) => toSuggestion(g, policy.returnByIbanAmountConfidence / 2, [`IBAN ${line.counterpartyIban} and amount ${formatEuro(amount)} match ${describe(g)}`])),
  ].slice(0, policy.maxSuggestions);
  const why = !returned
    ? `the bank file does not say what kind of payment came back (bank code ${line.bankCode ?? 'missing'})`
    : search && 'group' in search
      ? `confidence ${search.confidence} is below ${policy.autoBookMinConfidence}`
      : (search?.why ?? 'no earlier payment found');
  return { action: 'QUEUE', confidence: suggestions[0]?.confidence ?? 0, reasons: [reason, why], suggestions };
}

type Returned = (typeof RETURNED)[keyof typeof RETURNED];
type Search = Identified | { why: string };

/** The end-to-end id names booked lines: exactly one of the returned kind and amount is the one. */
function byEndToEndId(line: BankLine, byEndToEnd: readonly BookedLine[], returned: Returned, amount: number, policy: MatchingPolicy): Search {
  const ofKind = byEndToEnd.filter((g) => g.method === returned.method);
  const e2e = `end-to-end id ${line.endToEndId}`;
  if (ofKind.length === 0) return { why: `${e2e} names ${byEndToEnd.map(describe).join(' and ')}, not a ${returned.payment}` };
  if (ofKind.length > 1) return { why: `${ofKind.length} earlier booked payments carry ${e2e}` };
  if (ofKind[0].totalCents !== amount) return { why: `the earlier payment was ${formatEuro(ofKind[0].totalCents)}, not ${formatEuro(amount)}` };
  return { group: ofKind[0], confidence: policy.returnByEndToEndConfidence, reason: `${e2e} names this ${returned.payment}` };
}

/** Two references that are both given and differ: the return is not of that payment. */
const contradicts = (ours: string | undefined, theirs: string | undefined) => ours !== undefined && theirs !== undefined && ours !== theirs;

/**
 * Without an end-to-end id naming a payment: the booked lines of the returned kind and amount that
 * neither the return's end-to-end id nor its mandate contradicts; of those, the one its mandate
 * reference names, else the one paying the invoice its original remittance names. Several
 * collections under one mandate (recurring ones of the same amount) need the reference to tell
 * them apart.
 */
function byMandateOrReference(line: BankLine, groups: readonly BookedLine[], returned: Returned, amount: number, policy: MatchingPolicy): Search {
  const fitting = groups.filter((g) => g.method === returned.method && g.totalCents === amount && !contradicts(line.endToEndId, g.endToEndId) && !contradicts(line.mandateId, g.mandateId));
  const named = new Set(findInvoiceReferences(line.remittance, policy.maxOcrCorrections).filter((r) => r.valid).map((r) => r.number));
  const namesClaim = (g: BookedLine) => g.payments.some((p) => named.has(p.claimId));
  const mandate = `mandate reference ${line.mandateId}`;
  const byMandate = line.mandateId ? fitting.filter((g) => g.mandateId === line.mandateId) : [];
  if (byMandate.length === 1) return { group: byMandate[0], confidence: policy.returnByMandateConfidence, reason: `${mandate} names this ${returned.payment}, of the same amount` };
  const byReference = (byMandate.length > 1 ? byMandate : fitting).filter(namesClaim);
  if (byReference.length === 1) {
    const claimId = byReference[0].payments.find((p) => named.has(p.claimId))!.claimId;
    const also = byMandate.length > 1 ? ` under ${mandate}` : '';
    return { group: byReference[0], confidence: policy.returnByReferenceConfidence, reason: `the original reference names ${claimId}, paid by this ${returned.payment} of the same amount${also}` };
  }
  if (byMandate.length > 1) return { why: `${byMandate.length} earlier payments of ${formatEuro(amount)} carry ${mandate} and the original reference tells none of them apart` };
  const given = [line.endToEndId && `end-to-end id ${line.endToEndId}`, line.mandateId && mandate].filter(Boolean);
  if (given.length) return { why: `${given.join(' and ')} name${given.length > 1 ? '' : 's'} no ${returned.payment}${named.size ? ', and the original reference names no such payment of this amount' : ''}` };
  return { why: `the ${returned.what} carries no end-to-end id, mandate reference or original reference naming exactly one ${returned.payment} of this amount` };
}
