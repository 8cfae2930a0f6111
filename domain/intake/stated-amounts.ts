import type { IntakeRecord, RecordError } from './types';
import type { PricedLine } from '../goae/validate-record';
import { formatCents } from './values';

/** Differences between what the sender's software states and the GOÄ pricing: within tolerance they are warnings, above it errors. */
export interface StatedDifferences {
  warnings: RecordError[];
  errors: RecordError[];
}

/** Files one stated amount against the computed one: nothing when equal, else a warning or an error naming both amounts. */
export function judgeStatedAmount(out: StatedDifferences, at: { file: string; record: number; field: string }, what: string, statedCents: number, computedCents: number, toleranceCents: number): void {
  const diff = Math.abs(statedCents - computedCents);
  if (diff === 0) return;
  const judged = diff <= toleranceCents ? 'within' : 'above';
  const reason = `${what}: the file states ${formatCents(statedCents)} EUR, the GOÄ pricing gives ${formatCents(computedCents)} EUR (difference ${formatCents(diff)} EUR, ${judged} the tolerance of ${formatCents(toleranceCents)} EUR)`;
  (diff <= toleranceCents ? out.warnings : out.errors).push({ ...at, reason });
}

/**
 * Compares the amounts a file states for a case (each fee line's gross total, the invoice total)
 * with claimflow's pricing; every difference is reported with both amounts. toleranceCents is
 * policy (GoaePolicy.statedAmountToleranceCents). The total of an invoice of several cases is
 * checked across them (invoice-totals.ts).
 */
export function compareStatedAmounts(record: IntakeRecord, lines: PricedLine[], totalCents: number, fileName: string, toleranceCents: number): StatedDifferences {
  const out: StatedDifferences = { warnings: [], errors: [] };
  const stated = record.stated;
  if (!stated) return out;
  const at = (field: string) => ({ file: fileName, record: record.recordNo, field });
  lines.forEach((line, i) => {
    const s = stated.lineCents[i];
    if (s === undefined || line.kind !== 'fee') return;
    // <gesamtbetrag> never includes the § 6a reduction (PADneXt: "nicht in den anderen Beträgen enthalten").
    judgeStatedAmount(out, at(`lines[${i + 1}].amountCents`), `line ${i + 1} (GOÄ ${line.code}) total before any § 6a reduction`, s, line.amountCents + line.reductionCents, toleranceCents);
  });
  if (stated.totalCents !== undefined) judgeStatedAmount(out, at('totalCents'), 'invoice total', stated.totalCents, totalCents, toleranceCents);
  return out;
}
