import { formatDate, formatEuro } from '../domain/format';
import type { StatementOfClaimRequest } from '../domain/documents/document-request';
import type { LetterSpec } from './letter-spec';
import { amountTable, claimLetter, dailyInterestNote, germanPercent, paragraphs } from './letter-parts';

/**
 * Forderungsaufstellung: principal, costs, interest (when the policy charges it) and payments,
 * each dated, down to the open total. Payments show negative: they reduce the claim.
 */
export function statementOfClaim(r: StatementOfClaimRequest): LetterSpec {
  const c = r.claim;
  const sum = (xs: Array<{ amountCents: number }>) => xs.reduce((s, x) => s + x.amountCents, 0);
  const interest = (r.interest?.periods ?? [])
    .filter((p) => p.amountCents > 0)
    .map((p) => ({ date: p.to, text: `Verzugszinsen ${germanPercent(p.ratePercent)} % p. a. vom ${formatDate(p.from)} bis ${formatDate(p.to)}`, amountCents: p.amountCents }));
  const items = [
    { date: c.invoiceDate, text: `Hauptforderung Rechnung ${c.invoiceNumber}`, amountCents: c.totalCents },
    ...r.costs,
    ...interest,
    ...r.payments.map((p) => ({ ...p, amountCents: -p.amountCents })),
  ].sort((x, y) => x.date.slice(0, 10).localeCompare(y.date.slice(0, 10)));
  return claimLetter(
    r,
    'Forderungsaufstellung',
    [
      ...paragraphs(`zur Rechnung ${c.invoiceNumber} setzt sich unsere Forderung wie folgt zusammen:`),
      amountTable(items),
      {
        type: 'totals',
        rows: [
          { label: 'Hauptforderung', value: formatEuro(c.totalCents) },
          { label: 'Kosten', value: formatEuro(sum(r.costs)) },
          ...(r.interest ? [{ label: 'Zinsen', value: formatEuro(r.interest.totalCents) }] : []),
          { label: 'Zahlungen', value: formatEuro(-sum(r.payments)) },
          { label: 'Offene Gesamtforderung', value: formatEuro(r.openCents), bold: true },
        ],
      },
      ...paragraphs(...dailyInterestNote(r.interest)),
    ],
    [`anbei erhalten Sie die Forderungsaufstellung zur Rechnung ${c.invoiceNumber}; offen sind ${formatEuro(r.openCents)}.`],
  );
}
