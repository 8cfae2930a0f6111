import { stringify } from 'csv-stringify/sync';
import { datevAmount } from './buchungsstapel';

export interface OutgoingInvoice {
  invoiceNumber: string;
  /** ISO day the invoice was issued. */
  invoiceDate: string;
  debtor: string;
  clientNumber: string;
  clientName: string;
  amountCents: number;
  currency: string;
}

/**
 * Rechnungsausgangsbuch of a period: one line per invoice issued in it, in invoice number order.
 * Semicolon-separated with decimal comma and German headings (as the accountant's spreadsheet
 * reads it), UTF-8 with byte order mark, CRLF.
 */
export function invoiceJournalCsv(invoices: readonly OutgoingInvoice[]): Buffer {
  const header = ['Rechnungsnummer', 'Rechnungsdatum', 'Debitor', 'Mandantennummer', 'Mandant', 'Betrag', 'Währung'];
  const rows = invoices.map((i) => [i.invoiceNumber, i.invoiceDate, i.debtor, i.clientNumber, i.clientName, datevAmount(i.amountCents), i.currency]);
  return Buffer.from(`\uFEFF${stringify([header, ...rows], { delimiter: ';', record_delimiter: '\r\n' })}`, 'utf8');
}
