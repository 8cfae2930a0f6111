import { formatDate, formatEuro } from '../domain/format';
import type { CreditNoteRequest } from '../domain/documents/document-request';
import type { LetterSpec } from './letter-spec';
import { claimLetter, paragraphs, table } from './letter-parts';

/** Teilgutschrift: part of the invoice is credited; the rest stays owed. */
export function creditNoteLetter(r: CreditNoteRequest): LetterSpec {
  const c = r.claim;
  return claimLetter(
    r,
    `Gutschrift ${r.creditNoteNumber}`,
    [
      ...paragraphs(`zur Rechnung ${c.invoiceNumber} vom ${formatDate(c.invoiceDate)} schreiben wir Ihnen ${formatEuro(r.creditCents)} gut (${r.reason}). Der Rechnungsbetrag verringert sich entsprechend.`),
      ...(r.lines.length > 0 ? [table([['Gutgeschriebene Leistung', 130], ['Betrag', 35, 'right']], r.lines.map((l) => [l.text, formatEuro(l.amountCents)]))] : []),
      {
        type: 'totals',
        rows: [
          { label: 'Rechnungsbetrag', value: formatEuro(c.totalCents) },
          ...(r.earlierCreditsCents > 0 ? [{ label: 'Frühere Gutschriften', value: formatEuro(-r.earlierCreditsCents) }] : []),
          { label: `Gutschrift ${r.creditNoteNumber}`, value: formatEuro(-r.creditCents) },
          ...(r.paidCents > 0 ? [{ label: 'Bereits gezahlt', value: formatEuro(-r.paidCents) }] : []),
          { label: 'Noch offen', value: formatEuro(r.openCents), bold: true },
        ],
      },
      ...paragraphs(r.openCents > 0 ? `Bitte überweisen Sie den noch offenen Betrag unter Angabe der Rechnungsnummer ${c.invoiceNumber}.` : 'Die Rechnung ist damit ausgeglichen; Sie müssen nichts mehr zahlen.'),
    ],
    [`anbei erhalten Sie die Gutschrift ${r.creditNoteNumber} über ${formatEuro(r.creditCents)} zur Rechnung ${c.invoiceNumber}.`],
    [['Gutschrift-Nr.', r.creditNoteNumber]],
  );
}
