import { formatDate, formatEuro } from '../domain/format';
import type { ClaimData, DatedAmount, InterestLine, LetterHeadData } from '../domain/documents/document-request';
import type { Block, LetterSpec } from './letter-spec';
import { epcQrPayload } from '../domain/documents/epc-qr';

/** "Sehr geehrte Frau Dr. Muster," from the client's wording or the recipient's salutation. */
export function salutation(h: LetterHeadData): string {
  const r = h.recipient;
  if (h.client.blocks.salutation) return h.client.blocks.salutation.replace('{name}', r.name);
  if (r.salutation === 'Frau') return `Sehr geehrte Frau ${r.name},`;
  if (r.salutation === 'Herr') return `Sehr geehrter Herr ${r.name},`;
  return `Guten Tag ${r.name},`;
}

export const JOURNAL_SALUTATION = 'Sehr geehrte Damen und Herren,';

/** Information block of a patient letter. */
export function claimInfo(h: LetterHeadData, c: ClaimData): Array<[string, string]> {
  return [
    ['Rechnungsnummer', c.invoiceNumber],
    ['Rechnungsdatum', formatDate(c.invoiceDate)],
    ['Patient/in', c.patientName],
    ['Behandlung', c.doctorName],
    ['Kundennummer', h.client.number],
  ];
}

/** Information block of a client journal. */
export function journalInfo(h: LetterHeadData, extra: Array<[string, string]> = []): Array<[string, string]> {
  return [['Mandant', h.client.name], ['Kundennummer', h.client.number], ...extra];
}

/** The request to pay: amount, date, account and the invoice number as reference. */
export function paymentRequest(h: LetterHeadData, amountCents: number, payBy: string, invoiceNumber: string): string {
  const bank = h.collectionAccount;
  // No-break spaces: the IBAN is read (and typed) as one piece, never split over two lines.
  const account = bank ? ` auf das Konto ${bank.holder}, IBAN\u00a0${bank.iban.replace(/ /g, '\u00a0')}${bank.bic ? `, BIC ${bank.bic}` : ''}` : '';
  return `Bitte überweisen Sie ${formatEuro(amountCents)} bis zum ${formatDate(payBy)}${account}. Verwendungszweck: ${invoiceNumber}.`;
}

/**
 * The request to pay as a paragraph, with the GiroCode for it when the letter names an account:
 * a payer scans amount, account and invoice number instead of typing them.
 */
export function paymentBlocks(h: LetterHeadData, amountCents: number, payBy: string, invoiceNumber: string, ...more: string[]): Block[] {
  const bank = h.collectionAccount;
  return [
    ...paragraphs(paymentRequest(h, amountCents, payBy, invoiceNumber), ...more),
    ...(bank && amountCents > 0
      ? [{ type: 'giro_code' as const, payload: epcQrPayload(bank, amountCents, invoiceNumber), caption: `GiroCode: mit Ihrer Banking-App scannen, um ${formatEuro(amountCents)} an ${bank.holder} mit dem Verwendungszweck ${invoiceNumber} zu überweisen.` }]
      : []),
  ];
}

/** Closing paragraph (the client's, if it has one) and greeting. */
export function closing(h: LetterHeadData): Block[] {
  return [
    ...(h.client.blocks.closingText ? [{ type: 'paragraph' as const, text: h.client.blocks.closingText }] : []),
    { type: 'paragraph', text: `${h.client.blocks.greeting ?? 'Mit freundlichen Grüßen'}\n${h.centre.name}\nim Auftrag von ${h.client.name}` },
  ];
}

export function paragraphs(...texts: string[]): Block[] {
  return texts.map((text) => ({ type: 'paragraph', text }));
}

/** "Rechnung_RE00000012-34.pdf": file names without spaces or umlauts, for any mail client. */
export function pdfFileName(title: string, id: string): string {
  const ascii = title.replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe').replace(/Ü/g, 'Ue').replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
  return `${ascii}_${id}.pdf`.replace(/[^A-Za-z0-9._-]+/g, '_');
}

/**
 * A patient letter about one claim: "<title> zur Rechnung <nr>", salutation, the body, the
 * client's closing; the same frame for every letter after the invoice.
 */
export function claimLetter(
  r: { head: LetterHeadData; claim: ClaimData },
  title: string,
  body: Block[],
  cover: string[],
  extraInfo: Array<[string, string]> = [],
): LetterSpec {
  return {
    head: r.head,
    from: 'client',
    info: [...claimInfo(r.head, r.claim), ...extraInfo],
    subject: `${title} zur Rechnung ${r.claim.invoiceNumber}`,
    blocks: [...paragraphs(salutation(r.head)), ...body, ...closing(r.head)],
    cover,
    fileName: pdfFileName(title, r.claim.invoiceNumber),
  };
}

/** Dated amounts (costs, payments) as a three-column table. */
export function amountTable(items: DatedAmount[]): Block {
  return table(
    [['Datum', 25], ['Bezeichnung', 105], ['Betrag', 35, 'right']],
    items.map((i) => [formatDate(i.date), i.text, formatEuro(i.amountCents)]),
  );
}

/** A journal or letter to the client, in the centre's name. */
export function journalLetter(head: LetterHeadData, subject: string, fileId: string, body: Block[], cover: string[], extraInfo: Array<[string, string]> = []): LetterSpec {
  return {
    head,
    from: 'centre',
    info: journalInfo(head, extraInfo),
    subject,
    blocks: [...paragraphs(JOURNAL_SALUTATION), ...body, ...paragraphs(`Mit freundlichen Grüßen\n${head.centre.name}`)],
    cover,
    fileName: pdfFileName(subject.split(' ')[0]!, fileId),
  };
}

/** "01.11.2026 – 30.11.2026". */
export function formatPeriod(p: { from: string; to: string }): string {
  return `${formatDate(p.from)} – ${formatDate(p.to)}`;
}

/** A table of plain cells; a column is [header, width in mm] or [header, width, 'right']. */
export function table(columns: Array<[string, number] | [string, number, 'right']>, rows: string[][]): Block {
  return { type: 'table', columns: columns.map(([header, width, align]) => ({ header, width, ...(align ? { align } : {}) })), rows: rows.map((cells) => ({ cells })) };
}

/** "6.27" as printed: "6,27". */
export function germanPercent(percent: string): string {
  return percent.replace('.', ',');
}

/** The totals row of default interest to the letter's date, when there is any. */
export function interestRow(i: InterestLine | undefined): Array<{ label: string; value: string }> {
  return i && i.totalCents > 0 ? [{ label: `Verzugszinsen bis ${formatDate(i.to)}`, value: formatEuro(i.totalCents) }] : [];
}

/** What each further day of default adds, so the payer can pay the exact amount later. */
export function dailyInterestNote(i: InterestLine | undefined): string[] {
  return i && i.dailyCents > 0 ? [`Bis zum Zahlungseingang erhöhen sich die Verzugszinsen (${germanPercent(i.ratePercent)} % p. a.) um ${formatEuro(i.dailyCents)} je Tag.`] : [];
}
