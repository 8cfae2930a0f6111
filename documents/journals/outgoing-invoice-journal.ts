import { formatDate, formatEuro } from '../../domain/format';
import type { OutgoingInvoiceJournalRequest } from '../document-request';
import type { LetterSpec } from '../letter-spec';
import { formatPeriod, journalLetter, paragraphs } from '../letter-parts';

/** Rechnungsausgangsjournal: the invoices issued for the client in a period. */
export function outgoingInvoiceJournal(r: OutgoingInvoiceJournalRequest): LetterSpec {
  const total = r.invoices.reduce((s, i) => s + i.totalCents, 0);
  return journalLetter(
    r.head,
    `Rechnungsausgangsjournal ${formatPeriod(r.period)}`,
    r.period.to,
    [
      ...paragraphs(`im Zeitraum ${formatPeriod(r.period)} haben wir in Ihrem Auftrag ${r.invoices.length} Rechnungen gestellt.`),
      {
        type: 'table',
        columns: [
          { header: 'Rechnungsnr.', width: 32 },
          { header: 'Datum', width: 22 },
          { header: 'Patient/in', width: 56 },
          { header: 'fällig am', width: 25 },
          { header: 'Betrag', width: 30, align: 'right' },
        ],
        rows: r.invoices.map((i) => ({ cells: [i.invoiceNumber, formatDate(i.invoiceDate), i.patientName, formatDate(i.dueDate), formatEuro(i.totalCents)] })),
      },
      { type: 'totals', rows: [{ label: `Summe (${r.invoices.length} Rechnungen)`, value: formatEuro(total), bold: true }] },
    ],
    [`anbei das Rechnungsausgangsjournal ${formatPeriod(r.period)}: ${r.invoices.length} Rechnungen über ${formatEuro(total)}.`],
  );
}
