import { formatEuro } from '../domain/format';
import type { FeeStatementRequest } from '../domain/documents/document-request';
import type { LetterSpec } from './letter-spec';
import { amountTable, claimLetter, paragraphs } from './letter-parts';

/** Gebührenaufstellung: the dunning costs charged on a claim, each with its date. */
export function feeStatement(r: FeeStatementRequest): LetterSpec {
  const c = r.claim;
  const sum = r.fees.reduce((s, f) => s + f.amountCents, 0);
  return claimLetter(
    r,
    'Gebührenaufstellung',
    [
      ...paragraphs(`zur Rechnung ${c.invoiceNumber} sind folgende Mahn- und Bearbeitungskosten entstanden:`),
      amountTable(r.fees),
      { type: 'totals', rows: [{ label: 'Summe der Kosten', value: formatEuro(sum), bold: true }] },
    ],
    [`anbei erhalten Sie die Aufstellung der Kosten zur Rechnung ${c.invoiceNumber} (${formatEuro(sum)}).`],
  );
}
