import type { IntakeLine } from '../intake/types';
import { getGoaeEntry, type GoaeEntry } from './catalogue';

/** A fee line of a record whose code the catalogue knows: what surcharges and day limits are judged on. */
export interface ServiceLine {
  /** 1-based line number in the record. */
  n: number;
  date: string;
  count: number;
  entry: GoaeEntry;
}

type FeeLine = Extract<IntakeLine, { kind: 'fee' }>;

/** The code a fee line is billed as; lab analog codes carry a leading "A" on the invoice (Abschnitt M, Allg. Best. Nr. 8). */
export function billedCode(line: FeeLine): string {
  return line.analogDescription !== undefined ? line.code.trim().replace(/^A\s*(?=\d)/i, '') : line.code;
}

/** Every fee line of a record with a known code (analog ones too), in record order. */
export function serviceLines(lines: IntakeLine[]): ServiceLine[] {
  return lines.flatMap((line, i) => {
    const entry = line.kind === 'fee' ? getGoaeEntry(billedCode(line)) : undefined;
    return entry ? [{ n: i + 1, date: line.date, count: line.count, entry }] : [];
  });
}

/**
 * "Ist je Behandlungstag nur einmal berechnungsfähig" (440–449, 270 …): a second line of such a
 * code on the same date, or a count above 1, is an error naming the line that billed it first.
 */
export function checkOncePerDay(services: ServiceLine[], err: (field: string, reason: string) => void): void {
  const first = new Map<string, ServiceLine>();
  for (const s of services.filter((x) => x.entry.oncePerDay)) {
    const rule = `GOÄ ${s.entry.code} is billable only once per treatment day`;
    if (s.count > 1) err(`lines[${s.n}].count`, `${rule}: count ${s.count} on ${s.date}`);
    const key = `${s.entry.code}@${s.date}`;
    const earlier = first.get(key);
    if (earlier) err(`lines[${s.n}].code`, `${rule}: line ${earlier.n} already bills it on ${s.date}`);
    else first.set(key, s);
  }
}
