import { formatDate, formatEuro } from '../domain/format';
import type { CancellationRequest } from '../domain/documents/document-request';
import type { LetterSpec } from './letter-spec';
import { claimLetter, paragraphs } from './letter-parts';

/** Storno with Gutschrift: the credit note cancels the invoice; a payment already made is refunded. */
export function cancellationLetter(r: CancellationRequest): LetterSpec {
  const c = r.claim;
  return claimLetter(
    r,
    'Stornierung und Gutschrift',
    [
      ...paragraphs(`die Rechnung ${c.invoiceNumber} vom ${formatDate(c.invoiceDate)} wird storniert (${r.reason}). Mit der folgenden Gutschrift ist die Rechnung ausgeglichen; Sie müssen nichts mehr zahlen.`),
      {
        type: 'totals',
        rows: [
          { label: 'Rechnungsbetrag', value: formatEuro(c.totalCents) },
          { label: `Gutschrift ${r.creditNoteNumber}`, value: formatEuro(-r.creditCents), bold: true },
          ...(r.refundCents > 0 ? [{ label: 'Erstattung an Sie', value: formatEuro(r.refundCents) }] : []),
        ],
      },
      ...(r.refundCents > 0 ? paragraphs(`Bereits gezahlte ${formatEuro(r.refundCents)} überweisen wir Ihnen in den nächsten Tagen zurück.`) : []),
    ],
    [`die Rechnung ${c.invoiceNumber} wurde storniert; anbei erhalten Sie die Gutschrift ${r.creditNoteNumber} über ${formatEuro(r.creditCents)}.`],
    [['Gutschrift-Nr.', r.creditNoteNumber]],
  );
}
