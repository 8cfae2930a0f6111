import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { billingFileFormat } from '../../domain/intake/billing-file-format';
import { parseCsv } from '../../domain/intake/csv-parser';
import { fileNotices } from '../../domain/intake/file-notices';
import { invoiceTotalDifferences } from '../../domain/intake/invoice-totals';
import { parseBillingFile } from '../../domain/intake/parse-billing-file';
import { recordOutcome } from '../../domain/intake/record-outcome';
import type { IntakeRecord, ParsedBillingFile } from '../../domain/intake/types';
import { DEFAULT_GOAE_POLICY } from '../../domain/goae/policy';

const FIXTURES = path.resolve(__dirname, '../fixtures/intake');
/** The ISO-8859-15 PADneXt fixture as text (its declaration still says ISO-8859-15). */
const PADX = iconv.decode(readFileSync(path.join(FIXTURES, 'iso-8859-15_padx.xml')), 'iso-8859-15');
const okRecords = (f: ParsedBillingFile): IntakeRecord[] => f.records.flatMap((r) => (r.ok ? [r.record] : []));
const noEarlier = () => ({ claims: new Map<string, string>(), recordsOfFile: new Map<string, number>() });
/** Latin-1 reading of UTF-8 bytes, encoded as UTF-8 again: what a double encoding produces. */
const doubleEncoded = (text: string) => Buffer.from(iconv.decode(Buffer.from(text, 'utf8'), 'windows-1252'), 'utf8');

describe('encodings the bytes contradict', () => {
  it('reads a file declared ISO-8859-15 whose bytes are UTF-8 as UTF-8, and says so', () => {
    const parsed = parseBillingFile(Buffer.from(PADX, 'utf8'), 'x_padx.xml');
    expect(parsed.fileErrors).toEqual([]);
    const [first] = okRecords(parsed);
    expect(first.patient).toMatchObject({ firstName: 'Jörg', address: { city: 'Köln', street: 'Hohe Straße 12a' } });
    expect(parsed.notices).toEqual([{ field: 'encoding', reason: 'the file declares ISO-8859-15, but its bytes are UTF-8: read as UTF-8' }]);
  });

  it('undoes a double UTF-8 encoding of PADneXt and CSV and says so', () => {
    const xml = PADX.replace('encoding="ISO-8859-15"', 'encoding="UTF-8"');
    const parsed = parseBillingFile(doubleEncoded(xml), 'x_padx.xml');
    expect(okRecords(parsed)[0].patient.address.city).toBe('Köln');
    expect(parsed.notices?.[0]?.reason).toMatch(/^the text was encoded as UTF-8 twice \(".*Ã.*"\): the double encoding was undone$/);

    const csv = iconv.decode(readFileSync(path.join(FIXTURES, 'windows-1252.csv')), 'windows-1252').replace(/Köln/g, 'Lüneburg');
    const fromCsv = parseCsv(doubleEncoded(csv), 'x.csv');
    expect(okRecords(fromCsv)[0].patient.address.city).toBe('Lüneburg');
    expect(fromCsv.notices).toHaveLength(1);
  });

  it('leaves correctly encoded files alone: no notice, and genuine "Ã" text is kept', () => {
    const parsed = parseBillingFile(readFileSync(path.join(FIXTURES, 'iso-8859-15_padx.xml')), 'x_padx.xml');
    expect(parsed.notices).toBeUndefined();
    expect(okRecords(parsed)[0].patient.firstName).toBe('Jörg');
    // A real "Ã" beside a real "ü" is not the trace of a double encoding.
    const csv = iconv.decode(readFileSync(path.join(FIXTURES, 'windows-1252.csv')), 'windows-1252').replace('Köln', 'Ã©ville');
    const fromCsv = parseCsv(Buffer.from(csv, 'utf8'), 'x.csv');
    expect(fromCsv.notices).toBeUndefined();
    expect(okRecords(fromCsv)[0].patient.address.city).toBe('Ã©ville');
  });

  it('tells a UTF-16 CSV from UTF-16 XML by the decoded content', () => {
    const csv = iconv.decode(readFileSync(path.join(FIXTURES, 'windows-1252.csv')), 'windows-1252');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(csv, 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(csv, 'utf-16be')]);
    for (const bytes of [le, be]) {
      expect(billingFileFormat(bytes, 'export.txt')).toBe('csv');
      const parsed = parseBillingFile(bytes, 'export.txt');
      expect(parsed.format).toBe('csv');
      expect(okRecords(parsed)[0].patient.address.city).toBe('Köln');
    }
    const xml = PADX.replace('encoding="ISO-8859-15"', 'encoding="UTF-16"');
    expect(billingFileFormat(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(xml, 'utf-16le')]), 'export.txt')).toBe('padnext');
  });
});

describe('amounts the PADneXt file states', () => {
  const withConsent = PADX.replace(/Einwilligung: nein[^<]*/, 'Einwilligung: ja');
  const outcomes = (xml: string) => {
    const parsed = parseBillingFile(Buffer.from(xml.replace('encoding="ISO-8859-15"', 'encoding="UTF-8"'), 'utf8'), 'p_padx.xml');
    return parsed.records.map((r) => recordOutcome(r, noEarlier(), 'p_padx.xml'));
  };

  it('accepts matching amounts without remark; § 6a rounds the reduced fee (34.86 × 0.75 = 26.145 → 26.15)', () => {
    // Case 2 is inpatient (25 %): 410 = 26.81 → 20.11 (20.1075), 8 = 34.86 → 26.15; total 46.26.
    const [first, second] = outcomes(withConsent.replace('<pad:rechnung id="R-2024-001"', '<pad:rechnung aisendbetrag="32.80" id="R-2024-001"').replace('<pad:rechnung id="R-2024-002"', '<pad:rechnung id="R-2024-002" aisendbetrag="46.26"'));
    expect(first).toMatchObject({ kind: 'accepted', totalCents: 3280, warnings: [] });
    expect(second).toMatchObject({ kind: 'accepted', totalCents: 4626, warnings: [] });
  });

  it('warns within the tolerance and rejects above it, naming both amounts', () => {
    const [first, second] = outcomes(
      withConsent
        .replace('<pad:gesamtbetrag>30.60</pad:gesamtbetrag>', '<pad:gesamtbetrag>30.61</pad:gesamtbetrag>')
        .replace('<pad:rechnung id="R-2024-002"', '<pad:rechnung id="R-2024-002" aisendbetrag="46.36"'),
    );
    expect(first).toMatchObject({
      kind: 'accepted',
      warnings: [{ record: 1, field: 'lines[1].amountCents', reason: 'line 1 (GOÄ 3) total before any § 6a reduction: the file states 30,61 EUR, the GOÄ pricing gives 30,60 EUR (difference 0,01 EUR, within the tolerance of 0,01 EUR)' }],
    });
    expect(second).toMatchObject({
      kind: 'rejected',
      errors: [{ record: 2, field: 'totalCents', reason: 'invoice total: the file states 46,36 EUR, the GOÄ pricing gives 46,26 EUR (difference 0,10 EUR, above the tolerance of 0,01 EUR)' }],
    });
  });

  it('takes the tolerance from the policy', () => {
    const parsed = parseBillingFile(Buffer.from(withConsent.replace('<pad:gesamtbetrag>30.60</pad:gesamtbetrag>', '<pad:gesamtbetrag>30.61</pad:gesamtbetrag>'), 'utf8'), 'p_padx.xml');
    const strict = recordOutcome(parsed.records[0], noEarlier(), 'p_padx.xml', { ...DEFAULT_GOAE_POLICY, statedAmountToleranceCents: 0 });
    expect(strict).toMatchObject({ kind: 'rejected', errors: [{ field: 'lines[1].amountCents' }] });
  });
});

describe('the stated total of an invoice holding several cases', () => {
  // R-2024-001 bills the boy (32,80 EUR) and, as a second case, his mother (GOÄ 1: 10,72 EUR).
  const mother =
    '<pad:abrechnungsfall><pad:humanmedizin><pad:leistungserbringerid>LE1</pad:leistungserbringerid>' +
    '<pad:behandelter><pad:vorname>Bärbel</pad:vorname><pad:name>Schäfer</pad:name><pad:gebdatum>1981-04-12</pad:gebdatum><pad:geschlecht>w</pad:geschlecht><pad:verwandtschaft>0</pad:verwandtschaft></pad:behandelter>' +
    '<pad:zeitraum><pad:startdatum>2024-03-04</pad:startdatum><pad:endedatum>2024-03-04</pad:endedatum></pad:zeitraum><pad:behandlungsart>0</pad:behandlungsart><pad:vertragsart>1</pad:vertragsart>' +
    '<pad:positionen posanzahl="1"><pad:goziffer positionsnr="1" go="GOAE" ziffer="1"><pad:datum>2024-03-04</pad:datum><pad:anzahl>1</pad:anzahl><pad:text>Beratung</pad:text><pad:faktor>2.3</pad:faktor><pad:gesamtbetrag>10.72</pad:gesamtbetrag></pad:goziffer></pad:positionen>' +
    '</pad:humanmedizin></pad:abrechnungsfall>';
  const family = (aisendbetrag: string, second = mother) =>
    PADX.replace('encoding="ISO-8859-15"', 'encoding="UTF-8"')
      .replace('<pad:rechnung id="R-2024-001"', `<pad:rechnung aisendbetrag="${aisendbetrag}" id="R-2024-001"`)
      .replace('</pad:abrechnungsfall>\n  </pad:rechnung>', `</pad:abrechnungsfall>${second}\n  </pad:rechnung>`);
  const outcomes = (xml: string) => {
    const parsed = parseBillingFile(Buffer.from(xml, 'utf8'), 'f_padx.xml');
    const totals = invoiceTotalDifferences(parsed.records, 'f_padx.xml');
    return parsed.records.slice(0, 2).map((r) => recordOutcome(r, noEarlier(), 'f_padx.xml', DEFAULT_GOAE_POLICY, totals.get(r.ok ? r.record.recordNo : r.recordNo)));
  };

  it('accepts an invoice whose total is the sum of its cases, without remark', () => {
    const [boy, mum] = outcomes(family('43.52'));
    expect(boy).toMatchObject({ kind: 'accepted', record: { externalId: 'R-2024-001-1' }, totalCents: 3280, warnings: [] });
    expect(mum).toMatchObject({ kind: 'accepted', record: { externalId: 'R-2024-001-2' }, totalCents: 1072, warnings: [] });
  });

  it('reports a difference on each case: a warning within the tolerance, a rejection above it, naming both amounts', () => {
    const reason = (stated: string, diff: string, judged: string) =>
      `total of invoice R-2024-001 (2 cases: R-2024-001-1, R-2024-001-2): the file states ${stated} EUR, the GOÄ pricing gives 43,52 EUR (difference ${diff} EUR, ${judged} the tolerance of 0,01 EUR)`;
    const centOff = outcomes(family('43.53'));
    expect(centOff).toEqual([1, 2].map((record) => expect.objectContaining({ kind: 'accepted', warnings: [{ file: 'f_padx.xml', record, field: 'invoiceTotalCents', reason: reason('43,53', '0,01', 'within') }] })));
    const euroOff = outcomes(family('44.52'));
    expect(euroOff).toEqual([1, 2].map((record) => expect.objectContaining({ kind: 'rejected', errors: [{ file: 'f_padx.xml', record, field: 'invoiceTotalCents', reason: reason('44,52', '1,00', 'above') }] })));
  });

  it('says the total was not checked when a case of the invoice cannot be read, and refuses an unreadable total on every case', () => {
    const [boy, broken] = outcomes(family('43.52', mother.replace(/<pad:positionen[\s\S]*<\/pad:positionen>/, '')));
    expect(broken).toMatchObject({ kind: 'rejected', errors: [expect.objectContaining({ field: 'lines' })] });
    expect(boy).toMatchObject({ kind: 'accepted', warnings: [{ record: 1, field: 'invoiceTotalCents', reason: 'invoice R-2024-001 states a total of 43,52 EUR for its 2 cases, not checked: 1 of its 2 cases could not be read' }] });
    const garbled = outcomes(family('43,52'));
    expect(garbled.map((o) => o.kind)).toEqual(['rejected', 'rejected']);
    expect(garbled[1]).toMatchObject({ errors: [{ field: 'stated.totalCents', reason: expect.stringMatching(/^aisendbetrag .*\(at rechnung\[1\]\/@aisendbetrag\)$/) }] });
  });
});

describe('CSV losses', () => {
  const CSV = iconv.decode(readFileSync(path.join(FIXTURES, 'windows-1252.csv')), 'windows-1252');
  const lines = CSV.split('\r\n').filter((l) => l !== '' && !/^;+$/.test(l));
  const header = lines[0];
  const parse = (text: string) => parseCsv(Buffer.from(text, 'utf8'), 'c.csv');

  it('refuses a file without records, with a hint when its line breaks were lost', () => {
    expect(parse(`${header}\r\n`).fileErrors).toEqual([{ file: 'c.csv', record: 0, field: 'records', reason: 'the file contains no records, only the header' }]);
    const oneLine = parse(lines.join(' '));
    expect(oneLine.records).toEqual([]);
    expect(oneLine.fileErrors[0].reason).toMatch(/the file is a single line: were its line breaks lost\?\)$/);
  });

  it('rejects the case whose last row was cut short and keeps the others', () => {
    const cut = lines.slice(0, 3).join('\r\n') + '\r\n' + lines[3].slice(0, 60);
    const parsed = parse(cut);
    expect(parsed.fileErrors).toEqual([]);
    expect(parsed.records.map((r) => r.ok)).toEqual([true, false]);
    const k200 = parsed.records[1];
    expect(!k200.ok && k200.errors[0]).toMatchObject({ record: 2, field: 'lines', reason: expect.stringMatching(/^row 4: the file ends inside this row/) });
    // The same row complete but without a final line break is fine.
    expect(parse(lines.slice(0, 5).join('\r\n')).records.map((r) => r.ok)).toEqual([true, true]);
  });

  it('checks the optional trailer: a case count that differs refuses the file, a total that differs is a notice', () => {
    const body = lines.slice(0, 5).join('\r\n') + '\r\n';
    expect(parse(`${body}#summe;3;0\r\n`).fileErrors).toEqual([{ file: 'c.csv', record: 0, field: 'trailer', reason: 'row 6: the trailer states 3 cases but the file holds 2: file incomplete?' }]);
    const ok = parse(`${body}#summe;2;99,99\r\n`);
    expect(ok.fileErrors).toEqual([]);
    expect(ok.statedTotalCents).toBe(9999);
    expect(fileNotices(ok, 9999, 0)).toEqual([]);
    expect(fileNotices(ok, 4626, 1)).toEqual([
      { file: 'c.csv', record: 0, field: 'trailer', reason: 'the trailer states a total of 99,99 EUR, the accepted cases come to 46,26 EUR (1 cases were not accepted and are not in that total)' },
    ]);
    expect(parse(`${body}#summe;zwei\r\n`).fileErrors[0]).toMatchObject({ field: 'trailer', reason: expect.stringMatching(/^row 6: the trailer's case count/) });
  });
});
