import { formatDate, formatEuro } from '../domain/format';
import type { InstallmentAgreementRequest } from '../domain/documents/document-request';
import type { LetterSpec } from './letter-spec';
import { claimLetter, paragraphs, table } from './letter-parts';

/** Ratenvereinbarung: the plan as a table; the sum of the installments is the open amount. */
export function installmentAgreementLetter(r: InstallmentAgreementRequest): LetterSpec {
  const c = r.claim;
  const sum = r.installments.reduce((s, i) => s + i.amountCents, 0);
  return claimLetter(
    r,
    'Ratenvereinbarung',
    [
      ...paragraphs(`wie vereinbart können Sie den offenen Betrag der Rechnung ${c.invoiceNumber} von ${formatEuro(r.openCents)} in ${r.installments.length} Raten begleichen. Bitte überweisen Sie jede Rate bis zu ihrem Fälligkeitstag mit dem Verwendungszweck ${c.invoiceNumber}.`),
      table(
        [['Rate', 25], ['fällig am', 70], ['Betrag', 70, 'right']],
        r.installments.map((i, n) => [`${n + 1}.`, formatDate(i.dueDate), formatEuro(i.amountCents)]),
      ),
      { type: 'totals', rows: [{ label: 'Summe der Raten', value: formatEuro(sum), bold: true }] },
      ...paragraphs('Solange Sie die Raten pünktlich zahlen, ruht das Mahnverfahren. Gerät eine Rate mehr als zwei Wochen in Rückstand, wird der gesamte Restbetrag sofort fällig.'),
    ],
    [`wir bestätigen Ihre Ratenvereinbarung zur Rechnung ${c.invoiceNumber}: ${r.installments.length} Raten, die erste über ${formatEuro(r.installments[0]?.amountCents ?? 0)} fällig am ${formatDate(r.installments[0]?.dueDate ?? r.head.date)}.`],
  );
}
