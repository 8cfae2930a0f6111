import { exchangeBody, FileProblem, lineFields, LineProblem, positiveAmount, readRecords } from '../exchange-csv';
import { isValidInvoiceNumber } from '../invoice-number';

/**
 * Reads a factor's answer file (docs/refinancing-factor.md, "Answer file") in the partners' CSV
 * envelope (domain/exchange-csv.ts): one answer per line, a claim bought at the factor's price or
 * rejected with a reason. A damaged line becomes a problem with its line, field and reason.
 */

export type FactorAnswer = { lineId: string; claimId: string } & ({ accepted: true; priceCents: number; reason?: string } | { accepted: false; reason: string });

export type ParsedAnswers = { ok: true; answers: Array<{ line: number; raw: string; answer: FactorAnswer }>; problems: FileProblem[] } | { ok: false; problem: FileProblem };

export const ANSWER_COLUMNS = {
  lineId: 'Meldungs-ID',
  claimId: 'Rechnungsnummer',
  decision: 'Entscheidung',
  price: 'Kaufpreis',
  reason: 'Grund',
} as const;

const DECISIONS = { ANGEKAUFT: true, ABGELEHNT: false } as const;

export function parseFactorAnswers(fileName: string, content: Buffer): ParsedAnswers {
  const body = exchangeBody(fileName, content, ANSWER_COLUMNS, 'answers');
  if (!body.ok) return body;
  const { records, problems } = readRecords(fileName, body.lines, (raw) => readAnswer(raw, body.columns), (a) => a.lineId, ANSWER_COLUMNS.lineId);
  return { ok: true, answers: records.map(({ line, raw, record }) => ({ line, raw, answer: record })), problems };
}

function readAnswer(raw: string, columns: Record<keyof typeof ANSWER_COLUMNS, number>): FactorAnswer {
  const { field, required } = lineFields(raw, columns, ANSWER_COLUMNS);
  const lineId = required('lineId');
  const claimId = required('claimId');
  if (!isValidInvoiceNumber(claimId)) throw new LineProblem(ANSWER_COLUMNS.claimId, `"${claimId}" is not one of our invoice numbers (wrong form or check digits)`);
  const decision = required('decision').toUpperCase();
  if (!(decision in DECISIONS)) throw new LineProblem(ANSWER_COLUMNS.decision, `unknown decision "${decision}" (known: ${Object.keys(DECISIONS).join(', ')})`);
  const reason = field('reason');
  if (DECISIONS[decision as keyof typeof DECISIONS]) return { lineId, claimId, accepted: true, priceCents: positiveAmount(required('price'), ANSWER_COLUMNS.price), ...(reason ? { reason } : {}) };
  return { lineId, claimId, accepted: false, reason: required('reason') };
}
