import { getGoaeEntry, normaliseCode } from '../goae/catalogue';
import { parseRate } from '../decimal-rate';
import { apportion, rateFloor } from './apportion';
import type { LineMatch, ShareRecipient, SplitStages } from './split-rules';
import type { LevyRuleSpec } from './levy-rules';

/** A claim's service line as splitting sees it. */
export interface SplitLine {
  lineNo: number;
  code: string | null;
  amountCents: number;
}

/** Cents of one line within a share or levy: the GOÄ line reference stored with the amount. */
export interface LineCents {
  lineNo: number;
  cents: number;
}

export interface Share {
  /** The stage's index in the rules; the rest share has index = number of stages. */
  stage: number;
  clientId: string;
  amountCents: number;
  /** Why: the stage's label and what it took. */
  rule: string;
  lines: LineCents[];
}

export interface Levy {
  clientId: string;
  recipientId: string;
  /** The levy rule's index in the client's rules. */
  ruleIndex: number;
  amountCents: number;
  rule: string;
  lines: LineCents[];
}

export function lineMatches(match: LineMatch, line: SplitLine): boolean {
  if ('all' in match) return true;
  if (!line.code) return false;
  const code = normaliseCode(line.code);
  if ('codes' in match) return match.codes.some((c) => normaliseCode(c) === code);
  const section = getGoaeEntry(line.code)?.section;
  return section !== undefined && match.sections.includes(section);
}

function describeMatch(match: LineMatch): string {
  if ('all' in match) return 'all lines';
  if ('codes' in match) return `GOÄ ${match.codes.join(', ')}`;
  return `section ${match.sections.join(', ')}`;
}

function percent(rate: string): string {
  const { numerator, denominator } = parseRate(rate);
  return `${(Number(numerator) * 100) / Number(denominator)} %`;
}

/**
 * Divides a claim's total across clients by the stages, in order: each stage takes the floor of
 * its rate of the still unassigned cents of the lines it matches (spread over those lines by
 * largest remainder); the rest (every cent no stage took, rounding cents included) is the treating
 * client's last share. The shares always sum to `totalCents`.
 */
export function evaluateSplit(totalCents: number, lines: readonly SplitLine[], stages: SplitStages, resolve: (to: ShareRecipient) => string, treatingClientId: string): Share[] {
  const remaining = new Map(lines.map((l) => [l.lineNo, l.amountCents]));
  const shares: Share[] = [];
  stages.forEach((stage, index) => {
    const matched = lines.filter((l) => lineMatches(stage.match, l) && (remaining.get(l.lineNo) ?? 0) > 0);
    const base = matched.reduce((s, l) => s + remaining.get(l.lineNo)!, 0);
    const rate = stage.rate ?? '1';
    const take = rateFloor(base, ...ratio(rate));
    if (take === 0) return;
    const perLine = apportion(take, matched.map((l) => remaining.get(l.lineNo)!));
    matched.forEach((l, i) => remaining.set(l.lineNo, remaining.get(l.lineNo)! - perLine[i]));
    shares.push({
      stage: index,
      clientId: resolve(stage.to),
      amountCents: take,
      rule: `stage ${index + 1} "${stage.label}": ${percent(rate)} of the unassigned ${base} cents of ${describeMatch(stage.match)}`,
      lines: matched.map((l, i) => ({ lineNo: l.lineNo, cents: perLine[i] })).filter((x) => x.cents !== 0),
    });
  });
  const taken = shares.reduce((s, x) => s + x.amountCents, 0);
  shares.push({
    stage: stages.length,
    clientId: treatingClientId,
    amountCents: totalCents - taken,
    rule: stages.length === 0 ? 'whole claim to the treating doctor\'s client' : 'rest to the treating doctor\'s client',
    lines: lines.map((l) => ({ lineNo: l.lineNo, cents: remaining.get(l.lineNo)! })).filter((x) => x.cents !== 0),
  });
  return shares;
}

/**
 * A client's levies on its shares of one claim: a rate takes the floor of that rate of the
 * client's cents on the matched lines, a fixed levy its amount when the client has any matched
 * cents; levies never take more than the client's share (later rules get what is left).
 */
export function evaluateLevies(clientId: string, shares: readonly Share[], levies: readonly LevyRuleSpec[], lines: readonly SplitLine[]): Levy[] {
  const own = new Map<number, number>();
  for (const s of shares.filter((x) => x.clientId === clientId)) for (const l of s.lines) own.set(l.lineNo, (own.get(l.lineNo) ?? 0) + l.cents);
  let left = shares.filter((x) => x.clientId === clientId).reduce((s, x) => s + x.amountCents, 0);
  const result: Levy[] = [];
  levies.forEach((levy, ruleIndex) => {
    const matched = lines.filter((l) => (own.get(l.lineNo) ?? 0) > 0 && lineMatches(levy.match, l));
    const base = matched.reduce((s, l) => s + own.get(l.lineNo)!, 0);
    if (base === 0) return;
    const wanted = levy.rate !== undefined ? rateFloor(base, ...ratio(levy.rate)) : levy.fixedCents!;
    const amount = Math.min(wanted, left, base);
    if (amount <= 0) return;
    left -= amount;
    const perLine = apportion(amount, matched.map((l) => own.get(l.lineNo)!));
    result.push({
      clientId,
      recipientId: levy.recipientId,
      ruleIndex,
      amountCents: amount,
      rule: `levy ${ruleIndex + 1} "${levy.label}": ${levy.rate !== undefined ? percent(levy.rate) : `fixed ${levy.fixedCents} cents`} of ${base} cents of ${describeMatch(levy.match)}`,
      lines: matched.map((l, i) => ({ lineNo: l.lineNo, cents: perLine[i] })).filter((x) => x.cents !== 0),
    });
  });
  return result;
}

function ratio(rate: string): [bigint, bigint] {
  const { numerator, denominator } = parseRate(rate);
  return [numerator, denominator];
}
