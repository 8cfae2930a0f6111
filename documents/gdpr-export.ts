import { formatDate, formatEuro } from '../domain/format';
import type { Centre, LetterHeadData } from '../domain/documents/document-request';
import type { GdprExport } from '../domain/persons/gdpr-export';
import type { Block, LetterSpec } from './letter-spec';
import { paragraphs, pdfFileName, salutation, table } from './letter-parts';
import { renderLetterPdf } from './pdf/render-letter-pdf';

const dateOrDash = (d: string | null) => (d ? formatDate(d) : '–');
const compact = (v: unknown) => (v == null ? '' : JSON.stringify(v));

/** A section: its heading, then its table, or a line saying there is nothing. */
function section(title: string, columns: Array<[string, number] | [string, number, 'right']>, rows: string[][]): Block[] {
  return [{ type: 'paragraph', text: title, bold: true }, ...(rows.length ? [table(columns, rows)] : paragraphs('Keine.'))];
}

/** The Art. 15 GDPR answer as a letter to the person: master data, claims, letters, payments, audit entries. */
export function gdprExportLetter(centre: Centre, x: GdprExport): LetterSpec {
  const p = x.person;
  const name = [p.title, p.firstName, p.lastName].filter(Boolean).join(' ');
  const head: LetterHeadData = {
    centre,
    client: { id: 'centre', number: '–', name: centre.name, street: centre.street, postalCode: centre.postalCode, city: centre.city, blocks: {} },
    recipient: { salutation: p.salutation ?? undefined, name, street: p.street, postalCode: p.postalCode, city: p.city, country: p.country },
    date: x.exportedAt,
  };
  const master: Array<[string, string]> = [
    ['Name', name],
    ['Geburtsdatum', p.birthDate ? formatDate(p.birthDate) : '–'],
    ['Anschrift', `${p.street}, ${p.postalCode} ${p.city} (${p.country})`],
    ['E-Mail', p.email ? `${p.email} (Einwilligung: ${p.emailConsent ? 'ja' : 'nein'})` : '–'],
    ['Fax', p.fax ?? '–'],
    ['Einschränkung (Art. 18)', p.restrictedAt ? `seit ${formatDate(p.restrictedAt)}: ${p.restrictionReason ?? ''}` : 'keine'],
    ['Gespeichert seit', formatDate(p.createdAt)],
  ];
  const blocks: Block[] = [
    ...paragraphs(salutation(head), 'nach Art. 15 DSGVO teilen wir Ihnen mit, welche Daten wir über Sie verarbeiten. Zweck ist die Abrechnung und Beitreibung privatärztlicher Honorare im Auftrag der genannten Praxen (Art. 6 Abs. 1 lit. b, c DSGVO); Buchungsbelege bewahren wir zehn Jahre auf (§ 147 AO, § 257 HGB).'),
    ...section('Stammdaten', [['Feld', 45], ['Wert', 120]], master),
    ...section(
      'Forderungen',
      [['Rechnung', 32], ['Rolle', 25], ['Praxis', 38], ['Behandlung', 30], ['Stand', 20], ['Betrag', 20, 'right']],
      x.claims.map((c) => [c.id, c.roles.map((r) => (r === 'patient' ? 'Patient/in' : 'Zahlungspflichtig')).join(', '), `${c.client}, ${c.doctorName}`, `${formatDate(c.treatmentFrom)} – ${formatDate(c.treatmentTo)}`, c.stage, formatEuro(c.totalCents)]),
    ),
    ...section(
      'Leistungen',
      [['Rechnung', 32], ['Datum', 20], ['GOÄ', 15], ['Leistung', 78], ['Betrag', 20, 'right']],
      x.claims.flatMap((c) => c.lines.map((l) => [c.id, formatDate(l.date), l.code ?? '–', `${l.count} × ${l.text}`, formatEuro(l.amountCents)])),
    ),
    ...section(
      'Schreiben',
      [['Dokumentnummer', 62], ['Art', 28], ['Weg', 15], ['Status', 20], ['Datum', 20], ['Rechnung', 20]],
      x.letters.map((d) => [d.documentNumber, d.kind, d.channel, d.status, formatDate(d.createdAt), d.claimId ?? '–']),
    ),
    ...section(
      'Zahlungen',
      [['Rechnung', 35], ['Eingang', 25], ['Quelle', 30], ['Verwendungszweck', 50], ['Betrag', 25, 'right']],
      x.payments.map((m) => [m.claimId, formatDate(m.receivedAt), m.source, m.reference ?? '', formatEuro(m.amountCents)]),
    ),
    ...section(
      'Protokoll (Audit-Trail)',
      [['Zeit', 30], ['Wer', 25], ['Was', 30], ['Betrifft', 35], ['Werte', 45]],
      x.auditEntries.map((e) => [`${dateOrDash(e.at)} ${e.at.slice(11, 16)}`, e.actor, e.action, `${e.entityType} ${e.entityId}`, e.before != null || e.after != null ? `vorher ${compact(e.before) || '–'}, nachher ${compact(e.after) || '–'}` : compact(e.data)]),
    ),
    ...paragraphs(`Mit freundlichen Grüßen\n${centre.name}`),
  ];
  return {
    head,
    from: 'centre',
    info: [['Auskunft nach', 'Art. 15 DSGVO'], ['Person', p.id]],
    subject: 'Auskunft über Ihre gespeicherten Daten',
    blocks,
    cover: ['anbei erhalten Sie die Auskunft über Ihre bei uns gespeicherten Daten.'],
    fileName: pdfFileName('Auskunft', p.id),
  };
}

/** The Art. 15 answer as a PDF. */
export function renderGdprExportPdf(centre: Centre, x: GdprExport): Promise<Buffer> {
  return renderLetterPdf(gdprExportLetter(centre, x));
}
