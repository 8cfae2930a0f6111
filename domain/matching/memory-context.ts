import type { BankLine } from '../bank/bank-line';
import { normalizeIban } from '../bank/iban';
import type { BookedBankPayment, ClaimView, MatchContext } from './types';

function push<T>(index: Map<string, T[]>, key: string, value: T): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

/**
 * A MatchContext over arrays held in memory (tests, the matching benchmark). The store builds the
 * same interface from the database; both index claims by id and by the IBANs payers paid from.
 */
export function memoryMatchContext(claims: readonly ClaimView[], payments: readonly BookedBankPayment[] = []): MatchContext {
  const byId = new Map(claims.map((c) => [c.claimId, c]));
  const byIban = new Map<string, ClaimView[]>();
  for (const c of claims) for (const iban of new Set(c.payerIbans.map(normalizeIban))) push(byIban, iban, c);
  const paymentsByEndToEnd = new Map<string, BookedBankPayment[]>();
  const paymentsByMandate = new Map<string, BookedBankPayment[]>();
  const paymentsByIban = new Map<string, BookedBankPayment[]>();
  for (const p of payments) {
    if (p.endToEndId) push(paymentsByEndToEnd, p.endToEndId, p);
    if (p.mandateId) push(paymentsByMandate, p.mandateId, p);
    if (p.counterpartyIban) push(paymentsByIban, normalizeIban(p.counterpartyIban), p);
  }
  return {
    claim: (claimId) => byId.get(claimId),
    claimsByPayerIban: (iban) => byIban.get(normalizeIban(iban)) ?? [],
    bookedPaymentsFor(line: BankLine) {
      const found = new Set([
        ...(line.endToEndId ? (paymentsByEndToEnd.get(line.endToEndId) ?? []) : []),
        ...(line.mandateId ? (paymentsByMandate.get(line.mandateId) ?? []) : []),
        ...(line.counterpartyIban ? (paymentsByIban.get(normalizeIban(line.counterpartyIban)) ?? []) : []),
      ]);
      return [...found];
    },
  };
}
