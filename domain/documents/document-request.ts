/**
 * What each document needs, as plain data (no database access while rendering): a discriminated
 * union by `kind`. persistence/documents/ builds these from the database. Dates are ISO strings
 * (yyyy-mm-dd or full ISO), amounts integer cents.
 */
import type { LetterBlocks } from './letter-blocks';
import type { TemplateValues } from './template-placeholders';
import type { JournalPeriod } from './journal-period';

export interface PostalAddress {
  /** "Frau", "Herr" or a company line; optional. */
  salutation?: string;
  /** Name line(s): the person or organisation, optionally "z. Hd." lines. */
  name: string;
  extraLines?: string[];
  street: string;
  postalCode: string;
  city: string;
  /** ISO country code; printed only when not DE. */
  country?: string;
}

export interface BankAccount {
  holder: string;
  iban: string;
  bic?: string;
  bankName?: string;
}

/** The billing centre: sender of every document and its imprint. */
export interface Centre {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  phone?: string;
  email?: string;
  web?: string;
  /** The centre's own account (footer of the journals to clients). */
  bankAccount?: BankAccount;
  /** Impressum lines: register, managing directors, VAT id. */
  imprint: string[];
}

/** The client (Mandant) a document is written for or about. */
export interface LetterClient {
  id: string;
  number: string;
  name: string;
  street: string;
  postalCode: string;
  city: string;
  /** PNG or JPEG bytes. */
  logo?: Uint8Array;
  blocks: LetterBlocks;
}

/** What every document has: who sends it for whom, to whom, on which day. */
export interface LetterHeadData {
  centre: Centre;
  client: LetterClient;
  recipient: PostalAddress;
  /** Date of the letter. */
  date: string;
  /**
   * Patient letters: the centre's collection account the claim is paid to (footer, payment request,
   * GiroCode). Never the client's own account: a payment there would pass the centre by.
   */
  collectionAccount?: BankAccount;
}

export interface InvoiceLine {
  date: string;
  /** GOÄ code; null/absent for expenses (Auslagen, § 10 GOÄ). */
  code?: string | null;
  text: string;
  factor?: string | null;
  count: number;
  /** Single service before the § 6a reduction, or the expense's unit amount. */
  unitCents?: number | null;
  reductionCents: number;
  amountCents: number;
  justification?: string | null;
  /** § 6 Abs. 2 GOÄ analog billing: the service actually performed. */
  analog?: boolean;
}

/** A claim as patient letters show it. */
export interface ClaimData {
  invoiceNumber: string;
  patientName: string;
  /** Name of the treating doctor, printed in the information block. */
  doctorName: string;
  treatmentFrom: string;
  treatmentTo: string;
  diagnosis?: string | null;
  /** § 6a GOÄ: "none", "25" or "15" (percent). */
  inpatientReduction: 'none' | '25' | '15';
  lines: InvoiceLine[];
  totalCents: number;
  invoiceDate: string;
  dueDate: string;
}

/** A dated amount: a cost, a payment, a fee. */
export interface DatedAmount {
  date: string;
  text: string;
  amountCents: number;
}

/** Default interest to a letter's date (as the statement of account computes it), per rate period. */
export interface InterestLine {
  /** The last day counted (the letter's date). */
  to: string;
  periods: Array<{ from: string; to: string; ratePercent: string; amountCents: number }>;
  totalCents: number;
  /** What each further day adds, at the rate charged now (percent a year, "6.27"). */
  dailyCents: number;
  ratePercent: string;
}

interface PatientDocument {
  head: LetterHeadData;
  claim: ClaimData;
}

export type InvoiceRequest = PatientDocument & { kind: 'invoice' };
export type DuplicateRequest = PatientDocument & { kind: 'duplicate' };
export type RedeliveryRequest = PatientDocument & {
  kind: 'redelivery';
  /** Why the invoice is delivered again (e.g. "an Ihre neue Anschrift"); printed in the cover text. */
  reason?: string;
};
export type ReminderRequest = PatientDocument & {
  kind: 'reminder';
  /** 1 = Zahlungserinnerung, 2.. = (level-1). Mahnung. */
  level: number;
  /** Fee of this level (0 for none). */
  feeCents: number;
  /** Costs charged before, fee of this level included (Mahngebühren so far). */
  costsCents: number;
  /** Payments received so far. */
  paidCents: number;
  /** Default interest to the letter's date, once the patient is in default. */
  interest?: InterestLine;
  openCents: number;
  payBy: string;
};
export type InstallmentAgreementRequest = PatientDocument & {
  kind: 'installment_agreement';
  openCents: number;
  installments: Array<{ dueDate: string; amountCents: number }>;
};
export type PartialPaymentRequest = PatientDocument & {
  kind: 'partial_payment';
  payment: { date: string; amountCents: number };
  /** Dunning fees charged so far. */
  costsCents: number;
  interest?: InterestLine;
  paidCents: number;
  openCents: number;
  payBy: string;
};
export type CancellationRequest = PatientDocument & {
  kind: 'cancellation';
  creditNoteNumber: string;
  creditCents: number;
  reason: string;
  /** What the patient already paid and gets back (0 when nothing). */
  refundCents: number;
};
/** A partial credit note (Teilgutschrift): what it credits, and what the patient still owes after it. */
export type CreditNoteRequest = PatientDocument & {
  kind: 'credit_note';
  creditNoteNumber: string;
  /** The invoice lines credited (empty when an amount was credited). */
  lines: Array<{ text: string; amountCents: number }>;
  creditCents: number;
  reason: string;
  /** Credited by earlier credit notes on the invoice. */
  earlierCreditsCents: number;
  paidCents: number;
  openCents: number;
};
export type DeferralRequest = PatientDocument & { kind: 'deferral'; until: string; openCents: number };
export type FeeStatementRequest = PatientDocument & { kind: 'fee_statement'; fees: DatedAmount[] };
export type StatementOfClaimRequest = PatientDocument & {
  kind: 'statement_of_claim';
  costs: DatedAmount[];
  payments: DatedAmount[];
  /** Default interest, when the patient is in default and the policy charges it. */
  interest?: InterestLine;
  openCents: number;
};
export type FreeLetterRequest = {
  head: LetterHeadData;
  kind: 'free_letter';
  template: { key: string; version: number; subject: string; body: string };
  values: TemplateValues;
  /** The claim the letter is about, when there is one (for the information block). */
  invoiceNumber?: string;
};

/** Client journals go to the client: recipient is the client's address. */
export type ReceiptConfirmationRequest = {
  head: LetterHeadData;
  kind: 'receipt_confirmation';
  fileName: string;
  receivedAt: string;
  /** The whole file was refused (format error): why. */
  fileErrors: string[];
  /** Remarks on a file that was read (an encoding its bytes contradicted, a trailer total that differs). */
  notices?: string[];
  /** Total of the accepted records' claims in cents. */
  acceptedTotalCents?: number;
  records: Array<{ recordNo: number; externalId?: string | null; patientName?: string | null; outcome: 'ACCEPTED' | 'REJECTED' | 'DUPLICATE'; invoiceNumber?: string | null; reasons: string[] }>;
};
export type PurchaseJournalRequest = {
  head: LetterHeadData;
  kind: 'purchase_journal';
  period: JournalPeriod;
  /** Factoring discount rate as a decimal string ("0.035"). */
  feeRate: string;
  /** Purchases and buy-backs (recourse: the amounts negative, the client owes the price back), in booking order. */
  claims: Array<{ invoiceNumber: string; patientName: string; purchasedAt: string; totalCents: number; discountCents: number; priceCents: number; buyBack?: boolean }>;
};
export type OutgoingInvoiceJournalRequest = {
  head: LetterHeadData;
  kind: 'outgoing_invoice_journal';
  period: JournalPeriod;
  invoices: Array<{ invoiceNumber: string; invoiceDate: string; patientName: string; dueDate: string; totalCents: number }>;
};
export type ClientInvoiceRequest = {
  head: LetterHeadData;
  kind: 'client_invoice';
  invoiceNumber: string;
  period: JournalPeriod;
  /** Inkasso fee rate ("0.06") and VAT rate ("0.19") as decimal strings. */
  feeRate: string;
  vatRate: string;
  items: Array<{ invoiceNumber: string; patientName: string; collectedCents: number; feeCents: number }>;
  netCents: number;
  vatCents: number;
  dueDate: string;
};
export type PayoutJournalRequest = {
  head: LetterHeadData;
  kind: 'payout_journal';
  payoutDate: string;
  iban?: string;
  items: Array<{ invoiceNumber: string; patientName: string; text: string; amountCents: number }>;
  totalCents: number;
};
export type CollectionRequestRequest = {
  head: LetterHeadData;
  kind: 'collection_request';
  answerBy: string;
  /** What the centre does without an answer (the policy's default); absent: pursue. */
  unanswered?: 'pursue' | 'return';
  claims: Array<{ invoiceNumber: string; debtorName: string; dueDate: string; dunningLevel: number; principalCents: number; costsCents: number; openCents: number }>;
};
/** Who bears a written-off claim's loss: the Inkasso client, the centre (bought), or the client by charge-back. */
export type WriteOffBearer = 'client' | 'centre' | 'charged_back';

/** Ausbuchungsmitteilung: a claim the lawyer reported uncollectable is written off; the client learns what it bears. */
export type WriteOffNoticeRequest = {
  head: LetterHeadData;
  kind: 'write_off_notice';
  invoiceNumber: string;
  patientName: string;
  debtorName: string;
  /** Why it cannot be collected, as the lawyer reported it or staff decided (German text). */
  reason: string;
  /** Who found the claim uncollectable: the lawyer's report, or staff's decision (with its date). */
  decidedBy: 'lawyer' | 'staff';
  reportedOn: string;
  principalCents: number;
  /** Default interest booked and not paid. */
  interestCents: number;
  /** The centre's own dunning fees, dropped. */
  feesCents: number;
  /** The lawyer's costs still owed to the lawyer. */
  lawyerCostsCents: number;
  bearer: WriteOffBearer;
  /** Charged to the client's account with the centre (client payable). */
  chargedToClientCents: number;
};

export type DocumentRequest =
  | InvoiceRequest
  | DuplicateRequest
  | RedeliveryRequest
  | ReminderRequest
  | InstallmentAgreementRequest
  | PartialPaymentRequest
  | CancellationRequest
  | CreditNoteRequest
  | DeferralRequest
  | FeeStatementRequest
  | StatementOfClaimRequest
  | FreeLetterRequest
  | ReceiptConfirmationRequest
  | PurchaseJournalRequest
  | OutgoingInvoiceJournalRequest
  | ClientInvoiceRequest
  | PayoutJournalRequest
  | CollectionRequestRequest
  | WriteOffNoticeRequest;
