import { createHash } from 'node:crypto';
import { PRACTICES } from './fake-data';
import { generateCases, unitFeeCents, type GenerateOptions, type SynthCase, type SynthLine, type SynthPerson } from './synthetic-cases';

export { generateCsv } from './csv-generator';
export type { GenerateOptions } from './synthetic-cases';

/**
 * Deterministic PADneXt 2.12 delivery: billing data file (*_padx.xml, valid against
 * padx_adl_v2.12.xsd unless brokenEvery asks for broken cases) and its order file (*_auf.xml,
 * valid against padx_auf_v2.12.xsd, with the payload's length and SHA-1). String building only,
 * no DOM: 10,000 cases are generated in well under a second.
 */

const NS = 'http://padinfo.de/ns/pad';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const el = (name: string, value: string) => `<${name}>${esc(value)}</${name}>`;
const euros = (cents: number) => `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

function hausadresse(p: SynthPerson): string {
  return `<anschrift><hausadresse>${el('plz', p.postalCode)}${el('ort', p.city)}${el('strasse', p.street)}${el('hausnr', p.houseNo)}</hausadresse></anschrift>`;
}

function recipient(p: SynthPerson): string {
  const title = p.title ? el('titel', p.title) : '';
  const mail = p.email ? `<kontakt art="email" typ="privat">${esc(p.email)}</kontakt>` : '';
  return `<rechnungsempfaenger><person>${el('anrede', p.salutation)}${title}${el('vorname', p.firstName)}${el('name', p.lastName)}${el('gebdatum', p.birthDate)}${hausadresse(p)}${mail}</person></rechnungsempfaenger>`;
}

function behandelter(c: SynthCase): string {
  const p = c.patient;
  const name = c.broken === 'missing-patient-name' ? '' : el('name', p.lastName);
  const title = p.title ? el('titel', p.title) : '';
  return `<behandelter>${el('anrede', p.salutation)}${title}${el('vorname', p.firstName)}${name}${el('gebdatum', p.birthDate)}${el('geschlecht', p.sex)}${c.responsible ? '<verwandtschaft>5</verwandtschaft>' : ''}</behandelter>`;
}

function position(line: SynthLine, nr: number, c: SynthCase, brokenLine: number): string {
  const date = c.broken === 'invalid-date' && nr === brokenLine ? line.date.slice(0, 5) + '02-30' : line.date;
  if (line.kind === 'expense') {
    return `<auslagen positionsnr="${nr}" kennzeichen="${line.marker}">${el('datum', date)}${el('anzahl', String(line.count))}${el('text', line.text)}${el('einzelbetrag', euros(line.amountCents))}${el('gesamtbetrag', euros(line.amountCents * line.count))}</auslagen>`;
  }
  const factor = c.broken === 'bad-factor' && nr === brokenLine ? 'abc' : line.factor;
  const analog = line.analogDescription ? ` analog="${line.code}"` : '';
  const total = unitFeeCents(line.points, line.factor) * line.count;
  return (
    `<goziffer positionsnr="${nr}" go="GOAE" ziffer="${line.code}"${analog}>` +
    `${el('datum', date)}${el('anzahl', String(line.count))}${el('text', line.analogDescription ?? line.text)}${el('faktor', factor)}` +
    (line.justification ? el('begruendung', line.justification) : '') +
    `<punktwert>0.0582873</punktwert>${el('punktzahl', String(line.points))}${el('gesamtbetrag', euros(total))}</goziffer>`
  );
}

function rechnung(c: SynthCase): string {
  const le = `LE${c.doctorIndex + 1}`;
  const payer = c.responsible ?? c.patient;
  // The broken line is the last fee line, so a case stays realistic up to the error.
  const brokenLine = c.lines.reduce((last, l, i) => (l.kind === 'fee' ? i + 1 : last), 1);
  const positions = c.lines.map((l, i) => position(l, i + 1, c, brokenLine)).join('');
  const reduction = c.reduction === 'none' ? '' : el('minderungssatz', c.reduction);
  return (
    `<rechnung id="${c.invoiceId}" aisrechnungsnr="${c.invoiceId.slice(-14)}">${recipient(payer)}<abrechnungsfall><humanmedizin>` +
    `${el('leistungserbringerid', le)}${behandelter(c)}<zeitraum>${el('startdatum', c.from)}${el('endedatum', c.to)}</zeitraum>` +
    `${reduction}${el('behandlungsart', c.inpatient ? '1' : '0')}<vertragsart>1</vertragsart>` +
    `<diagnose>${el('text', c.diagnosis.text)}<code system="ICD-10">${c.diagnosis.code}</code></diagnose>` +
    `<positionen posanzahl="${c.lines.length}">${positions}</positionen></humanmedizin></abrechnungsfall>` +
    (c.consent ? '' : el('abrechnungsanweisung', 'Einwilligung: nein')) +
    `</rechnung>`
  );
}

function leistungserbringer(i: number): string {
  const p = PRACTICES[i];
  return `<leistungserbringer id="LE${i + 1}" aisid="ARZT-${i + 1}">${el('titel', p.title)}${el('vorname', p.first)}${el('name', p.last)}</leistungserbringer>`;
}

/** Client number (PVSkundennr.Typ is numeric): digits of clientId, else a stable hash of it. */
function kundennr(clientId: string): string {
  const digits = clientId.replace(/\D/g, '');
  return digits && Number(digits) > 0 ? digits.slice(0, 20) : String(parseInt(createHash('sha1').update(clientId).digest('hex').slice(0, 8), 16) + 1);
}

export interface GeneratedPadnext {
  padx: string;
  auf: string;
  /** Suggested file names: <kundennr>_<yyyymmdd>_ADL_<transfernr>_padx.xml / _auf.xml. */
  padxName: string;
  aufName: string;
  /** The format-neutral cases behind the files (expectations for tests). */
  cases: SynthCase[];
}

export function generatePadnext(opts: GenerateOptions): GeneratedPadnext {
  const cases = generateCases(opts);
  const clientId = opts.clientId ?? 'C001';
  const knr = kundennr(clientId);
  const parts: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>\n<rechnungen xmlns="${NS}" anzahl="${cases.length}">`,
    `<nachrichtentyp version="2.12">ADL</nachrichtentyp>`,
    `<rechnungsersteller>${el('name', `Praxisgemeinschaft ${PRACTICES[0].last}`)}${el('kundennr', knr)}<anschrift><hausadresse><plz>50667</plz><ort>Köln</ort><strasse>Hohe Straße</strasse><hausnr>12</hausnr></hausadresse></anschrift></rechnungsersteller>`,
    PRACTICES.map((_, i) => leistungserbringer(i)).join(''),
  ];
  for (const c of cases) parts.push('\n', rechnung(c));
  parts.push('\n</rechnungen>\n');
  const padx = parts.join('');

  const transfer = String((opts.seed >>> 0) % 999999 + 1).padStart(6, '0');
  const day = '20250115';
  const padxName = `${knr.slice(0, 10)}_${day}_ADL_${transfer}_padx.xml`;
  const aufName = padxName.replace('_padx.xml', '_auf.xml');
  const bytes = Buffer.from(padx, 'utf8');
  const sha1 = createHash('sha1').update(bytes).digest('hex');
  const created = '2025-01-15T10:00:00';
  const auf =
    `<?xml version="1.0" encoding="UTF-8"?>\n<auftrag xmlns="${NS}" erstellungsdatum="${created}" transfernr="${Number(transfer)}" echtdaten="false" dateianzahl="1">` +
    `<empfaenger><logisch>Abrechnungsstelle</logisch><physikalisch>Abrechnungsstelle</physikalisch></empfaenger>` +
    `<absender><logisch kundennr="${knr}">${esc(clientId)}</logisch><physikalisch kundennr="${knr}">${esc(clientId)}</physikalisch></absender>` +
    `<nachrichtentyp version="2.12">ADL</nachrichtentyp>` +
    `<system><produkt>claimflow-bench</produkt><version>1.0</version><hersteller>claimflow</hersteller></system>` +
    `<verschluesselung verfahren="0" idcert="keine"/>` +
    `<empfangsquittung>false</empfangsquittung>` +
    `<datei id="1" erstellungsdatum="${created}"><dokumententyp>PADneXt</dokumententyp>${el('name', padxName)}` +
    `<dateilaenge laenge="${bytes.length}" pruefsumme="${sha1}"/></datei></auftrag>\n`;
  return { padx, auf, padxName, aufName, cases };
}
