import { formatDate, formatEuro } from '../../domain/format';
import type { CollectionRequestRequest } from '../../domain/documents/document-request';
import type { LetterSpec } from '../letter-spec';
import { journalLetter, paragraphs, table } from '../letter-parts';

/** Beitreibungsanfrage: the claims the dunning did not settle, for the client to release to the lawyer. */
export function collectionRequest(r: CollectionRequestRequest): LetterSpec {
  const open = r.claims.reduce((s, c) => s + c.openCents, 0);
  return journalLetter(
    r.head,
    `Beitreibungsanfrage ${formatDate(r.head.date)}`,
    r.head.date.slice(0, 10),
    [
      ...paragraphs(
        `die folgenden ${r.claims.length} Forderungen sind trotz Mahnung nicht beglichen. Bitte teilen Sie uns bis zum ${formatDate(r.answerBy)} mit, ob wir sie an den Rechtsanwalt zur gerichtlichen Beitreibung abgeben sollen. ${r.unanswered === 'return' ? 'Ohne Ihre Antwort geben wir sie Ihnen zurück.' : 'Ohne Ihre Antwort geben wir sie ab.'}`,
      ),
      table(
        [['Rechnungsnr.', 28], ['Schuldner/in', 37], ['fällig am', 20], ['Stufe', 12, 'right'], ['Hauptford.', 23, 'right'], ['Kosten', 20, 'right'], ['offen', 25, 'right']],
        r.claims.map((c) => [c.invoiceNumber, c.debtorName, formatDate(c.dueDate), String(c.dunningLevel), formatEuro(c.principalCents), formatEuro(c.costsCents), formatEuro(c.openCents)]),
      ),
      { type: 'totals', rows: [{ label: 'Offen insgesamt', value: formatEuro(open), bold: true }] },
    ],
    [`${r.claims.length} Forderungen über ${formatEuro(open)} warten auf Ihre Freigabe zur Beitreibung (Antwort bis ${formatDate(r.answerBy)}).`],
    [['Antwort bis', formatDate(r.answerBy)]],
  );
}
