import { formatDate, formatEuro } from '../../domain/format';
import type { OutgoingInvoiceJournalRequest } from '../../domain/documents/document-request';
import type { LetterSpec } from '../letter-spec';
import { formatPeriod, journalLetter, paragraphs, table } from '../letter-parts';

/** Rechnungsausgangsjournal: the invoices issued for the client in a period. */
export function outgoingInvoiceJournal(r: OutgoingInvoiceJournalRequest): LetterSpec {
  const total = r.invoices.reduce((s, i) => s + i.totalCents, 0);
  return journalLetter(
    r.head,
    `Rechnungsausgangsjournal ${formatPeriod(r.period)}`,
    r.period.to,
    [
      ...paragraphs(`im Zeitraum ${formatPeriod(r.period)} haben wir in Ihrem Auftrag ${r.invoices.length} Rechnungen gestellt.`),
      table(
        [['Rechnungsnr.', 32], ['Datum', 22], ['Patient/in', 56], ['fällig am', 25], ['Betrag', 30, 'right']],
        r.invoices.map((i) => [i.invoiceNumber, formatDate(i.invoiceDate), i.patientName, formatDate(i.dueDate), formatEuro(i.totalCents)]),
      ),
      { type: 'totals', rows: [{ label: `Summe (${r.invoices.length} Rechnungen)`, value: formatEuro(total), bold: true }] },
    ],
    [`anbei das Rechnungsausgangsjournal ${formatPeriod(r.period)}: ${r.invoices.length} Rechnungen über ${formatEuro(total)}.`],
  );
}
