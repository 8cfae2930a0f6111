/**
 * The normalised shape of one treatment case (one future claim) as read from a client's billing
 * file, whatever its format (PADneXt XML or the documented CSV). Parsers produce it; the GOÄ
 * validation in domain/goae prices it. Dates are ISO yyyy-mm-dd strings, money is integer cents,
 * factors are decimal strings ("2.3") so no float ever touches a fee.
 */

import type { BillingFileFormat } from './billing-file-format';

export interface IntakeAddress {
  street: string;
  postalCode: string;
  city: string;
  /** ISO 3166 alpha-2, "DE" when the file does not say. */
  country: string;
}

export interface IntakePerson {
  salutation?: string;
  title?: string;
  firstName: string;
  lastName: string;
  birthDate?: string;
  address: IntakeAddress;
  email?: string;
  /** An organisation (an insurer, an employer), not a consumer: § 286 (3) and § 288 (2), (5) BGB. */
  business?: boolean;
}

/** One billed item: a GOÄ fee line or an expense (Auslagen, § 10 GOÄ: charged at cost). */
export type IntakeLine =
  | {
      kind: 'fee';
      /** GOÄ number as in the schedule, e.g. "1", "5", "250a"; analog lines carry the code they are billed as. */
      code: string;
      date: string;
      /** Multiplier (Steigerungsfaktor) as a decimal string, e.g. "2.3". */
      factor: string;
      /** How many times the service was performed on that date. */
      count: number;
      /** Written reason (Begründung), required when the factor is above the threshold. */
      justification?: string;
      /** § 6 GOÄ analog billing: the service actually performed, billed as `code`. */
      analogDescription?: string;
      /** Points override: only the catalogue decides points, a file value is checked against it. */
      points?: number;
      /** Free text from the file (the catalogue text wins on the invoice). */
      text?: string;
    }
  | {
      kind: 'expense';
      date: string;
      text: string;
      amountCents: number;
      count: number;
    };

/** § 6a GOÄ reduction for inpatient treatment: none, 25 % (treating doctors), 15 % (Belegärzte etc.). */
export type InpatientReduction = 'none' | '25' | '15';

export interface IntakeRecord {
  /** Position of the record in its file, 1-based, for precise error messages. */
  recordNo: number;
  /** The client's own case/invoice reference, unique within the client. */
  externalId: string;
  /** Treating doctor (for splitting a submission per doctor). */
  doctor: { id: string; name: string };
  patient: IntakePerson;
  /** Person responsible for payment when not the patient (e.g. a parent). */
  responsible?: IntakePerson;
  /** Patient consent to pass the claim to the billing centre (§ 203 StGB). */
  consent: boolean;
  inpatientReduction: InpatientReduction;
  treatmentFrom: string;
  treatmentTo: string;
  diagnosis?: string;
  lines: IntakeLine[];
  /** Amounts the sender's software states for this case, checked against the GOÄ pricing. */
  stated?: StatedAmounts;
}

/** What the delivering software computed: the invoice total and each line's total (after § 6a), in cents. */
export interface StatedAmounts {
  /** The case's total: the invoice's total when the invoice holds only this case. */
  totalCents?: number;
  /**
   * The total of an invoice holding several cases (PADneXt rechnung/@aisendbetrag), stated on each
   * of them: checked against the sum of the invoice's cases (domain/intake/invoice-totals.ts).
   */
  invoice?: { id: string; /** The invoice's place in its file (rechnung[3]): what its cases share. */ at: string; totalCents: number; cases: number };
  /** By line, in the order of `lines`; undefined where the file states none. */
  lineCents: Array<number | undefined>;
}

/** A precise complaint about input: which file, which record, which field, why. */
export interface RecordError {
  file: string;
  /** 1-based record number, or 0 for the file as a whole. */
  record: number;
  field: string;
  reason: string;
}

/** A remark on a file that was read: which field of it, and what the receipt says. */
export interface FileNotice {
  field: string;
  reason: string;
}

export type ParsedRecord =
  | { ok: true; record: IntakeRecord }
  | { ok: false; recordNo: number; externalId?: string; errors: RecordError[] };

export interface ParsedBillingFile {
  format: BillingFileFormat;
  fileName: string;
  records: ParsedRecord[];
  /** Errors of the file as a whole (unreadable XML, wrong root element): then records is empty. */
  fileErrors: RecordError[];
  /** Things the receipt must say although the file was read, e.g. an encoding the bytes contradict. */
  notices?: FileNotice[];
  /** The total of all cases as the file states it (CSV trailer), in cents. */
  statedTotalCents?: number;
}
