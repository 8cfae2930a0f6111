import { formatPercent } from '../../domain/documents/format-decimal';
import { formatDate, formatEuro } from '../../domain/format';
import type { ClientInvoiceRequest } from '../../domain/documents/document-request';
import type { LetterSpec } from '../letter-spec';
import { formatPeriod, journalLetter, paragraphs, table } from '../letter-parts';

/**
 * The centre's invoice to an Inkasso client: its fee per collected claim, net, VAT and gross
 * (a business invoice, so the VAT is stated; § 14 UStG).
 */
export function clientInvoice(r: ClientInvoiceRequest): LetterSpec {
  const gross = r.netCents + r.vatCents;
  return journalLetter(
    r.head,
    `Rechnung ${r.invoiceNumber} Inkassogebühren ${formatPeriod(r.period)}`,
    r.invoiceNumber,
    [
      ...paragraphs(`für den Forderungseinzug im Zeitraum ${formatPeriod(r.period)} berechnen wir Ihnen vereinbarungsgemäß ${formatPercent(r.feeRate)} der eingezogenen Beträge:`),
      table(
        [['Rechnungsnr.', 35], ['Patient/in', 60], ['eingezogen', 35, 'right'], ['Gebühr', 35, 'right']],
        r.items.map((i) => [i.invoiceNumber, i.patientName, formatEuro(i.collectedCents), formatEuro(i.feeCents)]),
      ),
      {
        type: 'totals',
        rows: [
          { label: 'Summe netto', value: formatEuro(r.netCents) },
          { label: `zzgl. Umsatzsteuer ${formatPercent(r.vatRate)}`, value: formatEuro(r.vatCents) },
          { label: 'Rechnungsbetrag brutto', value: formatEuro(gross), bold: true },
        ],
      },
      ...paragraphs(
        `Die Umsatzsteuer von ${formatPercent(r.vatRate)} auf die Inkassogebühren ist gesondert ausgewiesen. Leistungszeitraum: ${formatPeriod(r.period)}.`,
        `Der Betrag ist fällig am ${formatDate(r.dueDate)} und wird mit Ihrer nächsten Auszahlung verrechnet.`,
      ),
    ],
    [`anbei unsere Rechnung ${r.invoiceNumber} über die Inkassogebühren ${formatPeriod(r.period)}: ${formatEuro(gross)} brutto.`],
    [['Rechnungsnummer', r.invoiceNumber]],
  );
}
