/**
 * The one normalised model of a bank statement, whatever the bank delivered (CAMT.053/054, MT940,
 * MT942, OFX). Parsers turn a file into statements of lines; everything after (dedup, matching, booking)
 * reads only this model.
 */

/** mt942: the SWIFT interim transaction report (lines, no opening/closing balance). */
export type BankFileFormat = 'camt.053' | 'camt.054' | 'camt.052' | 'mt940' | 'mt942' | 'ofx';

/** What kind of movement a line is; decides whether the matcher looks at it at all. */
export type BankLineKind =
  /** Money in: a transfer or direct-debit collection for us. */
  | 'CREDIT'
  /** Money out: our own transfers (payouts, refunds). */
  | 'DEBIT'
  /** A payment of ours bounced back, or a direct debit returned (Rücklastschrift): reverses an earlier credit. */
  | 'RETURN'
  /** Bank charges and fees. */
  | 'CHARGE';

export interface BankLine {
  /** The account the statement is for (IBAN, or bank code/account number for MT940 without IBAN). */
  accountId: string;
  /** ISO date (YYYY-MM-DD) the bank booked the entry. */
  bookingDate: string;
  /** ISO date the amount is valued, when the bank says. */
  valueDate?: string;
  /** Signed cents in the account currency: money in positive, money out negative. */
  amountCents: number;
  /** ISO 4217 code of the account currency. */
  currency: string;
  /** The instructed amount when it was in another currency (foreign-currency lines). */
  original?: { amountCents: number; currency: string };
  kind: BankLineKind;
  /**
   * The bank's own reference for the entry (CAMT AcctSvcrRef / NtryRef, MT940 bank reference,
   * OFX FITID). Absent when the bank gives none; dedup then falls back to the line's content.
   */
  entryRef?: string;
  /** The sender's end-to-end id (SEPA), which a return echoes. */
  endToEndId?: string;
  /**
   * The SEPA direct-debit mandate reference (CAMT Refs/MndtId, MT940 MREF+, OFX MEMO's MREF+): on
   * a collection of ours and on its return, which echoes it.
   */
  mandateId?: string;
  counterpartyName?: string;
  counterpartyIban?: string;
  /** Remittance information (Verwendungszweck), lines joined by a single space. */
  remittance: string;
  /** Bank transaction code as delivered (CAMT domain/family/subfamily, MT940 GVC, OFX TRNTYPE). */
  bankCode?: string;
  /** Why a RETURN came back (SEPA reason code such as AC04, MD06), when given. */
  returnReason?: string;
  /** Where in the file the line came from, for error messages and staff ("Ntry 3 of Stmt 2", "line 41"). */
  source: string;
}

export interface BankStatement {
  accountId: string;
  /** The statement's own id/number as the bank gives it. */
  statementId?: string;
  currency: string;
  /** Signed cents; absent when the format/bank does not give them. */
  openingBalanceCents?: number;
  closingBalanceCents?: number;
  /** ISO dates the statement covers, when given. */
  fromDate?: string;
  toDate?: string;
  lines: BankLine[];
}

export interface ParsedBankFile {
  format: BankFileFormat;
  statements: BankStatement[];
}

/** A file that cannot be read: rejected whole, with where and why. */
export class BankFileError extends Error {
  constructor(
    readonly fileName: string,
    /** Line number, XPath-like element path or record ("Stmt[2]/Ntry[5]/Amt", "line 17", "STMTTRN 3"). */
    readonly location: string,
    readonly reason: string,
  ) {
    super(`${fileName}: ${location}: ${reason}`);
  }
}
