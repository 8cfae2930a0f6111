import { Refusal } from '../refusal';

/** What staff credit: whole invoice lines (or a part of one), or an amount of the invoice. */
export type CreditRequest = { lines: Array<{ lineNo: number; amountCents?: number }> } | { amountCents: number };

export interface CreditedLine {
  lineNo: number;
  amountCents: number;
  /** The line as the letter names it: GOÄ number and text. */
  text: string;
}

/** The number a credit note is printed with: its own series, GS and eight digits. */
export const creditNoteNumber = (n: number) => `GS${String(n).padStart(8, '0')}`;

/**
 * The amount a credit request credits, checked against the claim: each line credited at most up to
 * what is left of it after earlier credit notes, and the whole at most the invoice principal still
 * open (a credit note reduces what the patient owes; it refunds nothing).
 */
export function creditAmount(
  request: CreditRequest,
  claim: { id: string; lines: Array<{ lineNo: number; amountCents: number; code: string | null; text: string }>; creditedByLine: Map<number, number>; principalOpenCents: number },
): { amountCents: number; lines: CreditedLine[] } {
  const lines: CreditedLine[] = [];
  if ('lines' in request) {
    const seen = new Set<number>();
    for (const l of request.lines) {
      const line = claim.lines.find((c) => c.lineNo === l.lineNo);
      if (!line) throw new Refusal('unprocessable', 'no_such_line', `claim ${claim.id} has no invoice line ${l.lineNo}`);
      if (seen.has(l.lineNo)) throw new Refusal('unprocessable', 'line_twice', `invoice line ${l.lineNo} is named twice`);
      seen.add(l.lineNo);
      const left = line.amountCents - (claim.creditedByLine.get(l.lineNo) ?? 0);
      const amount = l.amountCents ?? left;
      if (amount <= 0 || amount > left) throw new Refusal('unprocessable', 'line_overcredited', `invoice line ${l.lineNo} has ${left} cents left to credit, not ${amount}`);
      lines.push({ lineNo: l.lineNo, amountCents: amount, text: [line.code ? `GOÄ ${line.code}` : null, line.text].filter(Boolean).join(' ') });
    }
  }
  const amountCents = 'lines' in request ? lines.reduce((s, l) => s + l.amountCents, 0) : request.amountCents;
  if (amountCents > claim.principalOpenCents)
    throw new Refusal('unprocessable', 'credit_exceeds_open', `a credit of ${amountCents} cents exceeds the ${claim.principalOpenCents} cents of claim ${claim.id}'s invoice still open`);
  return { amountCents, lines };
}
