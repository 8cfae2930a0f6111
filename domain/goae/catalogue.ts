/**
 * The GOÄ fee schedule (Gebührenverzeichnis) as shipped data. catalogue.json is generated from the
 * official text by scripts/build-goae-catalogue.ts: regenerate it, do not edit it by hand.
 */
import data from './catalogue.json';
import type { FactorClass } from './policy';

export interface GoaeEntry {
  /** As printed in the schedule: "1", "250a", "A", "K1", "3562.H1", "3541.H". */
  code: string;
  /** Service description, whitespace normalised, at most ~300 characters. */
  text: string;
  /** Punktzahl. */
  points: number;
  /** Abschnitt letter B..P (section A only lists codes of other sections, see factorClass). */
  section: string;
  /** § 5 fee class; codes listed in section A are "technical" although printed in B, C, F, ... */
  factorClass: FactorClass;
  /** Codes this one cannot be billed beside, as the schedule states it (one direction). */
  excludes: string[];
  /** Billable only at the single rate (factor at most 1.0), e.g. surcharges A..K2. */
  singleRate?: boolean;
  /**
   * A surcharge whose fee is a percentage of the simple fee (einfacher Gebührensatz) of the service
   * it belongs to, not points of its own (441, 5298); points is 0 for such a code.
   */
  percentOf?: PercentSurcharge;
  /** Billable once per treatment day ("ist je Behandlungstag nur einmal berechnungsfähig"), e.g. 440–449, 270. */
  oncePerDay?: boolean;
}

export interface PercentSurcharge {
  /** Percent of the simple fee of the service it belongs to ("beträgt 25 v.H."). */
  percent: number;
  /** The schedule's ceiling ("jedoch nicht mehr als 132 Deutsche Mark"), in euro cents. */
  maxCents?: number;
  /**
   * The services it may belong to: its own text's ("zu den Leistungen nach den Nummern 5010 bis
   * 5290") or the general provisions' (441: the operative services of Abschnitt C VIII Nr. 3).
   */
  codes?: string[];
}

const entries: readonly GoaeEntry[] = data as GoaeEntry[];

/**
 * Lookup key of a code as a client file may write it: trimmed, "Nr."/"GOÄ" prefix and inner
 * spaces removed, lower case, leading zeros dropped ("Nr. 0001" -> "1", "250A" -> "250a",
 * "K 1" -> "k1", "3562.H1" -> "3562.h1").
 */
export function normaliseCode(raw: string): string {
  let c = raw.trim().toLowerCase();
  c = c.replace(/^(goä|goae)\s*/, '').replace(/^nr\.?\s*/, '');
  c = c.replace(/\s+/g, '');
  c = c.replace(/^0+(?=\d)/, '');
  return c;
}

const byKey = new Map<string, GoaeEntry>();
for (const e of entries) byKey.set(normaliseCode(e.code), e);
// Lab codes carry their Höchstwert mark as part of the number ("3562.H1", Abschnitt M Allgemeine
// Bestimmungen Nr. 6); accept the bare number too when it is not a code of its own.
for (const e of entries) {
  const bare = normaliseCode(e.code).replace(/\.h\d?$/, '');
  if (!byKey.has(bare)) byKey.set(bare, e);
}

export function getGoaeEntry(code: string): GoaeEntry | undefined {
  return byKey.get(normaliseCode(code));
}

export function allGoaeEntries(): readonly GoaeEntry[] {
  return entries;
}
