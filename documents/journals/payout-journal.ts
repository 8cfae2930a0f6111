import { formatDate, formatEuro } from '../../domain/format';
import type { PayoutJournalRequest } from '../document-request';
import type { LetterSpec } from '../letter-spec';
import { journalLetter, paragraphs } from '../letter-parts';

/** Auszahlungsjournal: what a payout consists of, claim by claim. */
export function payoutJournal(r: PayoutJournalRequest): LetterSpec {
  return journalLetter(
    r.head,
    `Auszahlungsjournal ${formatDate(r.payoutDate)}`,
    r.payoutDate.slice(0, 10),
    [
      ...paragraphs(`am ${formatDate(r.payoutDate)} überweisen wir Ihnen ${formatEuro(r.totalCents)}${r.iban ? ` auf Ihr Konto ${r.iban}` : ''}. Die Auszahlung setzt sich wie folgt zusammen:`),
      {
        type: 'table',
        columns: [
          { header: 'Rechnungsnr.', width: 32 },
          { header: 'Patient/in', width: 48 },
          { header: 'Vorgang', width: 55 },
          { header: 'Betrag', width: 30, align: 'right' },
        ],
        rows: r.items.map((i) => ({ cells: [i.invoiceNumber, i.patientName, i.text, formatEuro(i.amountCents)] })),
      },
      { type: 'totals', rows: [{ label: 'Auszahlungsbetrag', value: formatEuro(r.totalCents), bold: true }] },
    ],
    [`anbei das Auszahlungsjournal vom ${formatDate(r.payoutDate)}: ${formatEuro(r.totalCents)}.`],
  );
}
