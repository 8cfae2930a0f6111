import { exchangeBody, FileProblem, germanDate, lineFields, LineProblem, positiveAmount, readRecords } from '../exchange-csv';
import { isValidInvoiceNumber } from '../invoice-number';
import { Installment, LawyerReport, LawyerReportBody, UncollectableReason } from './lawyer-report';

/**
 * Reads a lawyer's feedback file (docs/lawyer-exchange.md, "Feedback from the lawyer") in the
 * partners' CSV envelope (domain/exchange-csv.ts): one report per line, a damaged line (bad quoting,
 * a wrong date) becomes a problem with its line, field and reason while the lines beside it are read.
 */

/** A line read into its report, with where it stood. */
export interface ReadReport {
  line: number;
  raw: string;
  report: LawyerReport;
}

export type ParsedFeedback =
  | { ok: true; reports: ReadReport[]; problems: FileProblem[] }
  | { ok: false; problem: FileProblem };

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

export function parseLawyerFeedback(fileName: string, content: Buffer): ParsedFeedback {
  const body = exchangeBody(fileName, content, FEEDBACK_COLUMNS, 'reports');
  if (!body.ok) return body;
  const { records, problems } = readRecords(fileName, body.lines, (raw) => readLine(raw, body.columns), (r) => r.lineId, FEEDBACK_COLUMNS.lineId);
  return { ok: true, reports: records.map(({ line, raw, record }) => ({ line, raw, report: record })), problems };
}

function readLine(raw: string, columns: Record<Column, number>): LawyerReport {
  const { field, required } = lineFields(raw, columns, FEEDBACK_COLUMNS);
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
