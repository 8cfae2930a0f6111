import { stringify } from 'csv-stringify/sync';
import { formatDate } from '../format';

/** One claim sold, as the factor's file lists it. */
export interface SoldReceivable {
  invoiceNumber: string;
  debtor: { name: string; street: string; postalCode: string; city: string; country: string };
  /** ISO day the invoice fell (or falls) due. */
  dueDate: string;
  openCents: number;
  purchasePriceCents: number;
  currency: string;
}

export const SALE_FILE_COLUMNS = ['Rechnungsnummer', 'Schuldner', 'Strasse', 'PLZ', 'Ort', 'Land', 'Faellig_am', 'Offen', 'Kaufpreis', 'Waehrung'] as const;

/** "1234,56": cents as euro with a decimal comma, no thousands separator. */
export const decimalComma = (cents: number) => `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)},${String(Math.abs(cents) % 100).padStart(2, '0')}`;

/**
 * The sale file of one run (docs/refinancing-factor.md, "Sale file"): semicolon CSV in UTF-8, CRLF,
 * a header row, one receivable per line in invoice-number order, a trailer
 * `ENDE;<count>;<sum of Offen>` that lets the factor see the file arrived whole.
 */
export function saleFile(receivables: SoldReceivable[]): Buffer {
  const sorted = [...receivables].sort((a, b) => a.invoiceNumber.localeCompare(b.invoiceNumber));
  const rows = sorted.map((r) => [r.invoiceNumber, r.debtor.name, r.debtor.street, r.debtor.postalCode, r.debtor.city, r.debtor.country, formatDate(r.dueDate), decimalComma(r.openCents), decimalComma(r.purchasePriceCents), r.currency]);
  const total = sorted.reduce((s, r) => s + r.openCents, 0);
  return Buffer.from(stringify([[...SALE_FILE_COLUMNS], ...rows, ['ENDE', String(sorted.length), decimalComma(total)]], { delimiter: ';', record_delimiter: '\r\n' }), 'utf8');
}

/** The file name of a run's sale file: from the run id, so a repeated upload is the same file. */
export const saleFileName = (runId: string) => `forderungsverkauf-${runId}.csv`;
