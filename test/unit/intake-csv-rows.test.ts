import { parse } from 'csv-parse/sync';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { generateCsv } from '../../bench/gen/csv-generator';
import { csvRows } from '../../domain/intake/csv-rows';
import { decodeCsv } from '../../domain/intake/decode';
import { parseCsv } from '../../domain/intake/csv-parser';

const FIXTURES = path.resolve(__dirname, '../fixtures/intake');
const rowsOf = (text: string) => {
  const r = csvRows(text);
  if (!r.ok) throw new Error(r.reason);
  return r.rows;
};

describe('csvRows: the documented CSV split into rows of cells', () => {
  it('splits by semicolon and CRLF, LF or (in a file without LF) CR, without an empty row after the last line break', () => {
    expect(rowsOf('a;b;c\r\n1;2;3\r\n')).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
    expect(rowsOf('a;b\n1;2')).toEqual([['a', 'b'], ['1', '2']]);
    expect(rowsOf('a;b\r1;2\r')).toEqual([['a', 'b'], ['1', '2']]);
    expect(rowsOf('a;b\n\n;;\n1')).toEqual([['a', 'b'], [''], ['', '', ''], ['1']]);
  });

  it('reads quoted cells: semicolons, line breaks and doubled quotes are text; a quote inside an unquoted cell is text', () => {
    const text = 'fall_id;text;betrag\r\n1;"Verband; steril, ""Größe M""";12,50\r\n2;"zwei\r\nZeilen";3\r\n3;Zoll 3";4\n4;"";5';
    expect(rowsOf(text)).toEqual([
      ['fall_id', 'text', 'betrag'],
      ['1', 'Verband; steril, "Größe M"', '12,50'],
      ['2', 'zwei\r\nZeilen', '3'],
      ['3', 'Zoll 3"', '4'],
      ['4', '', '5'],
    ]);
  });

  it('refuses a quote left open and a closing quote followed by text, naming row, column and why', () => {
    expect(csvRows('a;b\n1;"offen\n2;3\n')).toEqual({ ok: false, reason: `row 2, column 2: the quoted cell opened at character 7 is never closed (a missing '"', or the file was cut short)` });
    expect(csvRows('a;b\n1;"zu"x;2\n')).toEqual({ ok: false, reason: `row 2, column 2: the quoted cell is closed by '"' but followed by 'x' instead of ';' or a line break (a quote inside a quoted cell must be doubled: "")` });
    expect(parseCsv('fall_id;arzt_id\n1;"offen', 'x.csv').fileErrors).toEqual([{ file: 'x.csv', record: 0, field: 'csv', reason: expect.stringMatching(/^not readable as semicolon-separated CSV: row 2, column 2: the quoted cell/) }]);
  });

  it('gives the rows csv-parse gave (relaxed) for generated files, with short rows, and every CSV fixture', () => {
    const { csv } = generateCsv({ cases: 300, seed: 17 });
    const texts = [csv, csv.replace(/;+(?=\r?\n)/g, ''), ...readdirSync(FIXTURES).filter((f) => f.endsWith('.csv')).map((f) => (decodeCsv(readFileSync(path.join(FIXTURES, f))) as { text: string }).text)];
    for (const text of texts) {
      const expected = parse(text, { delimiter: ';', relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
      expect(rowsOf(text)).toEqual(expected);
    }
  });

  it('reads a file of short rows (trailing empty cells left off) exactly as the same file with full rows', () => {
    const { csv } = generateCsv({ cases: 200, seed: 23 });
    const full = parseCsv(csv, 'f.csv');
    const short = parseCsv(csv.replace(/;+(?=\r?\n)/g, ''), 'f.csv');
    expect(short).toEqual(full);
    expect(full.records.length).toBe(200);
  });
});
