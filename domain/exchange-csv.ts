import { parse } from 'csv-parse/sync';
import { isoDate } from './bank/bank-dates';
import { decimalToCents } from './bank/decimal-cents';

/**
 * The envelope of the files partners send back (the lawyer's feedback, the factor's answers):
 * semicolon CSV in UTF-8, a header row naming the columns (any order, case-insensitive), one
 * record per line, a trailer `ENDE;<count>`. Only what makes the whole file untrustworthy (not
 * UTF-8, no header, no trailer or a wrong count: a cut-off transfer) refuses the file; each line is
 * then read on its own, so a damaged line becomes a problem beside good ones.
 */

/** Where and why a line (or, with line 0 for the whole, a file) was not taken. */
export interface FileProblem {
  file: string;
  /** Physical line, 1-based; 0 for the file as a whole. */
  line: number;
  field?: string;
  reason: string;
  /** The line as it stood, for staff to review. */
  raw?: string;
}

/** A line's fault, naming the field; thrown by a line reader, caught per line. */
export class LineProblem extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const TRAILER = 'ENDE';

export type ExchangeBody<C extends string> = { ok: true; columns: Record<C, number>; lines: Array<{ raw: string; line: number }> } | { ok: false; problem: FileProblem };

/** Checks the envelope (`noun` names the records in messages); returns the column positions and the non-empty record lines. */
export function exchangeBody<C extends string>(fileName: string, content: Buffer, columnNames: Record<C, string>, noun: string): ExchangeBody<C> {
  const fileProblem = (reason: string, field?: string): ExchangeBody<C> => ({ ok: false, problem: { file: fileName, line: 0, field, reason } });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    return fileProblem('the file is not UTF-8', 'encoding');
  }
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  if (lines.length === 0) return fileProblem('the file is empty', 'header');

  const columns = headerColumns(lines[0], columnNames);
  if (typeof columns === 'string') return fileProblem(columns, 'header');
  const trailerAt = lines.findIndex((l) => l.split(';')[0].trim().toUpperCase() === TRAILER);
  if (trailerAt < 0) return fileProblem(`no trailer line "${TRAILER};<count>": the file may be cut off`, 'trailer');
  if (trailerAt !== lines.length - 1) return fileProblem(`line ${lines.length} follows the trailer (line ${trailerAt + 1})`, 'trailer');
  const body = lines.slice(1, trailerAt).map((raw, i) => ({ raw, line: i + 2 })).filter((l) => l.raw.trim() !== '');
  const stated = lines[trailerAt].split(';')[1]?.trim() ?? '';
  if (!/^\d+$/.test(stated)) return fileProblem(`the trailer's count "${stated}" is not a number`, 'trailer');
  if (Number(stated) !== body.length) return fileProblem(`the trailer counts ${stated} ${noun}, the file has ${body.length}: the file may be incomplete`, 'trailer');
  return { ok: true, columns, lines: body };
}

/**
 * Reads each body line with `read`; a line whose id (`idOf`) an earlier line of the file used is a
 * problem too. Returns the records with their lines and the problems.
 */
export function readRecords<T>(fileName: string, lines: Array<{ raw: string; line: number }>, read: (raw: string) => T, idOf: (t: T) => string, idField: string) {
  const records: Array<{ line: number; raw: string; record: T }> = [];
  const problems: FileProblem[] = [];
  const seen = new Map<string, number>();
  for (const { raw, line } of lines) {
    try {
      const record = read(raw);
      const earlier = seen.get(idOf(record));
      if (earlier) throw new LineProblem(idField, `"${idOf(record)}" is already the id of line ${earlier}`);
      seen.set(idOf(record), line);
      records.push({ line, raw, record });
    } catch (e) {
      if (!(e instanceof LineProblem)) throw e;
      problems.push({ file: fileName, line, field: e.field, reason: e.reason, raw });
    }
  }
  return { records, problems };
}

/** The position of each column, or why the header cannot be used. */
function headerColumns<C extends string>(header: string, columnNames: Record<C, string>): Record<C, number> | string {
  const names = header.split(';').map((n) => n.trim().replace(/^"|"$/g, '').toLowerCase());
  const positions = {} as Record<C, number>;
  const missing: string[] = [];
  for (const [key, name] of Object.entries(columnNames) as Array<[C, string]>) {
    const at = names.indexOf(name.toLowerCase());
    if (at < 0) missing.push(name);
    positions[key] = at;
  }
  return missing.length > 0 ? `the header row lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` : positions;
}

/** A line's fields by column, and the same demanding a value. */
export function lineFields<C extends string>(raw: string, columns: Record<C, number>, columnNames: Record<C, string>) {
  const fields = cells(raw);
  const field = (c: C) => (fields[columns[c]] ?? '').trim();
  const required = (c: C) => {
    const v = field(c);
    if (v === '') throw new LineProblem(columnNames[c], 'missing');
    return v;
  };
  return { field, required };
}

/** The cells of one line; the CSV reader only for a line with quotes (most have none, and it costs 50 times a split). */
function cells(raw: string): string[] {
  if (!raw.includes('"')) return raw.split(';');
  try {
    return (parse(raw, { delimiter: ';', relax_column_count: true }) as string[][])[0];
  } catch (e) {
    throw new LineProblem('line', `not a semicolon CSV line: ${(e as Error).message}`);
  }
}

/** dd.mm.yyyy, a real calendar day. */
export function germanDate(raw: string, fieldName: string): string {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(raw);
  const iso = m ? isoDate(Number(m[3]), Number(m[2]), Number(m[1])) : undefined;
  if (!iso) throw new LineProblem(fieldName, `"${raw}" is not a date (dd.mm.yyyy)`);
  return iso;
}

/** Euro with a decimal comma, thousands optionally dotted ("1.234,56"); more than zero. */
export function positiveAmount(raw: string, fieldName: string): number {
  const plain = /^\d{1,3}(\.\d{3})+(,\d*)?$/.test(raw) ? raw.replace(/\./g, '') : raw;
  const result = decimalToCents(plain, ',');
  if (!result.ok) throw new LineProblem(fieldName, result.reason);
  if (result.cents <= 0) throw new LineProblem(fieldName, `"${raw}" is not a positive amount`);
  return result.cents;
}
