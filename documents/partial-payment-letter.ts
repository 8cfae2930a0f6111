import { formatDate, formatEuro } from '../domain/format';
import type { PartialPaymentRequest } from '../domain/documents/document-request';
import type { LetterSpec } from './letter-spec';
import { claimLetter, dailyInterestNote, interestRow, paragraphs, paymentBlocks } from './letter-parts';

/** Teilzahlung: what arrived, what was paid in all, what remains and by when. */
export function partialPaymentLetter(r: PartialPaymentRequest): LetterSpec {
  const c = r.claim;
  return claimLetter(
    r,
    'Teilzahlung',
    [
      ...paragraphs(`vielen Dank für Ihre Zahlung von ${formatEuro(r.payment.amountCents)} vom ${formatDate(r.payment.date)}. Damit ist die Rechnung ${c.invoiceNumber} noch nicht vollständig beglichen.`),
      {
        type: 'totals',
        rows: [
          { label: 'Rechnungsbetrag', value: formatEuro(c.totalCents) },
          ...(r.costsCents > 0 ? [{ label: 'Mahngebühren', value: formatEuro(r.costsCents) }] : []),
          ...interestRow(r.interest),
          { label: 'Gezahlt insgesamt', value: formatEuro(-r.paidCents) },
          { label: 'Restbetrag', value: formatEuro(r.openCents), bold: true },
        ],
      },
      ...paymentBlocks(r.head, r.openCents, r.payBy, c.invoiceNumber, ...dailyInterestNote(r.interest)),
    ],
    [`Ihre Zahlung von ${formatEuro(r.payment.amountCents)} ist eingegangen; zur Rechnung ${c.invoiceNumber} sind noch ${formatEuro(r.openCents)} offen.`],
  );
}
