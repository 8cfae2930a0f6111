/**
 * Sample requests for every document kind: the tests and the benchmark render them, and staff
 * can preview a client's letter blocks with them. `n` varies names and numbers per copy.
 */
import type { ClaimData, DocumentRequest, LetterClient, LetterHeadData } from '../domain/documents/document-request';
import { crc32, deflateSync } from 'node:zlib';
import type { DocumentKind } from '../domain/documents/document-kind';

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A sample logo: an RGB PNG of `width` × `height` pixels, a horizontal colour band with a stripe, built in code. */
export function sampleLogo(width = 240, height = 80): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, no interlace
  const raw = Buffer.alloc(height * (1 + 3 * width));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set(Math.abs(y - height / 2) < height / 10 ? [255, 255, 255] : [(x * 255) / width, 90, 160], y * (1 + 3 * width) + 1 + 3 * x);
  }
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}

export const SAMPLE_CENTRE: LetterHeadData['centre'] = {
  name: 'Privatärztliche Verrechnungsstelle Süd GmbH',
  street: 'Königsallee 12',
  postalCode: '40212',
  city: 'Düsseldorf',
  phone: '0211 123456-0',
  email: 'service@pvs-sued.example',
  bankAccount: { holder: 'PVS Süd GmbH', iban: 'DE12 5001 0517 0648 4898 90', bic: 'INGDDEFFXXX', bankName: 'ING' },
  imprint: ['Amtsgericht Düsseldorf HRB 12345', 'Geschäftsführerin: Jördis Schäfer', 'USt-IdNr. DE123456789'],
};

/** The trust account the sample patient letters are paid to. */
export const SAMPLE_TRUST_ACCOUNT = { holder: 'PVS Süd Treuhandkonto', iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX', bankName: 'Commerzbank Köln' };

export function sampleClient(overrides: Partial<LetterClient> = {}): LetterClient {
  return {
    id: 'client-1',
    number: 'M-1001',
    name: 'Praxis Dr. med. Özlem Müller',
    street: 'Lindenstraße 5',
    postalCode: '50674',
    city: 'Köln',
    blocks: {},
    ...overrides,
  };
}

export function sampleHead(n = 0, client: LetterClient = sampleClient()): LetterHeadData {
  return {
    centre: SAMPLE_CENTRE,
    client,
    recipient: { salutation: 'Frau', name: `Jürgen-Bärbel Größer ${n || ''}`.trim(), street: 'Ährenweg 7', postalCode: '80331', city: 'München' },
    date: '2026-11-25',
    collectionAccount: SAMPLE_TRUST_ACCOUNT,
  };
}

/** A claim with a justified factor, an analog line, an expense; `extraLines` makes it long. */
export function sampleClaim(n = 0, extraLines = 0): ClaimData {
  const lines: ClaimData['lines'] = [
    { date: '2026-10-01', code: '1', text: 'Beratung, auch mittels Fernsprecher', factor: '2.3', count: 1, unitCents: 1072, reductionCents: 0, amountCents: 1072 },
    { date: '2026-10-01', code: '5', text: 'Symptombezogene Untersuchung', factor: '3.5', count: 1, unitCents: 1632, reductionCents: 0, amountCents: 1632, justification: 'erschwerte Untersuchung wegen ausgeprägter Angststörung' },
    { date: '2026-10-02', code: '3306', text: 'Ästhetische Lasertherapie der Haut', factor: '2.3', count: 2, unitCents: 12069, reductionCents: 0, amountCents: 24138, analog: true },
    { date: '2026-10-02', code: null, text: 'Verbandmaterial', factor: null, count: 1, unitCents: 455, reductionCents: 0, amountCents: 455 },
  ];
  for (let i = 0; i < extraLines; i++) {
    lines.push({ date: '2026-10-03', code: '3550', text: 'Blutbild und Blutbildbestandteile', factor: '1.15', count: 1, unitCents: 403, reductionCents: 0, amountCents: 403 });
  }
  return {
    invoiceNumber: `RE${String(10000000 + n)}17`,
    patientName: `Lütfiye Größer ${n || ''}`.trim(),
    doctorName: 'Dr. med. Özlem Müller',
    treatmentFrom: '2026-10-01',
    treatmentTo: '2026-10-03',
    inpatientReduction: 'none',
    lines,
    totalCents: lines.reduce((s, l) => s + l.amountCents, 0),
    invoiceDate: '2026-10-26',
    dueDate: '2026-11-25',
  };
}

/** A client journal's recipient: the client itself. */
function journalHead(n: number): LetterHeadData {
  const client = sampleClient();
  return { ...sampleHead(n, client), recipient: { name: client.name, extraLines: ['z. Hd. Abrechnung'], street: client.street, postalCode: client.postalCode, city: client.city } };
}

function rows<T>(count: number, f: (i: number) => T): T[] {
  return Array.from({ length: count }, (_, i) => f(i));
}

/** One sample request of the given kind; journals get `rowCount` rows. */
export function sampleRequest(kind: DocumentKind, n = 0, rowCount = 3): DocumentRequest {
  const head = sampleHead(n);
  const claim = sampleClaim(n);
  const nr = (i: number) => `RE${String(20000000 + i)}55`;
  switch (kind) {
    case 'invoice':
    case 'duplicate':
      return { kind, head, claim };
    case 'redelivery':
      return { kind, head, claim, reason: 'an Ihre neue Anschrift' };
    case 'reminder':
      return { kind, head, claim, level: 2, feeCents: 250, costsCents: 250, paidCents: 0, openCents: claim.totalCents + 250, payBy: '2026-12-09' };
    case 'installment_agreement':
      return { kind, head, claim, openCents: 27297, installments: [{ dueDate: '2026-12-01', amountCents: 9099 }, { dueDate: '2027-01-01', amountCents: 9099 }, { dueDate: '2027-02-01', amountCents: 9099 }] };
    case 'partial_payment':
      return { kind, head, claim, payment: { date: '2026-11-20', amountCents: 10000 }, costsCents: 0, paidCents: 10000, openCents: 17297, payBy: '2026-12-09' };
    case 'cancellation':
      return { kind, head, claim, creditNoteNumber: 'GS-2026-0042', creditCents: 27297, reason: 'Behandlung über die Krankenkasse abgerechnet', refundCents: 5000 };
    case 'credit_note':
      return { kind, head, claim, creditNoteNumber: 'GS00000042', lines: [{ text: 'GOÄ 5 Symptombezogene Untersuchung', amountCents: 1072 }], creditCents: 1072, reason: 'Leistung doppelt berechnet', earlierCreditsCents: 0, paidCents: 10000, openCents: 27297 - 1072 - 10000 };
    case 'deferral':
      return { kind, head, claim, until: '2027-01-15', openCents: 27297 };
    case 'fee_statement':
      return { kind, head, claim, fees: [{ date: '2026-12-09', text: 'Mahngebühr 1. Mahnung', amountCents: 250 }, { date: '2026-12-23', text: 'Mahngebühr 2. Mahnung', amountCents: 500 }] };
    case 'statement_of_claim':
      return {
        kind, head, claim,
        costs: [{ date: '2026-12-09', text: 'Mahngebühr 1. Mahnung', amountCents: 250 }],
        payments: [{ date: '2026-11-20', text: 'Teilzahlung', amountCents: 10000 }],
        interest: { to: '2027-02-25', periods: [{ from: '2026-12-26', to: '2027-02-25', ratePercent: '6.27', amountCents: 187 }], totalCents: 187, dailyCents: 3, ratePercent: '6.27' },
        openCents: 27297 + 250 + 187 - 10000,
      };
    case 'free_letter':
      return {
        kind, head, invoiceNumber: claim.invoiceNumber,
        template: { key: 'rueckfrage-adresse', version: 2, subject: 'Rückfrage zur Rechnung {{claim.invoiceNumber}}', body: 'Guten Tag {{recipient.name}},\n\nzur Behandlung von {{patient.name}} bei {{client.name}} ist noch {{claim.openAmount}} offen.\n\nBitte melden Sie sich bis {{claim.dueDate}}.' },
        values: {
          'claim.invoiceNumber': claim.invoiceNumber, 'claim.invoiceDate': '26.10.2026', 'claim.dueDate': '25.11.2026', 'claim.treatmentFrom': '01.10.2026', 'claim.treatmentTo': '03.10.2026',
          'claim.totalAmount': '272,97 €', 'claim.openAmount': '272,97 €', 'patient.name': claim.patientName, 'recipient.name': head.recipient.name, 'recipient.salutation': 'Frau',
          'client.name': head.client.name, 'client.number': head.client.number, 'letter.date': '25.11.2026',
        },
      };
    case 'receipt_confirmation':
      return {
        kind, head: journalHead(n), fileName: 'abrechnung-2026-11.xml', receivedAt: '2026-11-24T09:12:00Z', fileErrors: [],
        notices: ['encoding: the file declares ISO-8859-15, but its bytes are UTF-8: read as UTF-8'],
        acceptedTotalCents: 12345 * (rowCount - Math.floor((rowCount + 1) / 3)),
        records: rows(rowCount, (i) => i % 3 === 1
          ? { recordNo: i + 1, externalId: `F-${i + 1}`, patientName: `Jörg Weiß ${i}`, outcome: 'REJECTED' as const, reasons: [`lines[1].factor: factor 3.6 above the maximum 3.5 of GOÄ 5`] }
          : { recordNo: i + 1, externalId: `F-${i + 1}`, patientName: `Jörg Weiß ${i}`, outcome: 'ACCEPTED' as const, invoiceNumber: nr(i), reasons: i === 0 ? ['totalCents: invoice total: the file states 123,46 EUR, the GOÄ pricing gives 123,45 EUR'] : [] }),
      };
    case 'purchase_journal':
      return { kind, head: journalHead(n), period: { from: '2026-11-01', to: '2026-11-30' }, feeRate: '0.035', claims: rows(rowCount, (i) => ({ invoiceNumber: nr(i), patientName: `Jörg Weiß ${i}`, purchasedAt: '2026-11-24', totalCents: 10000 + i, discountCents: 350, priceCents: 9650 + i })) };
    case 'outgoing_invoice_journal':
      return { kind, head: journalHead(n), period: { from: '2026-11-01', to: '2026-11-30' }, invoices: rows(rowCount, (i) => ({ invoiceNumber: nr(i), invoiceDate: '2026-11-24', patientName: `Jörg Weiß ${i}`, dueDate: '2026-12-24', totalCents: 123456 })) };
    case 'client_invoice':
      return { kind, head: journalHead(n), invoiceNumber: 'CF-2026-11-001', period: { from: '2026-11-01', to: '2026-11-30' }, feeRate: '0.06', vatRate: '0.19', items: rows(rowCount, (i) => ({ invoiceNumber: nr(i), patientName: `Jörg Weiß ${i}`, collectedCents: 50000, feeCents: 3000 })), netCents: 3000 * rowCount, vatCents: 570 * rowCount, dueDate: '2026-12-15' };
    case 'payout_journal':
      return { kind, head: journalHead(n), payoutDate: '2026-11-30', iban: 'DE02 1203 0000 0000 2020 51', items: rows(rowCount, (i) => ({ invoiceNumber: nr(i), patientName: `Jörg Weiß ${i}`, text: 'Kaufpreis Sofortfactoring', amountCents: 9650 })), totalCents: 9650 * rowCount };
    case 'collection_request':
      return { kind, head: journalHead(n), answerBy: '2026-12-10', claims: rows(rowCount, (i) => ({ invoiceNumber: nr(i), debtorName: `Jörg Weiß ${i}`, dueDate: '2026-08-01', dunningLevel: 3, principalCents: 27297, costsCents: 750, openCents: 28047 })) };
    case 'write_off_notice':
      return { kind, head: journalHead(n), invoiceNumber: nr(0), patientName: 'Jörg Weiß', debtorName: 'Jörg Weiß', reason: 'Insolvenz des Schuldners', decidedBy: 'lawyer', reportedOn: '2026-12-01', principalCents: 27297, interestCents: 412, feesCents: 750, lawyerCostsCents: 8354, bearer: 'client', chargedToClientCents: 8354 };
  }
}
