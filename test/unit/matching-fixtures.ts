import type { BankLine } from '../../domain/bank/bank-line';
import { formatInvoiceNumber } from '../../domain/invoice-number';
import { DEFAULT_MATCHING_POLICY, type MatchingPolicy } from '../../domain/matching/matching-policy';
import { matchLines } from '../../domain/matching/match-lines';
import { memoryMatchContext } from '../../domain/matching/memory-context';
import type { BookedBankPayment, ClaimView, MatchDecision } from '../../domain/matching/types';

/** Shared builders for the matching unit tests: claims, bank lines and a one-call matcher. */

export const IBAN_MUELLER = 'DE89370400440532013000';
export const IBAN_SCHMIDT = 'DE02120300000000202051';
export const IBAN_UNKNOWN = 'DE44500105175407324931';

export function claim(sequence: number, openCents: number, payerName: string, payerIbans: string[] = [], extra: Partial<ClaimView> = {}): ClaimView {
  return { claimId: formatInvoiceNumber(sequence), clientId: 'C1', openCents, totalCents: openCents, payerName, payerIbans, open: true, ...extra };
}

export function credit(amountCents: number, remittance: string, extra: Partial<BankLine> = {}): BankLine {
  return {
    accountId: 'DE75512108001245126199',
    bookingDate: '2026-11-24',
    amountCents,
    currency: 'EUR',
    kind: 'CREDIT',
    remittance,
    source: 'Ntry 1',
    ...extra,
  };
}

export function decide(lines: BankLine[], claims: ClaimView[], payments: BookedBankPayment[] = [], policy: Partial<MatchingPolicy> = {}): MatchDecision[] {
  return matchLines(lines, memoryMatchContext(claims, payments), { ...DEFAULT_MATCHING_POLICY, ...policy });
}

/** The single decision for one line. */
export function decideOne(line: BankLine, claims: ClaimView[], payments: BookedBankPayment[] = [], policy: Partial<MatchingPolicy> = {}): MatchDecision {
  return decide([line], claims, payments, policy)[0];
}

export function allocationsOf(d: MatchDecision): { claimId: string; amountCents: number }[] | undefined {
  return d.action === 'BOOK' ? d.allocations : undefined;
}
