/**
 * Sample requests for every document kind: the tests and the benchmark render them, and staff
 * can preview a client's letter blocks with them. `n` varies names and numbers per copy.
 */
import type { ClaimData, DocumentRequest, LetterClient, LetterHeadData } from './document-request';
import type { DocumentKind } from '../domain/documents/document-kind';

export const SAMPLE_CENTRE: LetterHeadData['centre'] = {
  name: 'Privatärztliche Verrechnungsstelle Süd GmbH',
  street: 'Königsallee 12',
  postalCode: '40212',
  city: 'Düsseldorf',
  phone: '0211 123456-0',
  email: 'service@pvs-sued.example',
  imprint: ['Amtsgericht Düsseldorf HRB 12345', 'Geschäftsführerin: Jördis Schäfer', 'USt-IdNr. DE123456789'],
};

export function sampleClient(overrides: Partial<LetterClient> = {}): LetterClient {
  return {
    id: 'client-1',
    number: 'M-1001',
    name: 'Praxis Dr. med. Özlem Müller',
    street: 'Lindenstraße 5',
    postalCode: '50674',
    city: 'Köln',
    bankAccount: { holder: 'PVS Süd Treuhandkonto', iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX', bankName: 'Commerzbank Köln' },
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

/** One sample request of the given kind. */
export function sampleRequest(kind: DocumentKind, n = 0): DocumentRequest {
  const head = sampleHead(n);
  const claim = sampleClaim(n);
  switch (kind) {
    case 'invoice':
    case 'duplicate':
      return { kind, head, claim };
    case 'redelivery':
      return { kind, head, claim, reason: 'an Ihre neue Anschrift' };
    case 'reminder':
      return { kind, head, claim, level: 2, feeCents: 250, costsCents: 250, paidCents: 0, openCents: claim.totalCents + 250, payBy: '2026-12-09' };
    default:
      throw new Error(`no sample for ${kind} yet`);
  }
}
