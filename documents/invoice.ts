import { aboveThreshold } from '../domain/documents/factor-threshold';
import { formatFactor } from '../domain/documents/format-decimal';
import { formatDate, formatEuro } from '../domain/format';
import type { ClaimData, DuplicateRequest, InvoiceLine, InvoiceRequest, RedeliveryRequest } from '../domain/documents/document-request';
import type { Block, TableRow } from './letter-spec';
import type { LetterSpec } from './letter-spec';
import { claimInfo, closing, paragraphs, paymentBlocks, pdfFileName, salutation } from './letter-parts';

const COLUMNS = [
  { header: 'Datum', width: 19 },
  { header: 'GOÄ-Nr.', width: 17 },
  { header: 'Leistung', width: 69 },
  { header: 'Faktor', width: 14, align: 'right' as const },
  { header: 'Anzahl', width: 14, align: 'right' as const },
  { header: 'Betrag', width: 32, align: 'right' as const },
];

function lineNotes(l: InvoiceLine, reduction: ClaimData['inpatientReduction']): string | undefined {
  const notes = [
    ...(l.analog ? ['Analoge Bewertung gemäß § 6 Abs. 2 GOÄ'] : []),
    ...(l.justification && aboveThreshold(l.code, l.factor) ? [`Begründung für Faktor ${formatFactor(l.factor!)}: ${l.justification}`] : []),
    ...(l.reductionCents > 0 ? [`abzüglich ${reduction} % gemäß § 6a GOÄ: ${formatEuro(-l.reductionCents)}`] : []),
  ];
  return notes.length ? notes.join('\n') : undefined;
}

function lineRow(l: InvoiceLine, reduction: ClaimData['inpatientReduction']): TableRow {
  const code = l.code ? `${l.code}${l.analog ? ' A' : ''}` : '§ 10';
  const text = l.code ? l.text : `Auslagen: ${l.text}`;
  const gross = l.amountCents + l.reductionCents;
  const note = lineNotes(l, reduction);
  return {
    cells: [formatDate(l.date), code, text, l.factor ? formatFactor(l.factor) : '', String(l.count), formatEuro(gross)],
    ...(note ? { note } : {}),
  };
}

/** The GOÄ lines table and the totals with the § 6a reduction: shared by every invoice form. */
export function invoiceBlocks(c: ClaimData): Block[] {
  const reductionCents = c.lines.reduce((s, l) => s + l.reductionCents, 0);
  return [
    { type: 'table', columns: COLUMNS, rows: c.lines.map((l) => lineRow(l, c.inpatientReduction)) },
    {
      type: 'totals',
      rows: [
        ...(reductionCents > 0
          ? [
              { label: 'Summe der Gebühren und Auslagen', value: formatEuro(c.totalCents + reductionCents) },
              { label: `Minderung ${c.inpatientReduction} % gemäß § 6a GOÄ`, value: formatEuro(-reductionCents) },
            ]
          : []),
        { label: 'Rechnungsbetrag', value: formatEuro(c.totalCents), bold: true },
      ],
    },
  ];
}

type AnyInvoice = InvoiceRequest | DuplicateRequest | RedeliveryRequest;

const TITLES: Record<AnyInvoice['kind'], string> = { invoice: 'Rechnung', duplicate: 'Rechnung', redelivery: 'Rechnung (Zweitschrift)' };

/** Invoice, its duplicate ("Duplikat") and its re-delivery (Zweitschrift with a cover text). */
export function invoiceLetter(r: AnyInvoice): LetterSpec {
  const c = r.claim;
  const b = r.head.client.blocks;
  const period = c.treatmentFrom === c.treatmentTo ? `am ${formatDate(c.treatmentFrom)}` : `vom ${formatDate(c.treatmentFrom)} bis ${formatDate(c.treatmentTo)}`;
  const intro = b.openingText ?? `für die ärztliche Behandlung von ${c.patientName} ${period} berechnen wir im Auftrag von ${r.head.client.name} nach der Gebührenordnung für Ärzte (GOÄ):`;
  const redelivery = r.kind === 'redelivery' ? [`wir stellen Ihnen die Rechnung ${c.invoiceNumber} vom ${formatDate(c.invoiceDate)} erneut zu${r.reason ? ` (${r.reason})` : ''}. Sie ersetzt keine neue Forderung; bereits geleistete Zahlungen werden angerechnet.`] : [];
  const subject = `${TITLES[r.kind]} ${c.invoiceNumber}`;
  return {
    head: r.head,
    from: 'client',
    info: claimInfo(r.head, c),
    subject,
    ...(r.kind === 'duplicate' ? { mark: 'Duplikat' } : r.kind === 'redelivery' ? { mark: 'Zweitschrift' } : {}),
    blocks: [
      ...paragraphs(salutation(r.head), ...redelivery, intro),
      ...(c.diagnosis ? paragraphs(`Diagnose: ${c.diagnosis}`) : []),
      ...invoiceBlocks(c),
      ...paymentBlocks(r.head, c.totalCents, c.dueDate, c.invoiceNumber, ...(b.paymentHint ? [b.paymentHint] : [])),
      ...closing(r.head),
    ],
    cover: [
      ...(r.kind === 'duplicate' ? [`anbei erhalten Sie wie gewünscht ein Duplikat der Rechnung ${c.invoiceNumber}.`] : []),
      ...(r.kind === 'redelivery' ? redelivery : []),
      ...(r.kind === 'invoice' ? [`anbei erhalten Sie im Auftrag von ${r.head.client.name} die Rechnung ${c.invoiceNumber} über ${formatEuro(c.totalCents)} für die Behandlung von ${c.patientName}.`] : []),
      `Bitte überweisen Sie den Betrag bis zum ${formatDate(c.dueDate)} unter Angabe der Rechnungsnummer ${c.invoiceNumber}.`,
    ],
    fileName: pdfFileName(r.kind === 'duplicate' ? 'Rechnung_Duplikat' : r.kind === 'redelivery' ? 'Rechnung_Zweitschrift' : 'Rechnung', c.invoiceNumber),
  };
}
