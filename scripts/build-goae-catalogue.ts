/**
 * Builds domain/goae/catalogue.json from the official GOÄ text (Anlage Gebührenverzeichnis).
 *
 *   npx tsx scripts/build-goae-catalogue.ts [path/to/goae-verordnung.md]
 *
 * The schedule in the Markdown mirror is not a real table: every row is a nested bullet list
 * ("*    *   1" starts a row, "    *   text" starts the next cell, 8-space lines continue a cell).
 * Rows come in a few shapes, all handled here:
 *   - entry:              [code, text, points, DM]  (DM is the historic amount; missing for 100-109)
 *   - entry, no points:   [code, text]              a member of a "Katalog" group, a percentage
 *                                                   surcharge (441, 5298: kept with points 0 and the
 *                                                   rule of its note) or a text split over rows
 *   - group header:       [text, points, DM] followed by a "Katalog" row: the codes below it have
 *                                                   no points of their own and share the header's
 *   - continuation:       [text, points, DM] right after an entry without points (K 1)
 *   - note:               [text]                    an Anmerkung of the entry above
 *   - heading:            [**bold**, ...]           (sub)section titles
 * Some rows carry an extra empty leading cell (section B VI); empty cells are dropped before
 * classifying. Prose between rows holds the "Allgemeine Bestimmungen" of a (sub)section.
 *
 * The section letter of a code comes from the overview at the start of the Anlage ("1 bis 109 | B.")
 * rather than from the headings, which are formatted inconsistently. Letter codes (A..K 2, the
 * surcharges of B II and B V) belong to B.
 */
import fs from 'fs';
import path from 'path';
import type { GoaeEntry } from '../domain/goae/catalogue';
import type { FactorClass } from '../domain/goae/policy';

/** The shape domain/goae/catalogue.ts reads. */
export type CatalogueEntry = GoaeEntry;

interface Row {
  line: number;
  cells: string[];
}

interface RawEntry {
  code: string;
  line: number;
  text: string;
  points?: number;
  /** Text of the Katalog group header this code belongs to, if any. */
  groupText?: string;
  notes: string[];
}

const CODE_RE = /^(\d{1,4}[a-z]?(?:\.H\d?)?|[A-J]|K ?[12])$/;
const POINTS_RE = /^\d{1,5}$/;
const DM_RE = /^\d{1,5}(?:[,.]\d\d|,--)$/;
const MAX_TEXT = 300;

/**
 * Misprints of the source, corrected by hand. Each is keyed by the printed code and the start of
 * its text so a corrected or different source does not get "fixed" blindly.
 *  - "4114 Lithium" (section M 12, between 4213 and 4215) is Nr. 4214; 4114 is the
 *    Renin-Aldosteron-Suppressionstest printed earlier.
 */
const ERRATA: Array<{ code: string; textStart: string; correct: string }> = [
  { code: '4114', textStart: 'Lithium', correct: '4214' },
];

const normSpace = (s: string) => s.replace(/\s+/g, ' ').trim();
/** "K 1" -> "K1"; everything else is kept as printed ("250a", "3562.H1"). */
const canonicalCode = (c: string) => c.replace(/\s+/g, '');
const isBold = (s: string) => /^\*\*.*\*\*$/.test(s);
const numericPart = (code: string) => (/^\d+/.exec(code) ? parseInt(code, 10) : NaN);

/** Splits the Anlage into table rows and prose paragraphs (in document order). */
function tokenize(lines: string[], start: number) {
  const items: Array<{ kind: 'row'; row: Row } | { kind: 'prose'; line: number; text: string }> = [];
  let row: Row | null = null;
  let prose: { kind: 'prose'; line: number; text: string } | null = null;
  for (let i = start; i < lines.length; i++) {
    const l = lines[i];
    let m: RegExpExecArray | null;
    if ((m = /^\*    \*(?:\s+(.*))?$/.exec(l))) {
      row = { line: i + 1, cells: [(m[1] ?? '').trim()] };
      items.push({ kind: 'row', row });
      prose = null;
      continue;
    }
    if (row && (m = /^    \*(?:\s+(.*))?$/.exec(l))) {
      row.cells.push((m[1] ?? '').trim());
      continue;
    }
    if (row && /^        \S/.test(l)) {
      row.cells[row.cells.length - 1] += ' ' + l.trim();
      continue;
    }
    if (/^\s*$/.test(l)) {
      prose = null;
      continue;
    }
    row = null;
    if (!prose) {
      prose = { kind: 'prose', line: i + 1, text: '' };
      items.push(prose);
    }
    prose.text += ' ' + l.trim();
  }
  return items;
}

/** The overview rows "1 bis 109 | B. | ..." give each section letter its number range. */
function parseOverview(rows: Row[]) {
  const ranges: Array<{ from: number; to: number; section: string }> = [];
  for (const r of rows) {
    const [a, b] = r.cells;
    const m = /^(\d+) bis (\d+)$/.exec(a ?? '');
    const s = /^([A-P])\.$/.exec(b ?? '');
    if (m && s) ranges.push({ from: +m[1], to: +m[2], section: s[1] });
  }
  return ranges;
}

// ---------------------------------------------------------------------------------------------
// Code lists in running text: "Nummern 804 bis 812, 817, 835", "Buchstaben A bis D sowie K 1"

const LETTER_ORDER = ['A', 'B', 'C', 'D', 'K1', 'E', 'F', 'G', 'H', 'J', 'K2'];

/**
 * All codes referenced in a phrase, expanded against the known codes. Only lists introduced by
 * "Nummer(n)"/"Nr." (numeric codes) or "Buchstabe(n)" (surcharge letters) count, so numbers like
 * "24 Stunden" or "250 bis 499 Punkten" are not mistaken for codes.
 */
export function codesInPhrase(phrase: string, known: string[]): string[] {
  const out: string[] = [];
  const num = String.raw`\d{1,4}[a-z]?(?:\.H\d?)?`;
  // The source has misprints inside such lists ("Nummern 1, 3, 5, 6, 7, 8 297", "nd/oder",
  // "ummern"): a bare space also separates, and the first letter may be missing.
  const sep = String.raw`(?:\s*(?:,|u?nd/oder|und|oder|sowie|bis)\s*|\s+)`;
  const numList = new RegExp(String.raw`(?:N?ummern?|Nrn?\.)\s+(${num}(?:${sep}${num}\b)*)`, 'g');
  const letter = String.raw`(?:K ?[12]|[A-J])`;
  const letList = new RegExp(String.raw`Buchstaben?\s+(${letter}(?:${sep}${letter}\b)*)`, 'g');
  const expand = (list: string, isLetter: boolean) => {
    const parts = list
      .replace(/K (?=[12]\b)/g, 'K')
      .split(/\s*(?:,|u?nd\/oder|und|oder|sowie)\s*|\s+(?!bis\b)(?<!\bbis\s+)/)
      .filter((p) => p && !/^(,|u?nd\/oder|und|oder|sowie)$/.test(p));
    for (const part of parts) {
      const r = /^(\S+(?: [12])?)\s+bis\s+(\S+(?: [12])?)$/.exec(part.trim());
      if (r) {
        const a = canonicalCode(r[1]);
        const b = canonicalCode(r[2]);
        if (isLetter) {
          const i = LETTER_ORDER.indexOf(a);
          const j = LETTER_ORDER.indexOf(b);
          if (i >= 0 && j >= i) out.push(...LETTER_ORDER.slice(i, j + 1));
        } else {
          const lo = numericPart(a);
          const hi = numericPart(b);
          out.push(...known.filter((k) => numericPart(k) >= lo && numericPart(k) <= hi));
        }
      } else {
        out.push(canonicalCode(part.trim()));
      }
    }
  };
  for (const m of phrase.matchAll(numList)) expand(m[1], false);
  for (const m of phrase.matchAll(letList)) expand(m[1], true);
  // "Nummer 3562" may stand for "3562.H1": map to the known code when unique.
  return [...new Set(out.map((c) => resolveKnown(c, known)).filter((c): c is string => c !== null))];
}

function resolveKnown(code: string, known: string[]): string | null {
  if (known.includes(code)) return code;
  const withSuffix = known.filter((k) => k.startsWith(code + '.H'));
  return withSuffix.length === 1 ? withSuffix[0] : null;
}

/** Sentences of a text; "z.B.", "Nr. 5", "Abs. 2", "v.H." do not end a sentence. */
export function sentences(text: string): string[] {
  return text
    // prose paragraphs start with their heading: "Allgemeine Bestimmungen 1. Die ...", "**D. ...**"
    .replace(/\*\*[^*]*\*\*/g, ' ')
    .replace(/^\s*Allgemeine Bestimmung(?:en)?\s*/, '')
    .replace(/^\s*\d+\.\s+/, '')
    .split(/(?<=[a-zäöüß)\d]\.)\s+(?=(?:Die|Der|Das|Neben|Wird|Werden|Sie|Bei|Im|In|Eine?|Für|Mit|Abweichend|Sind|Ist|Sofern|Auch|Als|Erfolgt|Anstelle)\b)/)
    .map(normSpace)
    .filter(Boolean);
}

const CONDITIONAL_RE =
  /\b(wenn|es sei denn|sofern|falls|zu bestätigen|zu begründen|für die Untersuchung|für Eingriffe)\b|^(Wird|Werden|Wurde|Erfolgt|Abweichend|Im Falle)\b/;

/**
 * Exclusions stated by one sentence: pairs [subject, object] meaning "subject cannot be billed
 * beside object". Only unconditional statements are taken ("... es sei denn ...", "..., wenn ..."
 * are left out: they depend on facts the file does not carry). `owner` is the entry a note belongs
 * to: it is the subject when the sentence names none ("Die Leistung ist neben ...").
 */
export function exclusionsInSentence(s: string, known: string[], owner?: string): Array<[string, string]> {
  if (CONDITIONAL_RE.test(s)) return [];
  // "Die Leistungen nach den Nummern 271 bis 276 sind nicht nebeneinander berechnungsfähig."
  const mutual = /^(.*?)\s(?:ist|sind|dürfen|können)\s.*?\bnicht\s+nebeneinander\s+(?:berechnungsfähig|berechnet)/.exec(s);
  if (mutual) {
    const set = codesInPhrase(mutual[1], known);
    return set.flatMap((a) => set.filter((b) => b !== a).map((b): [string, string] => [a, b]));
  }
  if (!/\bneben\b/i.test(s)) return [];
  if (!/\bnicht\s+(?:[\wäöüß]+\s+){0,3}([a-z]*rechnungsfähig|berechnet)/.test(s)) return [];
  let subjectPart: string;
  let objectPart: string;
  const lead = /^(?:Anstelle oder )?[Nn]eben\s+(.*?)\s+(ist|sind|darf|dürfen|kann|können)\s+(.*)$/.exec(s);
  if (lead) {
    objectPart = lead[1];
    subjectPart = lead[3];
  } else {
    const i = s.search(/\bneben\b/);
    subjectPart = s.slice(0, i);
    objectPart = s.slice(i).replace(/\bnicht\b[\s\S]*$/, '');
  }
  let subjects = codesInPhrase(subjectPart, known);
  let objects = codesInPhrase(objectPart, known);
  // A note may leave out the number of its own entry on either side: "Die Leistung ist neben ..."
  // or "Anstelle oder neben der Visite im Krankenhaus sind die Leistungen nach den Nummern ...".
  // Sentences about whole sections ("neben Leistungen nach Abschnitt C") are not expanded.
  if (subjects.length === 0 && owner && !/Abschnitt|anderen/.test(subjectPart)) subjects = [owner];
  else if (objects.length === 0 && owner && lead && !/Abschnitt|anderen/.test(objectPart)) objects = [owner];
  const pairs: Array<[string, string]> = [];
  for (const a of subjects) for (const b of objects) if (a !== b) pairs.push([a, b]);
  return pairs;
}

/** Codes a sentence restricts to the single rate ("nur mit dem einfachen Gebührensatz"). */
export function singleRateInSentence(s: string, known: string[], owner?: string): string[] {
  if (!/nur mit dem einfachen Gebührensatz/.test(s) || CONDITIONAL_RE.test(s) || /Zusammenhang/.test(s)) return [];
  // The subject is named before the verb: "Die Schreibgebühren nach den Nummern 95 und 96 sind nur
  // neben den Leistungen nach den Nummern 80, 85 und 90 und nur mit dem einfachen ..." -> 95, 96.
  const codes = codesInPhrase(s.split(/\s(?:ist|sind|kann|können|darf|dürfen)\s/)[0], known);
  return codes.length ? codes : owner ? [owner] : [];
}

/**
 * Codes a sentence allows once per treatment day: "Der Zuschlag nach Nummer 441 ist je
 * Behandlungstag nur einmal berechnungsfähig", "Die Leistungen nach den Nummern 270, 273 bis 281 …
 * können jeweils nur einmal je Behandlungstag berechnet werden".
 */
export function oncePerDayInSentence(s: string, known: string[], owner?: string): string[] {
  if (!/je Behandlungstag nur einmal|nur einmal je Behandlungstag/.test(s)) return [];
  const codes = codesInPhrase(s.split(/\s(?:ist|sind|kann|können|darf|dürfen)\s/)[0], known);
  return codes.length ? codes : owner ? [owner] : [];
}

/**
 * The services surcharges belong to, from the general provisions: "Die Zuschläge nach den Nummern
 * 440, 441, … sind operativen Leistungen - nach den Nummern 679, 695, … in Abschnitt F, … zuzuordnen".
 */
export function surchargeBasesInSentence(s: string, known: string[]): Array<{ surcharge: string; bases: string[] }> {
  const m = /^Die Zuschläge nach (den Nummern .+?) sind (.+?) zuzuordnen/.exec(s);
  if (!m) return [];
  const bases = codesInPhrase(m[2], known);
  return bases.length ? codesInPhrase(m[1], known).map((surcharge) => ({ surcharge, bases })) : [];
}

/** Fixed conversion rate of the Deutsche Mark (Council Regulation (EC) No 2866/98): 1 EUR = 1.95583 DM. */
const DM_PER_EUR_HUNDRED_THOUSANDTHS = 195583;

/**
 * A surcharge priced as a percentage of the simple fee of the service it belongs to, from its note
 * "Der Zuschlag nach Nummer 441 beträgt 100 v.H. des einfachen Gebührensatzes der betreffenden
 * Leistung, jedoch nicht mehr als 132 Deutsche Mark." and its text "Zuschlag zu den Leistungen nach
 * den Nummern 5010 bis 5290 ...".
 */
export function percentSurcharge(e: { code: string; text: string; notes: string[] }, known: string[]): CatalogueEntry['percentOf'] {
  for (const note of e.notes.map(normSpace)) {
    const m = /beträgt (\d+) v\. ?H\. des einfachen Gebührensatzes der betreffenden Leistung(?:, jedoch nicht mehr als (\d+) Deutsche Mark)?/.exec(note);
    if (!m) continue;
    const out: NonNullable<CatalogueEntry['percentOf']> = { percent: Number(m[1]) };
    // DM -> cent, rounded half-up: 132 DM = 67.49 EUR.
    if (m[2]) out.maxCents = Math.floor((Number(m[2]) * 100 * 100000 * 2 + DM_PER_EUR_HUNDRED_THOUSANDTHS) / (2 * DM_PER_EUR_HUNDRED_THOUSANDTHS));
    const base = /zu den Leistungen nach den Nummern/.test(e.text) ? codesInPhrase(e.text, known) : [];
    if (base.length) out.codes = base;
    return out;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------

export function buildCatalogue(md: string) {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => l.startsWith('## Anlage Gebührenverzeichnis'));
  if (start < 0) throw new Error('Anlage Gebührenverzeichnis not found');
  const items = tokenize(lines, start);
  const problems: string[] = [];

  const aHead = items.findIndex((it) => it.kind === 'prose' && it.text.includes('**A. Gebühren in besonderen Fällen**'));
  const ranges = parseOverview(items.slice(0, aHead).flatMap((it) => (it.kind === 'row' ? [it.row] : [])));
  const aText = items
    .slice(aHead + 1)
    .find((it) => it.kind === 'prose')!
    .text;

  // Pass 1: rows -> raw entries with their notes.
  const raw: RawEntry[] = [];
  const general: Array<{ line: number; text: string }> = [];
  let last: RawEntry | null = null; // entry that notes attach to
  let lastRowWasEntryWithoutPoints = false;
  let group: { text: string; points: number } | null = null;
  const body = items.slice(aHead + 1);
  for (let k = 0; k < body.length; k++) {
    const it = body[k];
    if (it.kind === 'prose') {
      general.push({ line: it.line, text: normSpace(it.text) });
      last = null;
      group = null;
      lastRowWasEntryWithoutPoints = false;
      continue;
    }
    const cells = it.row.cells.map(normSpace).filter((c) => c !== '');
    const next = body[k + 1];
    const nextIsKatalog = next?.kind === 'row' && next.row.cells[0] === 'Katalog';
    const wasNoPoints = lastRowWasEntryWithoutPoints;
    lastRowWasEntryWithoutPoints = false;
    if (cells.length === 0) continue;
    if (cells[0] === 'Katalog' || cells[0] === 'Nummer') continue;
    if (cells.some(isBold) || cells[0] === 'Höchstwerte') {
      last = null;
      group = null;
      continue;
    }
    if (CODE_RE.test(cells[0]) && cells.length >= 2) {
      const [, text, pts, dm] = cells;
      const printed = canonicalCode(cells[0]);
      const erratum = ERRATA.find((x) => x.code === printed && text.startsWith(x.textStart));
      if (erratum) problems.push(`line ${it.row.line}: corrected misprinted code ${printed} to ${erratum.correct}`);
      const code = erratum?.correct ?? printed;
      const e: RawEntry = { code, line: it.row.line, text, notes: [] };
      if (pts !== undefined && POINTS_RE.test(pts) && (dm === undefined || DM_RE.test(dm))) {
        e.points = parseInt(pts, 10);
        group = null; // a priced row ends a Katalog group
      } else if (pts !== undefined) {
        problems.push(`line ${it.row.line}: unexpected cells for ${code}: ${JSON.stringify(cells)}`);
      } else if (group) {
        e.points = group.points;
        e.groupText = group.text;
      } else {
        lastRowWasEntryWithoutPoints = true;
      }
      raw.push(e);
      last = e;
      continue;
    }
    // [text, points, DM]: a Katalog group header or the rest of a description split over rows.
    if (cells.length >= 2 && POINTS_RE.test(cells[1]) && (cells[2] === undefined || DM_RE.test(cells[2]))) {
      if (nextIsKatalog) {
        group = { text: cells[0], points: parseInt(cells[1], 10) };
        last = null;
      } else if (last && wasNoPoints) {
        last.text += ' ' + cells[0];
        last.points = parseInt(cells[1], 10);
      } else {
        problems.push(`line ${it.row.line}: priced row without code: ${JSON.stringify(cells)}`);
      }
      continue;
    }
    if (cells.length === 1) {
      if (last) last.notes.push(cells[0]);
      else general.push({ line: it.row.line, text: cells[0] });
      continue;
    }
    // The overview rows before section A were sliced off; anything else is unexpected.
    problems.push(`line ${it.row.line}: unrecognised row: ${JSON.stringify(cells).slice(0, 160)}`);
  }

  // Duplicates would make lookups ambiguous: keep the first, report the others.
  const byCode = new Map<string, RawEntry>();
  for (const e of raw) {
    if (byCode.has(e.code)) problems.push(`line ${e.line}: duplicate code ${e.code} (first at line ${byCode.get(e.code)!.line})`);
    else byCode.set(e.code, e);
  }
  const known = [...byCode.keys()];

  const sectionOf = (code: string): string | undefined => {
    if (!/^\d/.test(code)) return 'B';
    const n = numericPart(code);
    return ranges.find((r) => n >= r.from && n <= r.to)?.section;
  };

  // Section A lists codes of other sections that are rated like A/E/O (§ 5 Abs. 3): "Nummern 2 und
  // 56 in Abschnitt B, Nummern 250, 250a, ... in Abschnitt C, ...". Ranges expand to known codes.
  const technicalByA = new Set(codesInPhrase(aText, known));

  const factorClassOf = (code: string, section: string): FactorClass => {
    if (section === 'M' || code === '437') return 'laboratory'; // § 5 Abs. 4
    if (section === 'E' || section === 'O' || technicalByA.has(code)) return 'technical'; // § 5 Abs. 3
    return 'personal'; // § 5 Abs. 1 and 2
  };

  // Exclusions and single-rate marks from entry texts, their notes and the general provisions.
  const excludes = new Map<string, Set<string>>();
  const singleRate = new Set<string>();
  const oncePerDay = new Set<string>();
  const surchargeBases = new Map<string, string[]>();
  const trace: Array<{ owner?: string; sentence: string; pairs: Array<[string, string]> }> = [];
  const scan = (text: string, owner?: string) => {
    for (const s of sentences(text)) {
      const pairs = exclusionsInSentence(s, known, owner);
      if (/neben/i.test(s) || pairs.length) trace.push({ owner, sentence: s, pairs });
      for (const [a, b] of pairs) {
        if (!excludes.has(a)) excludes.set(a, new Set());
        excludes.get(a)!.add(b);
      }
      for (const c of singleRateInSentence(s, known, owner)) singleRate.add(c);
      for (const c of oncePerDayInSentence(s, known, owner)) oncePerDay.add(c);
    }
  };
  for (const e of byCode.values()) {
    scan(e.text, e.code);
    for (const n of e.notes) scan(n, e.code);
  }
  for (const g of general) scan(g.text);
  // The list of services a surcharge belongs to runs over several paragraphs (one per section).
  for (const s of sentences(general.map((g) => g.text).join(' '))) {
    for (const { surcharge, bases } of surchargeBasesInSentence(s, known)) surchargeBases.set(surcharge, bases);
  }

  const entries: CatalogueEntry[] = [];
  const withoutPoints: string[] = [];
  for (const e of byCode.values()) {
    const section = sectionOf(e.code);
    if (!section) {
      problems.push(`line ${e.line}: code ${e.code} is outside every section range`);
      continue;
    }
    const percentOf = e.points === undefined ? percentSurcharge(e, known) : undefined;
    if (e.points === undefined && !percentOf) {
      withoutPoints.push(`${e.code} (line ${e.line}): ${normSpace(e.text).slice(0, 80)} | ${e.notes.map(normSpace).join(' | ').slice(0, 120)}`);
      continue;
    }
    // dot leaders of the printed table ("Nebenniere ............") carry no meaning
    const fullText = normSpace((e.groupText ? `${e.groupText}: ${e.text}` : e.text).replace(/\s*\.{4,}/g, ' '));
    const entry: CatalogueEntry = {
      code: e.code,
      text: fullText.length > MAX_TEXT ? fullText.slice(0, MAX_TEXT - 1).replace(/\s+\S*$/, '') + '…' : fullText,
      points: e.points ?? 0,
      section,
      factorClass: factorClassOf(e.code, section),
      excludes: [...(excludes.get(e.code) ?? [])].filter((c) => byCode.get(c)?.points !== undefined),
    };
    if (singleRate.has(e.code)) entry.singleRate = true;
    if (oncePerDay.has(e.code)) entry.oncePerDay = true;
    // A percentage surcharge whose own text names no services takes those the general provisions assign it (441).
    const bases = surchargeBases.get(e.code);
    if (percentOf) entry.percentOf = percentOf.codes || !bases ? percentOf : { ...percentOf, codes: bases };
    entries.push(entry);
  }
  return { entries, withoutPoints, problems, technicalByA: [...technicalByA], trace };
}

function main() {
  const src = process.argv[2] ?? path.resolve(__dirname, '../../shared/reference/goae-verordnung.md');
  const out = path.resolve(__dirname, '../domain/goae/catalogue.json');
  const { entries, withoutPoints, problems, technicalByA } = buildCatalogue(fs.readFileSync(src, 'utf8'));

  for (const p of problems) console.warn(`WARN ${p}`);
  console.log(`Left out, no points of their own (${withoutPoints.length}):`);
  for (const w of withoutPoints) console.log(`  ${w}`);

  const perSection = new Map<string, number>();
  for (const e of entries) perSection.set(e.section, (perSection.get(e.section) ?? 0) + 1);
  const perClass = new Map<string, number>();
  for (const e of entries) perClass.set(e.factorClass, (perClass.get(e.factorClass) ?? 0) + 1);
  console.log(`Entries: ${entries.length}`);
  console.log(`Per section: ${[...perSection].map(([s, n]) => `${s}=${n}`).join(' ')}`);
  console.log(`Per factor class: ${[...perClass].map(([s, n]) => `${s}=${n}`).join(' ')}`);
  console.log(`Rated like section A (technical): ${technicalByA.length} codes`);
  console.log(`With exclusions: ${entries.filter((e) => e.excludes.length > 0).length}`);
  console.log(`Single rate only: ${entries.filter((e) => e.singleRate).map((e) => e.code).join(', ')}`);
  console.log(`Once per treatment day: ${entries.filter((e) => e.oncePerDay).map((e) => e.code).join(', ')}`);
  console.log(`Percentage surcharges: ${entries.filter((e) => e.percentOf).map((e) => `${e.code} (${e.percentOf!.percent} % of ${e.percentOf!.codes?.length ?? 'any'} services)`).join(', ')}`);

  fs.writeFileSync(out, JSON.stringify(entries, null, 1) + '\n');
  console.log(`Wrote ${path.relative(process.cwd(), out)}`);
}

if (require.main === module) main();
