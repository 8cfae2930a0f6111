import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generatePadnext } from '../../bench/gen/padnext-generator';
import { parsePadnext } from '../../domain/intake/padnext-parser';
import { parseBillingFile } from '../../domain/intake/parse-billing-file';
import { sha256Hex } from '../../domain/sha256';
import type { IntakeRecord, ParsedBillingFile, RecordError } from '../../domain/intake/types';
import { expectedRecord } from '../fixtures/intake/expected';

const SCHEMA_DIR = path.resolve(__dirname, '../../../shared/testdata/padnext-schema');
const FIXTURES = path.resolve(__dirname, '../fixtures/intake');

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), 'padnext-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function xmllint(xml: string, xsd: string): { ok: boolean; output: string } {
  const file = path.join(dir, `f${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--noout', '--schema', path.join(SCHEMA_DIR, xsd), file], { encoding: 'utf8' });
  if (r.error) throw r.error;
  return { ok: r.status === 0, output: r.stderr };
}

const okRecords = (f: ParsedBillingFile): IntakeRecord[] => f.records.flatMap((r) => (r.ok ? [r.record] : []));
const errorsOf = (f: ParsedBillingFile, recordNo: number): RecordError[] => {
  const r = f.records[recordNo - 1];
  return r.ok ? [] : r.errors;
};

describe('PADneXt generator', () => {
  it('produces a billing file and an order file that validate against the 2.12 XSDs', () => {
    const g = generatePadnext({ cases: 300, seed: 11, clientId: 'K4711' });
    const adl = xmllint(g.padx, 'padx_adl_v2.12.xsd');
    expect(adl.output).toContain('validates');
    expect(adl.ok).toBe(true);
    const auf = xmllint(g.auf, 'padx_auf_v2.12.xsd');
    expect(auf.output).toContain('validates');
    expect(auf.ok).toBe(true);
  });

  it('is deterministic and varied: same seed, same bytes; inpatient, expenses, raised factors and children occur', () => {
    const a = generatePadnext({ cases: 400, seed: 5 });
    expect(generatePadnext({ cases: 400, seed: 5 }).padx).toBe(a.padx);
    expect(generatePadnext({ cases: 400, seed: 6 }).padx).not.toBe(a.padx);
    const lines = a.cases.flatMap((c) => c.lines);
    expect(a.cases.some((c) => c.inpatient)).toBe(true);
    expect(a.cases.some((c) => c.responsible)).toBe(true);
    expect(a.cases.some((c) => !c.consent)).toBe(true);
    expect(lines.some((l) => l.kind === 'expense')).toBe(true);
    expect(lines.some((l) => l.kind === 'fee' && l.factor === '3.0' && l.justification)).toBe(true);
    expect(new Set(lines.map((l) => (l.kind === 'fee' ? l.factor : 'x')))).toEqual(new Set(['2.3', '1.8', '1.15', '3.0', 'x']));
    for (const c of a.cases) expect(c.lines.filter((l) => l.kind === 'fee').length).toBeGreaterThanOrEqual(1);
  });

  // Its speed is a benchmark's business (npm run bench:intake), not a timed test's.
  it('generates 10,000 cases', () => {
    const g = generatePadnext({ cases: 10_000, seed: 42 });
    expect(g.cases).toHaveLength(10_000);
    expect(new Set(g.cases.map((c) => c.invoiceId)).size).toBe(10_000);
  });

  it('broken cases fail the XSD only where intended', () => {
    const g = generatePadnext({ cases: 6, seed: 3, brokenEvery: 2 });
    const r = xmllint(g.padx, 'padx_adl_v2.12.xsd');
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/Expected is \( \{http:\/\/padinfo.de\/ns\/pad\}name \)/);
    expect(r.output).toMatch(/'2024-02-30' is not a valid value/);
    expect(r.output).toMatch(/'abc' is not a valid value/);
  });
});

describe('parsePadnext', () => {
  it('round-trips generated cases (names, addresses, codes, factors, amounts, consent, § 6a), with the order file checked', () => {
    const g = generatePadnext({ cases: 250, seed: 2024 });
    const parsed = parsePadnext(Buffer.from(g.padx, 'utf8'), g.padxName, { name: g.aufName, content: Buffer.from(g.auf) });
    expect(parsed.fileErrors).toEqual([]);
    expect(parsed.format).toBe('padnext');
    const records = okRecords(parsed);
    expect(records).toHaveLength(250);
    g.cases.forEach((c, i) => {
      const expected = expectedRecord(c, i + 1);
      expect(records[i]).toMatchObject(expected);
      if (!c.responsible) expect(records[i].responsible).toBeUndefined();
      expect(records[i].doctor.name).toMatch(/^(Prof\. )?Dr\. med\. /);
    });
  });

  it('reports every broken case precisely and still returns all good ones', () => {
    const g = generatePadnext({ cases: 24, seed: 9, brokenEvery: 4 });
    const parsed = parsePadnext(g.padx, 'broken_padx.xml');
    expect(parsed.fileErrors).toEqual([]);
    expect(parsed.records).toHaveLength(24);
    expect(okRecords(parsed)).toHaveLength(18);
    g.cases.forEach((c, i) => {
      const rec = parsed.records[i];
      expect(rec.ok).toBe(!c.broken);
      if (!c.broken) return;
      const errors = errorsOf(parsed, i + 1);
      expect(errors).toHaveLength(1);
      const [e] = errors;
      expect(e.file).toBe('broken_padx.xml');
      expect(e.record).toBe(i + 1);
      expect(rec.ok || rec.externalId).toBe(c.invoiceId);
      const lineNo = c.lines.reduce((last, l, k) => (l.kind === 'fee' ? k + 1 : last), 1);
      if (c.broken === 'missing-patient-name') {
        expect(e.field).toBe('patient.lastName');
        expect(e.reason).toBe(`<name> is missing (at rechnung[${i + 1}]/abrechnungsfall[1]/humanmedizin/behandelter/name)`);
      } else if (c.broken === 'invalid-date') {
        expect(e.field).toBe(`lines[${lineNo}].date`);
        expect(e.reason).toMatch(/'\d{4}-02-30' is not a valid calendar date \(at rechnung\[\d+\]\/abrechnungsfall\[1\]\/humanmedizin\/positionen\/goziffer\[\d+\]\/datum\)/);
      } else {
        expect(e.field).toBe(`lines[${lineNo}].factor`);
        expect(e.reason).toMatch(/<faktor> 'abc' is not a decimal factor/);
      }
    });
  });

  it('decodes an ISO-8859-15 file by its XML declaration (umlauts, ß, €) and maps the PADneXt details', () => {
    const bytes = readFileSync(path.join(FIXTURES, 'iso-8859-15_padx.xml'));
    expect(bytes.includes(0xa4)).toBe(true); // € in ISO-8859-15
    expect(xmllint(bytes.toString('latin1'), 'padx_adl_v2.12.xsd').ok).toBe(true);
    const parsed = parsePadnext(bytes, 'iso-8859-15_padx.xml');
    expect(parsed.fileErrors).toEqual([]);
    const [child, adult] = okRecords(parsed);
    expect(child).toMatchObject({
      externalId: 'R-2024-001',
      doctor: { id: 'DR-GROESSER', name: 'Dr. med. Jürgen Größer' },
      patient: { firstName: 'Jörg', lastName: 'Schäfer', birthDate: '2015-09-30', address: { street: 'Hohe Straße 12a', postalCode: '50667', city: 'Köln', country: 'DE' } },
      responsible: { salutation: 'Frau', firstName: 'Bärbel', lastName: 'Schäfer', email: 'baerbel.schaefer@example.de' },
      consent: true,
      inpatientReduction: 'none',
      diagnosis: 'J20.9 Akute Bronchitis, Verdacht auf Übergang in Pneumonie',
    });
    // The text line and the position marked berechnung="K" are not billed.
    expect(child.lines).toEqual([
      { kind: 'fee', code: '3', date: '2024-03-04', factor: '3.5', count: 1, text: 'Eingehende Beratung', justification: 'Überdurchschnittlicher Zeitaufwand (45 Min.) wegen Ängstlichkeit des Kindes' },
      { kind: 'expense', date: '2024-03-05', text: 'Porto Befundversand à 1,10 €', amountCents: 110, count: 2 },
    ]);
    expect(adult).toMatchObject({
      doctor: { id: 'LE2', name: 'Dr. med. Zoë Brückner' },
      patient: { title: 'Dr.', firstName: 'Ömer', lastName: 'Öztürk', address: { city: 'Wien', postalCode: '1010', country: 'AT' } },
      consent: false, // "Einwilligung: nein" in abrechnungsanweisung
      inpatientReduction: '25', // behandlungsart 1 (stationär), no explicit minderungssatz
      treatmentFrom: '2024-05-06',
      treatmentTo: '2024-05-10',
    });
    expect(adult.responsible).toBeUndefined();
    expect(adult.lines[0]).toMatchObject({ code: '410', factor: '2.3', points: 200, analogDescription: 'Scherwellen-Elastographie der Leber' });
  });

  it('also decodes an ISO-8859-15 rendition of a generated file', () => {
    const g = generatePadnext({ cases: 40, seed: 77 });
    const xml = g.padx.replace('encoding="UTF-8"', 'encoding="ISO-8859-15"');
    const bytes = Buffer.from([...xml].map((ch) => (ch === '€' ? 0xa4 : ch.charCodeAt(0))));
    const parsed = parsePadnext(bytes, 'latin_padx.xml');
    expect(okRecords(parsed).map((r) => r.patient.lastName)).toEqual(g.cases.map((c) => c.patient.lastName));
  });

  it.each([
    ['plain text', 'Hallo, hier die Abrechnung', 'xml', /^not XML: the content starts with 'Hallo/],
    ['empty file', '', 'xml', /^not XML/],
    ['malformed XML', '<rechnungen xmlns="http://padinfo.de/ns/pad">\n<rechnung></rechnungen>', 'xml', /not well-formed XML at line 2, column \d+/],
    ['the order file', '<auftrag xmlns="http://padinfo.de/ns/pad"/>', 'root', /root element is <auftrag>.*order file/],
    ['another root', '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"/>', 'root', /root element is <Document>, expected <rechnungen>/],
    ['wrong namespace', '<rechnungen xmlns="urn:other" anzahl="1"/>', 'root', /namespace 'urn:other'/],
  ])('refuses %s as a whole (record 0, no records)', (_name, content, field, reason) => {
    const parsed = parsePadnext(Buffer.from(content), 'in.xml');
    expect(parsed.records).toEqual([]);
    expect(parsed.fileErrors).toHaveLength(1);
    expect(parsed.fileErrors[0]).toMatchObject({ file: 'in.xml', record: 0, field });
    expect(parsed.fileErrors[0].reason).toMatch(reason);
  });

  it('refuses undecodable bytes and a declared-count mismatch', () => {
    const bad = parsePadnext(Buffer.from([0x3c, 0x61, 0xe4, 0x3e]), 'x.xml');
    expect(bad.fileErrors[0]).toMatchObject({ field: 'encoding' });
    const g = generatePadnext({ cases: 3, seed: 1 });
    const miscounted = parsePadnext(g.padx.replace('anzahl="3"', 'anzahl="4"'), 'x.xml');
    expect(miscounted.fileErrors[0].reason).toMatch(/anzahl="4".*3 <rechnung>/);
  });

  it('refuses a billing file that does not match its order file', () => {
    const g = generatePadnext({ cases: 5, seed: 8 });
    const altered = g.padx.replace(g.cases[0].patient.firstName, 'X' + g.cases[0].patient.firstName);
    const parsed = parsePadnext(Buffer.from(altered), g.padxName, { name: g.aufName, content: Buffer.from(g.auf) });
    expect(parsed.records).toEqual([]);
    expect(parsed.fileErrors.map((e) => e.reason).join('\n')).toMatch(/pruefsumme="[0-9a-f]{40}", the billing file's SHA-1 is [0-9a-f]{40}/);
  });

  it('flags unknown consent states, conflicting doctors and § 6a markers per record', () => {
    const g = generatePadnext({ cases: 3, seed: 4 });
    let xml = g.padx.replace('</abrechnungsfall></rechnung>', '</abrechnungsfall><abrechnungsanweisung>Einwilligung: vielleicht</abrechnungsanweisung></rechnung>');
    // Case 2: an explicit 15 % marker (Belegarzt) and a position by another doctor.
    const second = xml.indexOf('<rechnung ', xml.indexOf('<rechnung ') + 1);
    const head = xml.slice(0, second);
    let tail = xml.slice(second).replace('<behandlungsart>', '<minderungssatz>15</minderungssatz><behandlungsart>');
    tail = tail.replace(/<goziffer ([^>]*)><datum>/, '<goziffer $1><leistungserbringerid>LE9</leistungserbringerid><datum>');
    xml = head + tail;
    const parsed = parsePadnext(xml, 'x.xml');
    expect(errorsOf(parsed, 1)).toEqual([expect.objectContaining({ record: 1, field: 'consent', reason: expect.stringMatching(/unknown consent state 'Einwilligung: vielleicht'/) })]);
    const e2 = errorsOf(parsed, 2);
    expect(e2.map((e) => e.field)).toEqual(['doctor.id']);
    expect(e2[0].reason).toMatch(/line 1 is by leistungserbringer 'LE9'.*one treating doctor/);
    expect(parsed.records[2].ok).toBe(true);
    const onlyReduction = parsePadnext(g.padx.replace('<behandlungsart>', '<minderungssatz>15</minderungssatz><behandlungsart>'), 'x.xml');
    expect(okRecords(onlyReduction)[0].inpatientReduction).toBe('15');
  });
});

describe('parseBillingFile', () => {
  it('routes XML to PADneXt and anything else to CSV; hashes identical content identically', () => {
    const g = generatePadnext({ cases: 2, seed: 1 });
    expect(parseBillingFile(Buffer.from(`\uFEFF  ${g.padx}`), 'upload.dat').format).toBe('padnext');
    expect(parseBillingFile(Buffer.from('fall_id;arzt_id\n'), 'upload.csv').format).toBe('csv');
    const notXml = parseBillingFile(Buffer.from('kein xml'), 'abrechnung.xml');
    expect(notXml.format).toBe('padnext');
    expect(notXml.fileErrors[0].reason).toMatch(/^not XML/);
    expect(sha256Hex(Buffer.from(g.padx))).toBe(sha256Hex(Buffer.from(g.padx)));
    expect(sha256Hex(Buffer.from(g.padx))).toMatch(/^[0-9a-f]{64}$/);
  });
});
