import type { BankLine } from '../bank/bank-line';
import type { PaymentMethod } from '../bank/payment-method';

/**
 * The contract between the matching engine (pure, in domain/matching) and the bank service that feeds it
 * open claims and books its decisions (services/bank/). Extend additively.
 */

/** What the matcher knows of one open (or recently paid) claim. */
export interface ClaimView {
  /** The invoice number, e.g. "RE0000100008". */
  claimId: string;
  clientId: string;
  /** Principal plus costs still owed, in cents (0 or below when paid). */
  openCents: number;
  totalCents: number;
  /** The person who owes the claim (Rechnungsempfänger), as printed on the invoice. */
  payerName: string;
  /** IBANs this payer has paid from before. */
  payerIbans: string[];
  /** False once the claim is closed (paid, cancelled, returned): a payment on it is unusual. */
  open: boolean;
}

/** A payment booked earlier from a bank line: what a RETURN can reverse. */
export interface BookedBankPayment {
  paymentId: string;
  claimId: string;
  amountCents: number;
  bankLineId: string;
  entryRef?: string;
  endToEndId?: string;
  /** The mandate reference of a collection of ours, which its return echoes. */
  mandateId?: string;
  counterpartyIban?: string;
  bookingDate: string;
  /** How the money came in, from the code of the bank line it was booked from; undefined when that code did not say. */
  method?: PaymentMethod;
}

/** Read access the matcher needs; the store builds it per import (one query per kind, not per line). */
export interface MatchContext {
  claim(claimId: string): ClaimView | undefined;
  claimsByPayerIban(iban: string): ClaimView[];
  /** Payments an incoming RETURN may reverse: those of its end-to-end id, mandate reference or IBAN. */
  bookedPaymentsFor(line: BankLine): BookedBankPayment[];
}

export interface Allocation {
  claimId: string;
  amountCents: number;
}

export interface Suggestion {
  /** One claim, or several when the line looks like it pays several claims of one payer. */
  allocations: Allocation[];
  /** 0..1 */
  confidence: number;
  /** Human-readable, German-free English reasons ("invoice number RE0000100008 found (OCR: O→0)", "amount equals open amount"). */
  reasons: string[];
  /** For a RETURN: the earlier booked payments this suggestion would reverse (allocations then show their claims). */
  paymentIds?: string[];
}

export type MatchDecision =
  /** Confident: book these allocations now. */
  | { action: 'BOOK'; confidence: number; allocations: Allocation[]; reasons: string[]; suggestions: Suggestion[] }
  /** Not confident enough: the unclear-payments queue, with ranked suggestions (maybe none). */
  | { action: 'QUEUE'; confidence: number; reasons: string[]; suggestions: Suggestion[] }
  /** A return of an earlier booked payment: reverse it. */
  | { action: 'REVERSE'; confidence: number; paymentIds: string[]; reasons: string[]; suggestions: Suggestion[] }
  /** Not for matching at all (our own debits, bank charges). */
  | { action: 'IGNORE'; confidence: number; reasons: string[]; suggestions: Suggestion[] };
