import { formatDate, formatEuro } from '../../domain/format';
import type { PayoutJournalRequest } from '../../domain/documents/document-request';
import type { LetterSpec } from '../letter-spec';
import { journalLetter, paragraphs, table } from '../letter-parts';

/** Auszahlungsjournal: what a payout consists of, claim by claim. */
export function payoutJournal(r: PayoutJournalRequest): LetterSpec {
  return journalLetter(
    r.head,
    `Auszahlungsjournal ${formatDate(r.payoutDate)}`,
    r.payoutDate.slice(0, 10),
    [
      ...paragraphs(`am ${formatDate(r.payoutDate)} überweisen wir Ihnen ${formatEuro(r.totalCents)}${r.iban ? ` auf Ihr Konto ${r.iban}` : ''}. Die Auszahlung setzt sich wie folgt zusammen:`),
      table(
        [['Rechnungsnr.', 32], ['Patient/in', 48], ['Vorgang', 55], ['Betrag', 30, 'right']],
        r.items.map((i) => [i.invoiceNumber, i.patientName, i.text, formatEuro(i.amountCents)]),
      ),
      { type: 'totals', rows: [{ label: 'Auszahlungsbetrag', value: formatEuro(r.totalCents), bold: true }] },
    ],
    [`anbei das Auszahlungsjournal vom ${formatDate(r.payoutDate)}: ${formatEuro(r.totalCents)}.`],
  );
}
