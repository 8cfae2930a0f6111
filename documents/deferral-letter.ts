import { formatDate, formatEuro } from '../domain/format';
import type { DeferralRequest } from '../domain/documents/document-request';
import type { LetterSpec } from './letter-spec';
import { claimLetter, paragraphs, paymentRequest } from './letter-parts';

/** Zahlungsaufschub: dunning pauses until the agreed date. */
export function deferralLetter(r: DeferralRequest): LetterSpec {
  const c = r.claim;
  return claimLetter(
    r,
    'Zahlungsaufschub',
    [
      ...paragraphs(
        `wie gewünscht gewähren wir Ihnen für die Rechnung ${c.invoiceNumber} einen Zahlungsaufschub bis zum ${formatDate(r.until)}. Bis dahin erhalten Sie keine Mahnungen.`,
        paymentRequest(r.head, r.openCents, r.until, c.invoiceNumber),
      ),
    ],
    [`Ihr Zahlungsaufschub zur Rechnung ${c.invoiceNumber} ist bis zum ${formatDate(r.until)} gewährt; offen sind ${formatEuro(r.openCents)}.`],
  );
}
