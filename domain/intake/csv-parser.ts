import type { InpatientReduction, IntakeAddress, IntakeLine, IntakePerson, IntakeRecord, ParsedBillingFile, ParsedRecord } from './types';
import { CASE_COLUMNS, CSV_COLUMNS, FIELD_OF, REQUIRED_CSV_COLUMNS, type CsvColumn } from './csv-columns';
import { csvRows } from './csv-rows';
import { decodeCsv } from './decode';
import { RecordErrors, fileError } from './record-errors';
import { parseFactor, parseFlexibleDate, parseGermanAmount, parsePositiveInt } from './values';

/**
 * Semicolon-separated CSV (German Excel) → IntakeRecords; format in docs/csv-format.md.
 * Rows are grouped by fall_id into records, numbered in order of each case's first row.
 * Error fields are normalised IntakeRecord paths (lines[n] 1-based within the case); reasons start
 * with the spreadsheet row number ("row 7: ..."; the header is row 1).
 */

/** One data row: its spreadsheet row number and its trimmed cells by column (a prototype method, not a closure per row: files have 100,000s of rows). */
class Row {
  constructor(
    readonly row: number,
    private readonly cells: string[],
    private readonly index: Map<CsvColumn, number>,
  ) {}

  get(c: CsvColumn): string {
    const i = this.index.get(c);
    return i === undefined ? '' : (this.cells[i] ?? '').trim();
  }
}

export function parseCsv(text: string | Buffer, fileName: string): ParsedBillingFile {
  const result: ParsedBillingFile = { format: 'csv', fileName, records: [], fileErrors: [] };
  const fail = (field: string, reason: string) => ((result.fileErrors = [fileError(fileName, field, reason)]), result);
  let content: string;
  if (typeof text === 'string') content = text.replace(/^\uFEFF/, '');
  else {
    const decoded = decodeCsv(text);
    if (!decoded.ok) return fail('encoding', decoded.reason);
    content = decoded.text;
    if (decoded.notice) result.notices = [{ field: 'encoding', reason: decoded.notice }];
  }

  const split = csvRows(content);
  if (!split.ok) return fail('csv', `not readable as semicolon-separated CSV: ${split.reason}`);
  const rows = split.rows;
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  if (header.length < 2) {
    const hint = (rows[0]?.[0] ?? '').includes(',') ? ' (the header contains commas: save as "CSV (Semikolon-getrennt)")' : '';
    return fail('header', `the first row must be a header of semicolon-separated column names${hint}`);
  }
  const missing = REQUIRED_CSV_COLUMNS.filter((c) => !header.includes(c));
  const hint = /[\r\n]/.test(content) ? '' : ' (the file is a single line: were its line breaks lost?)';
  if (missing.length) {
    return fail('header', `required columns missing from the header: ${missing.join(', ')}${hint}`);
  }
  const index = new Map<CsvColumn, number>();
  for (const c of CSV_COLUMNS) if (header.includes(c)) index.set(c, header.indexOf(c));

  const dataRows = rows.slice(1).map((cells, i) => ({ cells, row: i + 2 })).filter(({ cells }) => !cells.every((c) => c.trim() === '')); // Excel's trailing ;;;; rows
  const trailer = dataRows.length && isTrailer(dataRows[dataRows.length - 1].cells) ? readTrailer(dataRows.pop()!) : undefined;
  if (trailer && !trailer.ok) return fail('trailer', trailer.reason);
  if (dataRows.length === 0) {
    return fail('records', `the file contains no records, only the header${hint}`);
  }
  // A file cut off in transfer ends inside a row: fewer cells than the header and no line break.
  const last = dataRows[dataRows.length - 1];
  const truncatedRow = !/[\r\n]$/.test(content) && last.cells.length < header.length ? last.row : undefined;

  // Group rows by case id, keeping the order in which cases first appear.
  const cases = new Map<string, Row[]>();
  const orphanRows: number[] = [];
  for (const { cells, row: rowNo } of dataRows) {
    const row = new Row(rowNo, cells, index);
    const id = row.get('fall_id');
    if (!id) orphanRows.push(row.row);
    else {
      if (!cases.has(id)) cases.set(id, []);
      cases.get(id)!.push(row);
    }
  }
  if (trailer && trailer.cases !== cases.size + orphanRows.length) {
    return fail('trailer', `row ${trailer.row}: the trailer states ${trailer.cases} cases but the file holds ${cases.size + orphanRows.length}: file incomplete?`);
  }
  if (trailer) result.statedTotalCents = trailer.totalCents;

  let recordNo = 0;
  for (const [id, caseRows] of cases) {
    const parsed = parseCase(fileName, ++recordNo, id, caseRows);
    if (truncatedRow !== undefined && caseRows.some((r) => r.row === truncatedRow)) result.records.push(truncated(parsed, fileName, truncatedRow, header.length));
    else result.records.push(parsed);
  }
  for (const row of orphanRows) {
    const errs = new RecordErrors(fileName, ++recordNo);
    errs.add('externalId', `row ${row}: fall_id is empty, the row belongs to no case`);
    result.records.push({ ok: false, recordNo, errors: errs.list });
  }
  return result;
}

/** The case holding a row cut short by a truncated transfer is incomplete: rejected, whatever else it says. */
function truncated(parsed: ParsedRecord, fileName: string, row: number, columns: number): ParsedRecord {
  const errs = new RecordErrors(fileName, parsed.ok ? parsed.record.recordNo : parsed.recordNo);
  errs.add('lines', `row ${row}: the file ends inside this row (fewer than the ${columns} columns of the header, no line break): the file was cut short, the case is incomplete`);
  if (parsed.ok) return { ok: false, recordNo: parsed.record.recordNo, externalId: parsed.record.externalId, errors: errs.list };
  return { ...parsed, errors: [...errs.list, ...parsed.errors] };
}

const TRAILER_MARK = '#summe';

function isTrailer(cells: string[]): boolean {
  return cells[0]?.trim().toLowerCase() === TRAILER_MARK;
}

/** The optional last row "#summe;<cases>;<total>": how many cases the sender wrote and their total in euros. */
function readTrailer({ cells, row }: { cells: string[]; row: number }): { ok: true; row: number; cases: number; totalCents?: number } | { ok: false; reason: string } {
  const count = parsePositiveInt(cells[1]?.trim() ?? '', 10_000_000);
  if (!count.ok) return { ok: false, reason: `row ${row}: the trailer's case count ${count.reason}` };
  const rawTotal = cells[2]?.trim() ?? '';
  if (!rawTotal) return { ok: true, row, cases: count.value };
  const total = parseGermanAmount(rawTotal);
  if (!total.ok) return { ok: false, reason: `row ${row}: the trailer's total ${total.reason}` };
  return { ok: true, row, cases: count.value, totalCents: total.value };
}

function parseCase(fileName: string, recordNo: number, externalId: string, rows: Row[]): ParsedRecord {
  const errs = new RecordErrors(fileName, recordNo);
  const value = caseValues(rows, errs);
  const v = (c: CsvColumn) => value.get(c)?.value ?? '';
  const at = (c: CsvColumn) => `row ${value.get(c)?.row ?? rows[0].row}`;
  const need = (c: CsvColumn) => {
    if (!v(c)) errs.add(FIELD_OF[c], `${at(c)}: ${c} is empty`);
    return v(c);
  };
  const date = (c: CsvColumn): string | undefined => {
    if (!v(c)) return undefined;
    const d = parseFlexibleDate(v(c));
    return d.ok ? d.value : void errs.add(FIELD_OF[c], `${at(c)}: ${c} ${d.reason}`);
  };
  const address = (p: 'patient' | 'zahler'): IntakeAddress => {
    const country = (v(`${p}_land`) || 'DE').toUpperCase();
    if (!/^[A-Z]{2}$/.test(country)) errs.add(FIELD_OF[`${p}_land`], `${at(`${p}_land`)}: ${p}_land '${v(`${p}_land`)}' is not an ISO country code like DE`);
    return { street: need(`${p}_strasse`), postalCode: need(`${p}_plz`), city: need(`${p}_ort`), country };
  };
  const person = (p: 'patient' | 'zahler'): IntakePerson => {
    const out: IntakePerson = { firstName: p === 'patient' ? need('patient_vorname') : v('zahler_vorname'), lastName: need(`${p}_nachname`), address: address(p) };
    const optional = { salutation: v(`${p}_anrede`), title: v(`${p}_titel`), birthDate: date(`${p}_geburtsdatum`), email: v(`${p}_email`) };
    for (const [k, val] of Object.entries(optional)) if (val) (out as unknown as Record<string, string>)[k] = val;
    return out;
  };

  const doctorId = need('arzt_id');
  const patient = person('patient');
  const hasPayer = (['zahler_vorname', 'zahler_nachname', 'zahler_strasse', 'zahler_plz', 'zahler_ort'] as const).some((c) => v(c));
  const responsible = hasPayer ? person('zahler') : undefined;
  const consent = yesNo(v('einwilligung'));
  if (consent === undefined) {
    errs.add('consent', `${at('einwilligung')}: einwilligung ${v('einwilligung') ? `'${v('einwilligung')}' is not ja or nein` : 'is empty: consent state unknown'}`);
  }
  const reduction = reductionOf(v('minderung'));
  if (!reduction) errs.add('inpatientReduction', `${at('minderung')}: minderung '${v('minderung')}' is not 0, 15 or 25`);

  const lines = rows.map((row, i) => parseLine(row, i + 1, errs)).filter((l): l is IntakeLine => l !== undefined);
  const dates = lines.map((l) => l.date).sort();
  const treatmentFrom = date('behandlung_von') ?? dates[0];
  const treatmentTo = date('behandlung_bis') ?? dates[dates.length - 1];
  if (treatmentFrom && treatmentTo && treatmentTo < treatmentFrom) {
    errs.add('treatmentTo', `${at('behandlung_bis')}: behandlung_bis ${treatmentTo} is before behandlung_von ${treatmentFrom}`);
  }
  if (!errs.empty || !treatmentFrom || !treatmentTo) return { ok: false, recordNo, externalId, errors: errs.list };

  const record: IntakeRecord = {
    recordNo,
    externalId,
    doctor: { id: doctorId, name: v('arzt_name') },
    patient,
    consent: consent === true,
    inpatientReduction: reduction!,
    treatmentFrom,
    treatmentTo,
    lines,
  };
  if (responsible) record.responsible = responsible;
  if (v('diagnose')) record.diagnosis = v('diagnose');
  return { ok: true, record };
}

/** First non-empty value of each case column; a different non-empty value on a later row is an error. */
function caseValues(rows: Row[], errs: RecordErrors): Map<CsvColumn, { value: string; row: number }> {
  const values = new Map<CsvColumn, { value: string; row: number }>();
  for (const row of rows) {
    for (const c of CASE_COLUMNS) {
      const value = row.get(c);
      if (!value) continue;
      const first = values.get(c);
      if (!first) values.set(c, { value, row: row.row });
      else if (first.value !== value) errs.add(FIELD_OF[c], `row ${row.row}: ${c} '${value}' differs from '${first.value}' in row ${first.row} of the same case`);
    }
  }
  return values;
}

function yesNo(raw: string): boolean | undefined {
  const s = raw.toLowerCase();
  if (['ja', 'j', 'yes', 'y', 'true', 'wahr', 'x', '1'].includes(s)) return true;
  if (['nein', 'n', 'no', 'false', 'falsch', '0'].includes(s)) return false;
  return undefined;
}

function reductionOf(raw: string): InpatientReduction | undefined {
  const s = raw.toLowerCase().replace(/\s*%$/, '');
  if (['', '0', 'keine', 'nein', 'ambulant'].includes(s)) return 'none';
  return s === '25' || s === '15' ? s : undefined;
}

function parseLine(row: Row, n: number, errs: RecordErrors): IntakeLine | undefined {
  const before = errs.list.length;
  const field = (c: CsvColumn) => `lines[${n}].${FIELD_OF[c]}`;
  const err = (c: CsvColumn, reason: string) => errs.add(field(c), `row ${row.row}: ${reason}`);
  const kind = row.get('art').toLowerCase();
  const d = parseFlexibleDate(row.get('datum'));
  if (!d.ok) err('datum', row.get('datum') ? `datum ${d.reason}` : 'datum is empty');
  const countRaw = row.get('anzahl') || '1';
  const count = parsePositiveInt(countRaw);
  if (!count.ok) err('anzahl', `anzahl ${count.reason}`);
  const text = row.get('text');

  if (kind === 'goae' || kind === 'goä') {
    const code = row.get('ziffer').replace(/^nr\.?\s*/i, '');
    if (!code) err('ziffer', 'ziffer is empty');
    else if (!/^[0-9]{1,5}[a-z]?$|^[A-O]$/i.test(code)) err('ziffer', `ziffer '${code}' is not a GOÄ number like 1, 250a or A`);
    const factor = parseFactor(row.get('faktor'), true);
    if (!factor.ok) err('faktor', row.get('faktor') ? `faktor ${factor.reason}` : 'faktor is empty');
    if (row.get('betrag')) err('betrag', 'betrag is only for art=auslage; a GOÄ fee is priced from ziffer and faktor');
    if (errs.list.length !== before || !d.ok || !count.ok || !factor.ok) return undefined;
    const line: IntakeLine = { kind: 'fee', code, date: d.value, factor: factor.value, count: count.value };
    if (row.get('begruendung')) line.justification = row.get('begruendung');
    if (row.get('analog_beschreibung')) line.analogDescription = row.get('analog_beschreibung');
    if (text) line.text = text;
    return line;
  }
  if (kind === 'auslage' || kind === 'auslagen') {
    if (!text) err('text', 'text is empty: an expense needs a description');
    const amount = parseGermanAmount(row.get('betrag'));
    if (!amount.ok) err('betrag', row.get('betrag') ? `betrag ${amount.reason}` : 'betrag is empty');
    if (errs.list.length !== before || !d.ok || !count.ok || !amount.ok) return undefined;
    return { kind: 'expense', date: d.value, text, amountCents: amount.value, count: count.value };
  }
  err('art', kind ? `art '${row.get('art')}' is not goae or auslage` : 'art is empty (goae or auslage)');
  return undefined;
}
