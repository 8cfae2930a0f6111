import { formatPercent } from '../../domain/documents/format-decimal';
import { formatDate, formatEuro } from '../../domain/format';
import type { PurchaseJournalRequest } from '../../domain/documents/document-request';
import type { LetterSpec } from '../letter-spec';
import { formatPeriod, journalLetter, paragraphs, table } from '../letter-parts';

/** Ankaufsjournal (factoring): the claims bought in a period, their discount and price. */
export function purchaseJournal(r: PurchaseJournalRequest): LetterSpec {
  const sum = (f: (c: PurchaseJournalRequest['claims'][number]) => number) => r.claims.reduce((s, c) => s + f(c), 0);
  const price = sum((c) => c.priceCents);
  const buyBacks = r.claims.filter((c) => c.buyBack).length;
  const bought = r.claims.length - buyBacks;
  // Buy-backs (recourse) are listed as negative lines, so the totals are what the period nets to.
  const backText = buyBacks > 0 ? ` und ${buyBacks} Forderungen (ganz oder teilweise) an Sie zurückbelastet` : '';
  return journalLetter(
    r.head,
    `Ankaufsjournal ${formatPeriod(r.period)}`,
    r.period.to,
    [
      ...paragraphs(`im Zeitraum ${formatPeriod(r.period)} haben wir ${bought} Forderungen angekauft${backText}. Der Abschlag beträgt ${formatPercent(r.feeRate)} des Forderungsbetrags.`),
      table(
        [['Rechnungsnr.', 30], ['Patient/in', 26], ['Vorgang', 16], ['Datum', 20], ['Forderung', 25, 'right'], ['Abschlag', 23, 'right'], ['Kaufpreis', 25, 'right']],
        r.claims.map((c) => [c.invoiceNumber, c.patientName, c.buyBack ? 'Rückkauf' : 'Ankauf', formatDate(c.purchasedAt), formatEuro(c.totalCents), formatEuro(c.discountCents), formatEuro(c.priceCents)]),
      ),
      {
        type: 'totals',
        rows: [
          { label: 'Summe Forderungen', value: formatEuro(sum((c) => c.totalCents)) },
          { label: 'Summe Abschlag', value: formatEuro(sum((c) => c.discountCents)) },
          { label: 'Summe Kaufpreis', value: formatEuro(price), bold: true },
        ],
      },
    ],
    [`anbei das Ankaufsjournal ${formatPeriod(r.period)}: ${r.claims.length} Forderungen, Kaufpreis ${formatEuro(price)}.`],
  );
}
