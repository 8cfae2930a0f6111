import { parse } from 'csv-parse/sync';
import { isoDate } from '../bank/bank-dates';
import { decimalToCents } from '../bank/decimal-cents';
import { isValidInvoiceNumber } from '../invoice-number';
import { Installment, LawyerReport, LawyerReportBody, UncollectableReason } from './lawyer-report';

/**
 * Reads a lawyer's feedback file (docs/lawyer-exchange.md, "Feedback from the lawyer"): semicolon
 * CSV in UTF-8, a header row naming the columns, one report per line, a trailer `ENDE;<count>`.
 * Every line is read on its own, so a damaged line (bad quoting, a wrong date) becomes a problem
 * with its line, field and reason while the lines beside it are read. Only what makes the whole
 * file untrustworthy (not UTF-8, no header, no trailer or a wrong count: a cut-off transfer) refuses
 * the file.
 */

/** Where and why a line (or, with line 0 for the whole, a file) was not taken. */
export interface FeedbackProblem {
  file: string;
  /** Physical line, 1-based; 0 for the file as a whole. */
  line: number;
  field?: string;
  reason: string;
  /** The line as it stood, for staff to review. */
  raw?: string;
}

/** A line read into its report, with where it stood. */
export interface ReadReport {
  line: number;
  raw: string;
  report: LawyerReport;
}

export type ParsedFeedback =
  | { ok: true; reports: ReadReport[]; problems: FeedbackProblem[] }
  | { ok: false; problem: FeedbackProblem };

/** Column names as the header must spell them (any order, case-insensitive). */
export const FEEDBACK_COLUMNS = {
  lineId: 'Meldungs-ID',
  claimId: 'Rechnungsnummer',
  lawyerRef: 'Aktenzeichen',
  code: 'Meldung',
  date: 'Datum',
  amount: 'Betrag',
  reason: 'Grund',
  installments: 'Raten',
} as const;
type Column = keyof typeof FEEDBACK_COLUMNS;

/** The report codes of the `Meldung` column. */
export const REPORT_CODES: Record<string, LawyerReportBody['kind']> = {
  BESTAETIGT: 'acknowledged',
  ZAHLUNG: 'collected',
  RATENZAHLUNG: 'installment_plan',
  MAHNBESCHEID: 'dunning_order',
  TITEL: 'title',
  KOSTEN: 'costs',
  UNEINBRINGLICH: 'uncollectable',
  RUECKGABE: 'returned',
};

/** The `Grund` codes of an UNEINBRINGLICH report. */
export const UNCOLLECTABLE_CODES: Record<string, UncollectableReason> = {
  INSOLVENZ: 'insolvency',
  UNBEKANNT: 'address_unknown',
  VERSTORBEN: 'deceased',
};

const TRAILER = 'ENDE';

class LineProblem extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export function parseLawyerFeedback(fileName: string, content: Buffer): ParsedFeedback {
  const fileProblem = (reason: string, field?: string): ParsedFeedback => ({ ok: false, problem: { file: fileName, line: 0, field, reason } });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    return fileProblem('the file is not UTF-8', 'encoding');
  }
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  if (lines.length === 0) return fileProblem('the file is empty', 'header');

  const columns = headerColumns(lines[0]);
  if (typeof columns === 'string') return fileProblem(columns, 'header');
  const trailerAt = lines.findIndex((l) => l.split(';')[0].trim().toUpperCase() === TRAILER);
  if (trailerAt < 0) return fileProblem(`no trailer line "${TRAILER};<count>": the file may be cut off`, 'trailer');
  if (trailerAt !== lines.length - 1) return fileProblem(`line ${lines.length} follows the trailer (line ${trailerAt + 1})`, 'trailer');
  const body = lines.slice(1, trailerAt).map((raw, i) => ({ raw, line: i + 2 })).filter((l) => l.raw.trim() !== '');
  const stated = lines[trailerAt].split(';')[1]?.trim() ?? '';
  if (!/^\d+$/.test(stated)) return fileProblem(`the trailer's count "${stated}" is not a number`, 'trailer');
  if (Number(stated) !== body.length) return fileProblem(`the trailer counts ${stated} reports, the file has ${body.length}: the file may be incomplete`, 'trailer');

  const reports: ReadReport[] = [];
  const problems: FeedbackProblem[] = [];
  const seen = new Map<string, number>();
  for (const { raw, line } of body) {
    try {
      const report = readLine(raw, columns);
      const earlier = seen.get(report.lineId);
      if (earlier) throw new LineProblem(FEEDBACK_COLUMNS.lineId, `"${report.lineId}" is already the id of line ${earlier}`);
      seen.set(report.lineId, line);
      reports.push({ line, raw, report });
    } catch (e) {
      if (!(e instanceof LineProblem)) throw e;
      problems.push({ file: fileName, line, field: e.field, reason: e.reason, raw });
    }
  }
  return { ok: true, reports, problems };
}

/** The position of each column, or why the header cannot be used. */
function headerColumns(header: string): Record<Column, number> | string {
  const names = header.split(';').map((n) => n.trim().replace(/^"|"$/g, '').toLowerCase());
  const positions = {} as Record<Column, number>;
  const missing: string[] = [];
  for (const [key, name] of Object.entries(FEEDBACK_COLUMNS) as Array<[Column, string]>) {
    const at = names.indexOf(name.toLowerCase());
    if (at < 0) missing.push(name);
    positions[key] = at;
  }
  return missing.length > 0 ? `the header row lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` : positions;
}

function readLine(raw: string, columns: Record<Column, number>): LawyerReport {
  const fields = cells(raw);
  const field = (c: Column) => (fields[columns[c]] ?? '').trim();
  const required = (c: Column) => {
    const v = field(c);
    if (v === '') throw new LineProblem(FEEDBACK_COLUMNS[c], 'missing');
    return v;
  };
  const lineId = required('lineId');
  const claimId = required('claimId');
  if (!isValidInvoiceNumber(claimId)) throw new LineProblem(FEEDBACK_COLUMNS.claimId, `"${claimId}" is not one of our invoice numbers (wrong form or check digits)`);
  const code = required('code').toUpperCase();
  const kind = REPORT_CODES[code];
  if (!kind) throw new LineProblem(FEEDBACK_COLUMNS.code, `unknown report "${code}" (known: ${Object.keys(REPORT_CODES).join(', ')})`);
  const date = germanDate(required('date'), FEEDBACK_COLUMNS.date);
  const lawyerRef = field('lawyerRef') || undefined;
  return { lineId, claimId, date, ...(lawyerRef ? { lawyerRef } : {}), ...reportBody(kind, field, required) };
}

function reportBody(kind: LawyerReportBody['kind'], field: (c: Column) => string, required: (c: Column) => string): LawyerReportBody {
  switch (kind) {
    case 'collected':
    case 'costs':
      return { kind, amountCents: positiveAmount(required('amount'), FEEDBACK_COLUMNS.amount) };
    case 'installment_plan':
      return { kind, installments: installments(required('installments')) };
    case 'uncollectable': {
      const code = required('reason').toUpperCase();
      const reason = UNCOLLECTABLE_CODES[code];
      if (!reason) throw new LineProblem(FEEDBACK_COLUMNS.reason, `unknown reason "${code}" (known: ${Object.keys(UNCOLLECTABLE_CODES).join(', ')})`);
      return { kind, reason };
    }
    case 'returned': {
      const note = field('reason');
      return note ? { kind, note } : { kind };
    }
    default:
      return { kind };
  }
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
function germanDate(raw: string, fieldName: string): string {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(raw);
  const iso = m ? isoDate(Number(m[3]), Number(m[2]), Number(m[1])) : undefined;
  if (!iso) throw new LineProblem(fieldName, `"${raw}" is not a date (dd.mm.yyyy)`);
  return iso;
}

/** Euro with a decimal comma, thousands optionally dotted ("1.234,56"); more than zero. */
function positiveAmount(raw: string, fieldName: string): number {
  const plain = /^\d{1,3}(\.\d{3})+(,\d*)?$/.test(raw) ? raw.replace(/\./g, '') : raw;
  const result = decimalToCents(plain, ',');
  if (!result.ok) throw new LineProblem(fieldName, result.reason);
  if (result.cents <= 0) throw new LineProblem(fieldName, `"${raw}" is not a positive amount`);
  return result.cents;
}

/** `dd.mm.yyyy=amount` pairs separated by `|`, in date order. */
function installments(raw: string): Installment[] {
  const field = FEEDBACK_COLUMNS.installments;
  const plan = raw.split('|').map((part, i) => {
    const [date, amount, extra] = part.split('=').map((s) => s.trim());
    if (amount === undefined || extra !== undefined) throw new LineProblem(field, `installment ${i + 1} "${part}" is not "dd.mm.yyyy=amount"`);
    return { dueDate: germanDate(date, `${field}[${i + 1}]`), amountCents: positiveAmount(amount, `${field}[${i + 1}]`) };
  });
  if (plan.some((p, i) => i > 0 && p.dueDate <= plan[i - 1].dueDate)) throw new LineProblem(field, 'the installments are not in date order');
  return plan;
}
