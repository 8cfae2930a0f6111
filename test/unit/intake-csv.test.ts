import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateCsv } from '../../bench/gen/csv-generator';
import { parseCsv } from '../../domain/intake/csv-parser';
import { parseFactor, parseFlexibleDate, parseGermanAmount } from '../../domain/intake/values';
import type { IntakeRecord, ParsedBillingFile } from '../../domain/intake/types';
import { expectedRecord } from '../fixtures/intake/expected';

const FIXTURES = path.resolve(__dirname, '../fixtures/intake');
const okRecords = (f: ParsedBillingFile): IntakeRecord[] => f.records.flatMap((r) => (r.ok ? [r.record] : []));

describe('CSV generator + parseCsv', () => {
  it('round-trips generated cases (UTF-8 with BOM, dd.mm.yyyy, decimal commas)', () => {
    const { csv, cases } = generateCsv({ cases: 250, seed: 2024 });
    expect(csv.startsWith('\uFEFFfall_id;arzt_id;')).toBe(true);
    expect(csv).toMatch(/;goae;\d+;\d{2}\.\d{2}\.2024;\d;2,3;/);
    const parsed = parseCsv(Buffer.from(csv, 'utf8'), 'gen.csv');
    expect(parsed.fileErrors).toEqual([]);
    expect(parsed.format).toBe('csv');
    const records = okRecords(parsed);
    expect(records).toHaveLength(250);
    cases.forEach((c, i) => {
      expect(records[i]).toMatchObject(expectedRecord(c, i + 1));
      if (!c.responsible) expect(records[i].responsible).toBeUndefined();
    });
  });

  // Its speed is the benchmarks' concern (bench:intake), not a timed test's.
  it('generates 10,000 cases deterministically', () => {
    const a = generateCsv({ cases: 10_000, seed: 1 });
    expect(generateCsv({ cases: 50, seed: 1 }).csv).toBe(generateCsv({ cases: 50, seed: 1 }).csv);
    expect(a.cases).toHaveLength(10_000);
  });

  it('reports broken cases with row numbers and keeps the good ones', () => {
    const { csv, cases } = generateCsv({ cases: 24, seed: 9, brokenEvery: 4 });
    const parsed = parseCsv(csv, 'broken.csv');
    expect(okRecords(parsed)).toHaveLength(18);
    let row = 2;
    cases.forEach((c, i) => {
      const rec = parsed.records[i];
      expect(rec.ok).toBe(!c.broken);
      const firstRow = row;
      row += c.lines.length;
      if (rec.ok) return;
      expect(rec.externalId).toBe(c.invoiceId);
      expect(rec.errors).toHaveLength(1);
      const [e] = rec.errors;
      expect(e).toMatchObject({ file: 'broken.csv', record: i + 1 });
      const lineIdx = c.lines.reduce((last, l, k) => (l.kind === 'fee' ? k : last), 0);
      if (c.broken === 'missing-patient-name') expect(e).toMatchObject({ field: 'patient.lastName', reason: `row ${firstRow}: patient_nachname is empty` });
      else if (c.broken === 'invalid-date') expect(e).toMatchObject({ field: `lines[${lineIdx + 1}].date`, reason: expect.stringMatching(new RegExp(`^row ${firstRow + lineIdx}: datum '30\\.02\\.2024' is not a valid calendar date`)) });
      else expect(e).toMatchObject({ field: `lines[${lineIdx + 1}].factor`, reason: `row ${firstRow + lineIdx}: faktor 'abc' is not a decimal factor (e.g. 2,3 or 2.3)` });
    });
  });

  it('reads a Windows-1252 Excel export: €, umlauts, quoted semicolons, mixed date styles, bad rows', () => {
    const parsed = parseCsv(readFileSync(path.join(FIXTURES, 'windows-1252.csv')), 'windows-1252.csv');
    expect(parsed.fileErrors).toEqual([]);
    expect(parsed.records).toHaveLength(3);
    const [k100, k200] = okRecords(parsed);
    expect(k100).toMatchObject({
      externalId: 'K-100',
      doctor: { id: 'ARZT-1', name: 'Dr. med. Jürgen Größer' },
      patient: { firstName: 'Jörg', lastName: 'Schäfer', birthDate: '2015-09-30', address: { street: 'Hohe Straße 12a', city: 'Köln', country: 'DE' } },
      responsible: { salutation: 'Frau', firstName: 'Bärbel', lastName: 'Schäfer' },
      consent: true,
      inpatientReduction: 'none',
      treatmentFrom: '2024-03-04',
      treatmentTo: '2024-03-05',
    });
    expect(k100.lines).toEqual([
      { kind: 'fee', code: '3', date: '2024-03-04', factor: '3.5', count: 1, justification: 'Überdurchschnittlicher Zeitaufwand', text: 'Eingehende Beratung' },
      { kind: 'expense', date: '2024-03-05', text: 'Porto; Befundversand à 1,10 €', amountCents: 110, count: 2 },
    ]);
    expect(k200).toMatchObject({ consent: false, inpatientReduction: '25', patient: { address: { country: 'AT' } }, treatmentFrom: '2024-05-06' });
    expect(k200.lines).toMatchObject([
      { code: '410', date: '2024-05-07', factor: '2.3', analogDescription: 'Scherwellen-Elastographie der Leber' },
      { code: '8', date: '2024-05-06', factor: '2.3', count: 1 },
    ]);
    const bad = parsed.records[2];
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.map((e) => [e.field, e.reason])).toEqual([
      ['patient.lastName', "row 7: patient_nachname 'Meyer' differs from 'Weiß' in row 6 of the same case"],
      ['consent', "row 6: einwilligung 'vielleicht' is not ja or nein"],
      ['lines[1].date', "row 6: datum '31.02.2024' is not a valid calendar date"],
      ['lines[1].factor', "row 6: faktor 'abc' is not a decimal factor (e.g. 2,3 or 2.3)"],
      ['lines[2].text', 'row 7: text is empty: an expense needs a description'],
      ['lines[2].amountCents', "row 7: betrag amount '1.234' is ambiguous: write 1234,00 or 1.234,00"],
    ]);
  });

  it('flags missing consent, unknown line kinds and rows without a case id', () => {
    const csv = [
      'fall_id;arzt_id;patient_vorname;patient_nachname;patient_strasse;patient_plz;patient_ort;einwilligung;art;ziffer;datum;faktor;betrag',
      'A1;D1;Eva;Ernst;Weg 1;12345;Ort;;goae;1;01.02.2024;2,3;',
      'A1;D1;Eva;Ernst;Weg 1;12345;Ort;;labor;3550;01.02.2024;1,15;',
      ';D1;Eva;Ernst;Weg 1;12345;Ort;ja;goae;1;01.02.2024;2,3;',
    ].join('\n');
    const parsed = parseCsv(csv, 'x.csv');
    expect(parsed.records).toHaveLength(2);
    expect(parsed.records[0]).toMatchObject({ ok: false, errors: [
      { field: 'consent', reason: 'row 2: einwilligung is empty: consent state unknown' },
      { field: 'lines[2].kind', reason: "row 3: art 'labor' is not goae or auslage" },
    ] });
    expect(parsed.records[1]).toMatchObject({ ok: false, recordNo: 2, errors: [{ field: 'externalId', reason: 'row 4: fall_id is empty, the row belongs to no case' }] });
  });

  it.each([
    ['a comma-separated file', 'fall_id,arzt_id,patient_vorname\nA,B,C\n', 'header', /commas/],
    ['missing required columns', 'fall_id;arzt_id;patient_vorname\nA;B;C\n', 'header', /required columns missing from the header: patient_nachname, patient_strasse/],
    ['an empty file', '', 'header', /header/],
  ])('refuses %s as a whole', (_name, content, field, reason) => {
    const parsed = parseCsv(Buffer.from(content), 'x.csv');
    expect(parsed.records).toEqual([]);
    expect(parsed.fileErrors[0]).toMatchObject({ file: 'x.csv', record: 0, field });
    expect(parsed.fileErrors[0].reason).toMatch(reason);
  });
});

describe('German value formats', () => {
  it.each([
    ['12,50', 1250], ['12,5', 1250], ['0,05', 5], ['1.234,56', 123456], ['12.50', 1250], ['7', 700], ['12,50 €', 1250], ['3,87 EUR', 387],
  ])('amount %s → %i cents', (raw, cents) => expect(parseGermanAmount(raw)).toEqual({ ok: true, value: cents }));

  it.each(['1.234', '12,505', '-3,00', 'zwölf', '1,2,3', ''])('refuses amount %s', (raw) => expect(parseGermanAmount(raw).ok).toBe(false));

  it('normalises factors and dates', () => {
    expect(parseFactor('2,3', true)).toEqual({ ok: true, value: '2.3' });
    expect(parseFactor('2.30', true)).toEqual({ ok: true, value: '2.3' });
    expect(parseFactor('1,15', true)).toEqual({ ok: true, value: '1.15' });
    expect(parseFactor('3', true)).toEqual({ ok: true, value: '3.0' });
    expect(parseFactor('2,3', false).ok).toBe(false);
    expect(parseFactor('0,0', true).ok).toBe(false);
    expect(parseFlexibleDate('4.3.2024')).toEqual({ ok: true, value: '2024-03-04' });
    expect(parseFlexibleDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseFlexibleDate('29.02.2023').ok).toBe(false);
    expect(parseFlexibleDate('03/04/2024').ok).toBe(false);
  });
});
