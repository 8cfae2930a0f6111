/**
 * Prices one intake record by the GOÄ and checks the rules a billing centre applies before a claim
 * is billed. Returns every complaint of the record at once, never only the first.
 *
 * Field paths follow the intake parsers: "lines[n].factor" with n 1-based (the n-th line of the
 * record), "consent", "lines".
 */
import type { InpatientReduction, IntakeLine, IntakeRecord, RecordError } from '../intake/types';
import { getGoaeEntry, type GoaeEntry } from './catalogue';
import { billedCode, checkOncePerDay, serviceLines, type ServiceLine } from './service-lines';
import { surchargeBasePoints } from './surcharge-base';
import { feeCents, inpatientReductionCents, parseFactor, percentSurchargeCents } from './fee';
import { DEFAULT_GOAE_POLICY, type GoaePolicy } from './policy';

export interface PricedLine {
  kind: 'fee' | 'expense';
  /** Catalogue code (canonical spelling) for fee lines. */
  code?: string;
  /** Catalogue text for fee lines (the analog description for § 6 lines), file text for expenses. */
  text: string;
  date: string;
  points?: number;
  factor?: string;
  count: number;
  justification?: string;
  analogDescription?: string;
  /** Single service before the § 6a reduction (fee) or the expense's unit amount. */
  unitCents?: number;
  /** § 6a reduction of the whole line (unitCents × count); 0 for expenses. */
  reductionCents: number;
  /** unitCents × count − reductionCents. */
  amountCents: number;
}

export type PriceResult =
  | { ok: true; lines: PricedLine[]; totalCents: number }
  | { ok: false; errors: RecordError[] };

const SECTIONS_WITHOUT_AGREEMENT = ['A', 'E', 'M', 'O'];

export function priceRecord(record: IntakeRecord, fileName: string, policy: GoaePolicy = DEFAULT_GOAE_POLICY): PriceResult {
  const errors: RecordError[] = [];
  const err = (field: string, reason: string) => errors.push({ file: fileName, record: record.recordNo, field, reason });

  if (!record.consent) err('consent', 'no patient consent: the claim goes back to the client, it is not billed');
  if (record.lines.length === 0) err('lines', 'the record has no lines: there is nothing to bill');

  const priced: PricedLine[] = [];
  // Fee lines with a known code, for the exclusion check across lines.
  const feeRefs: Array<{ n: number; date: string; entry: GoaeEntry }> = [];
  // Every fee line with a known code (analog ones too): what a percentage surcharge may belong to.
  const services = serviceLines(record.lines);
  const surcharges: Surcharges = { services, taken: new Map() };

  record.lines.forEach((line, i) => {
    const n = i + 1;
    const at = `lines[${n}]`;
    const countOk = Number.isInteger(line.count) && line.count >= 1;
    if (!countOk) err(`${at}.count`, `count ${line.count} must be a whole number of at least 1`);

    if (line.kind === 'expense') {
      const amountOk = Number.isInteger(line.amountCents) && line.amountCents > 0;
      if (!amountOk) err(`${at}.amountCents`, `expense amount ${line.amountCents} must be a positive number of cents (§ 10 GOÄ: charged at cost)`);
      if (amountOk && countOk) priced.push(priceExpense(line));
      return;
    }

    const p = priceFeeLine(line, n, record.inpatientReduction, policy, err, surcharges);
    if (p.entry && !line.analogDescription) feeRefs.push({ n, date: line.date, entry: p.entry });
    if (p.line && countOk) priced.push(p.line);
  });

  checkExclusions(feeRefs, err);
  checkOncePerDay(services, err);

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, lines: priced, totalCents: priced.reduce((s, l) => s + l.amountCents, 0) };
}

function priceExpense(line: Extract<IntakeLine, { kind: 'expense' }>): PricedLine {
  // amountCents is the unit amount (einzelbetrag), as the intake parsers deliver it.
  return {
    kind: 'expense',
    text: line.text,
    date: line.date,
    count: line.count,
    unitCents: line.amountCents,
    reductionCents: 0, // § 6a Abs. 2 / § 10: expenses are not reduced
    amountCents: line.amountCents * line.count,
  };
}

/** The record's service lines, and per base line how many percentage surcharges it carries already. */
interface Surcharges {
  services: ServiceLine[];
  taken: Map<number, number>;
}

function priceFeeLine(
  line: Extract<IntakeLine, { kind: 'fee' }>,
  n: number,
  reduction: InpatientReduction,
  policy: GoaePolicy,
  err: (field: string, reason: string) => void,
  surcharges: Surcharges,
): { entry?: GoaeEntry; line?: PricedLine } {
  const at = `lines[${n}]`;
  const analog = line.analogDescription !== undefined;
  if (analog && line.analogDescription!.trim() === '') {
    err(`${at}.analogDescription`, 'analog billing (§ 6 Abs. 2 GOÄ) needs a description of the service actually performed');
  }
  const entry = getGoaeEntry(billedCode(line));
  if (!entry) {
    err(
      `${at}.code`,
      analog
        ? `analog line is billed as "${line.code}", which is not a GOÄ code: name the equivalent service of the schedule (§ 6 Abs. 2 GOÄ)`
        : `unknown GOÄ code "${line.code}"`,
    );
  }
  if (entry && !entry.percentOf && line.points !== undefined && line.points !== entry.points) {
    err(`${at}.points`, `the file says ${line.points} points but GOÄ ${entry.code} has ${entry.points} points`);
  }

  let hundredths: number | undefined;
  try {
    hundredths = parseFactor(line.factor);
  } catch (e) {
    err(`${at}.factor`, `factor "${line.factor}" is invalid: ${(e as Error).message}`);
  }
  if (!entry || hundredths === undefined) return { entry };

  const ok = checkFactor(entry, line, hundredths, at, policy, err);
  if (!ok || !Number.isInteger(line.count) || line.count < 1) return { entry };

  let unitCents: number;
  if (entry.percentOf) {
    const basePoints = surchargeBasePoints({ n, date: line.date, count: line.count, entry }, surcharges.services, surcharges.taken, err);
    if (basePoints === undefined) return { entry };
    unitCents = percentSurchargeCents(basePoints, entry.percentOf.percent, line.factor, entry.percentOf.maxCents, policy);
  } else {
    unitCents = feeCents(entry.points, line.factor, 1, policy);
  }
  const gross = unitCents * line.count;
  const exempt = policy.inpatientReductionExemptCodes.includes(entry.code);
  const reductionCents = exempt ? 0 : inpatientReductionCents(gross, reduction);
  return {
    entry,
    line: {
      kind: 'fee',
      code: entry.code,
      text: analog ? line.analogDescription!.trim() : entry.text,
      date: line.date,
      ...(entry.percentOf ? {} : { points: entry.points }),
      factor: line.factor,
      count: line.count,
      ...(line.justification?.trim() ? { justification: line.justification.trim() } : {}),
      ...(analog ? { analogDescription: line.analogDescription!.trim() } : {}),
      unitCents,
      reductionCents,
      amountCents: gross - reductionCents,
    },
  };
}

/** Threshold, maximum and single-rate rules of § 5 and § 2 GOÄ. False when the line cannot be priced. */
function checkFactor(
  entry: GoaeEntry,
  line: Extract<IntakeLine, { kind: 'fee' }>,
  hundredths: number,
  at: string,
  policy: GoaePolicy,
  err: (field: string, reason: string) => void,
): boolean {
  if (entry.singleRate) {
    if (hundredths > 100) {
      err(`${at}.factor`, `factor ${line.factor}: GOÄ ${entry.code} is billable only at the single rate (factor 1.0 at most)`);
      return false;
    }
    return true;
  }
  const bounds = policy.factors[entry.factorClass];
  if (hundredths > parseFactor(bounds.maximum)) {
    // § 2 Abs. 3: no agreement for sections A (the codes it lists, i.e. class technical outside
    // E/O), E, M and O.
    const noAgreement = SECTIONS_WITHOUT_AGREEMENT.includes(entry.section) || entry.factorClass === 'technical';
    err(
      `${at}.factor`,
      `factor ${line.factor} is above the maximum ${bounds.maximum} for GOÄ ${entry.code}: ` +
        (noAgreement
          ? `not billable; a fee agreement under § 2 GOÄ is not permitted for this service`
          : `billable only with a prior written fee agreement under § 2 GOÄ, which the billing file cannot carry`),
    );
    return false;
  }
  if (hundredths > parseFactor(bounds.threshold) && !line.justification?.trim()) {
    err(`${at}.factor`, `factor ${line.factor} is above the threshold ${bounds.threshold} for GOÄ ${entry.code} and needs a justification`);
    return false;
  }
  return true;
}

/**
 * Two fee lines on the same date whose codes exclude each other (in either direction of the
 * schedule's wording): the later line is the error, the earlier one stays billable. Analog lines
 * are left out: the code they name is only the measure of the fee, not the service performed.
 */
function checkExclusions(refs: Array<{ n: number; date: string; entry: GoaeEntry }>, err: (field: string, reason: string) => void) {
  for (let j = 0; j < refs.length; j++) {
    for (let i = 0; i < j; i++) {
      const a = refs[i];
      const b = refs[j];
      if (a.date !== b.date) continue;
      if (a.entry.excludes.includes(b.entry.code) || b.entry.excludes.includes(a.entry.code)) {
        err(`lines[${b.n}].code`, `GOÄ ${b.entry.code} cannot be billed beside GOÄ ${a.entry.code} (line ${a.n}) on the same date ${b.date}`);
        break; // one complaint per line is enough
      }
    }
  }
}
