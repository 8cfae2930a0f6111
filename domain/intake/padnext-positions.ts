import type { IntakeLine } from './types';
import type { RecordErrors } from './record-errors';
import { formatCents, parseFactor, parsePositiveInt, parseXsdAmount, parseXsdDate } from './values';
import { childText, type XmlNode } from './xml-tree';

/**
 * The <positionen> of a humanmedizin case → IntakeLines. Line numbers in error fields
 * (lines[n]) are 1-based and count billable positions only (text lines and positions marked
 * berechnung="K", "not charged", are skipped); the reason names the XML element as well.
 */
export interface MappedPositions {
  lines: IntakeLine[];
  /** The file's <gesamtbetrag> of each line (before the § 6a reduction, which it never includes), in cents. */
  statedLineCents: Array<number | undefined>;
  /** leistungserbringerid given on a position (deviating treating doctor), by line number. */
  doctorIds: { line: number; id: string }[];
  /** minderungssatz given on fee positions, by line number. */
  reductions: { line: number; value: string }[];
}

const NOT_CHARGED = 'K';

/** positionsnr decides print order; document order is kept when it is missing or not numeric. */
function inPrintOrder(positionen: XmlNode): XmlNode[] {
  const nrs = positionen.children.map((p) => Number(p.attrs.positionsnr));
  if (nrs.some((n) => !Number.isInteger(n))) return positionen.children;
  return positionen.children.map((p, i) => ({ p, n: nrs[i], i })).sort((a, b) => a.n - b.n || a.i - b.i).map((x) => x.p);
}

/** xs:positiveInteger-like; Minderungssatz.Enum is an xs:decimal enumeration (so "25.00" is fine). */
export function normaliseReduction(raw: string): string | undefined {
  const m = /^(\d+)(?:\.0*)?$/.exec(raw.trim());
  const value = m ? String(Number(m[1])) : undefined;
  return value === '0' || value === '15' || value === '25' ? value : undefined;
}

export function mapPositions(positionen: XmlNode, errs: RecordErrors, at: string): MappedPositions {
  const out: MappedPositions = { lines: [], statedLineCents: [], doctorIds: [], reductions: [] };
  const seen = new Map<string, number>();
  let n = 0;
  for (const pos of inPrintOrder(positionen)) {
    const index = (seen.get(pos.name) ?? 0) + 1;
    seen.set(pos.name, index);
    const pAt = `${at}/${pos.name}[${index}]`;
    if (pos.name === 'text' || pos.attrs.berechnung === NOT_CHARGED) continue;
    n += 1;
    const field = `lines[${n}]`;
    const ok = errs.list.length;
    const date = (): string => {
      const raw = childText(pos, 'datum');
      if (raw === undefined) return errs.add(`${field}.date`, `<datum> is missing (at ${pAt}/datum)`), '';
      const d = parseXsdDate(raw);
      return d.ok ? d.value : (errs.add(`${field}.date`, `<datum> ${d.reason} (at ${pAt}/datum)`), '');
    };
    const count = (): number => {
      const c = parsePositiveInt(childText(pos, 'anzahl') ?? '');
      return c.ok ? c.value : (errs.add(`${field}.count`, `<anzahl> ${c.reason} (at ${pAt}/anzahl)`), 0);
    };
    const lid = childText(pos, 'leistungserbringerid');
    if (lid) out.doctorIds.push({ line: n, id: lid });

    if (pos.name === 'goziffer') {
      const line = mapFee(pos, field, pAt, errs, out, n);
      const full = { ...line, date: date(), count: count() };
      const stated = statedAmount(pos, `${field}.amountCents`, pAt, errs);
      if (errs.list.length === ok) out.lines.push(full), out.statedLineCents.push(stated);
    } else if (pos.name === 'auslagen' || pos.name === 'entschaedigung') {
      const text = childText(pos, 'text') ?? '';
      if (!text) errs.add(`${field}.text`, `<text> is missing or empty (at ${pAt}/text)`);
      const d = date();
      const c = count();
      const amount = amountOf(pos, field, pAt, c, errs);
      if (errs.list.length === ok) out.lines.push({ kind: 'expense', date: d, text, amountCents: amount, count: c }), out.statedLineCents.push(undefined);
    } else {
      errs.add(field, `position type <${pos.name}> is not supported here (only goziffer, auslagen, entschaedigung) (at ${pAt})`);
    }
  }
  return out;
}

function mapFee(pos: XmlNode, field: string, at: string, errs: RecordErrors, out: MappedPositions, n: number) {
  const go = pos.attrs.go;
  if (go !== 'GOAE') errs.add(`${field}.code`, `go="${go ?? ''}" is not supported, only GOAE (at ${at}/@go)`);
  if (pos.attrs.berechnung === 'B') errs.add(field, `berechnung="B" (only special costs) is not supported (at ${at}/@berechnung)`);
  const ziffer = (pos.attrs.ziffer ?? '').trim();
  if (!ziffer) errs.add(`${field}.code`, `@ziffer is missing or empty (at ${at}/@ziffer)`);
  // @analog (String_1-8): a boolean-like marker, or the GOÄ number the service is billed as.
  const analogRaw = (pos.attrs.analog ?? '').trim();
  const isAnalog = analogRaw !== '' && !/^(false|0)$/i.test(analogRaw);
  const code = isAnalog && !/^(true|1)$/i.test(analogRaw) ? analogRaw : ziffer;

  let factor = '';
  const faktor = childText(pos, 'faktor');
  if (faktor !== undefined) {
    const f = parseFactor(faktor, false);
    if (f.ok) factor = f.value;
    else errs.add(`${field}.factor`, `<faktor> ${f.reason} (at ${at}/faktor)`);
  } else if (childText(pos, 'einzelbetrag') !== undefined) {
    errs.add(`${field}.factor`, `a fixed <einzelbetrag> instead of <faktor> is not supported for GOÄ fees (at ${at})`);
  } else {
    errs.add(`${field}.factor`, `<faktor> is missing (at ${at}/faktor)`);
  }
  const text = childText(pos, 'text') || undefined;
  const line: Extract<IntakeLine, { kind: 'fee' }> = { kind: 'fee', code, date: '', factor, count: 0 };
  const begruendung = childText(pos, 'begruendung');
  if (begruendung) line.justification = begruendung;
  if (isAnalog) {
    if (text) line.analogDescription = text;
    else errs.add(`${field}.analogDescription`, `analog position without <text> describing the service performed (at ${at}/text)`);
  }
  const punktzahl = childText(pos, 'punktzahl');
  if (punktzahl !== undefined) {
    const p = parsePositiveInt(punktzahl, 99999);
    if (p.ok) line.points = p.value;
    else errs.add(`${field}.points`, `<punktzahl> ${p.reason} (at ${at}/punktzahl)`);
  }
  if (text) line.text = text;
  const ms = childText(pos, 'minderungssatz');
  if (ms !== undefined) {
    const value = normaliseReduction(ms);
    if (value) out.reductions.push({ line: n, value });
    else errs.add('inpatientReduction', `<minderungssatz> '${ms}' is not 0, 15 or 25 (at ${at}/minderungssatz)`);
  }
  return line;
}

/** A fee position's <gesamtbetrag> in cents (the schema requires it; a file without it states nothing). */
function statedAmount(pos: XmlNode, field: string, at: string, errs: RecordErrors): number | undefined {
  const raw = childText(pos, 'gesamtbetrag');
  if (raw === undefined) return undefined;
  const amount = parseXsdAmount(raw);
  return amount.ok ? amount.value : void errs.add(field, `<gesamtbetrag> ${amount.reason} (at ${at}/gesamtbetrag)`);
}

/** Unit amount in cents; a given gesamtbetrag must equal einzelbetrag × anzahl. */
function amountOf(pos: XmlNode, field: string, at: string, count: number, errs: RecordErrors): number {
  const raw = childText(pos, 'einzelbetrag');
  if (raw === undefined) return errs.add(`${field}.amountCents`, `<einzelbetrag> is missing (at ${at}/einzelbetrag)`), 0;
  const unit = parseXsdAmount(raw);
  if (!unit.ok) return errs.add(`${field}.amountCents`, `<einzelbetrag> ${unit.reason} (at ${at}/einzelbetrag)`), 0;
  const totalRaw = childText(pos, 'gesamtbetrag');
  const total = totalRaw === undefined ? undefined : parseXsdAmount(totalRaw);
  if (total && !total.ok) errs.add(`${field}.amountCents`, `<gesamtbetrag> ${total.reason} (at ${at}/gesamtbetrag)`);
  else if (total && count > 0 && total.value !== unit.value * count) {
    errs.add(`${field}.amountCents`, `<gesamtbetrag> ${formatCents(total.value)} is not einzelbetrag ${formatCents(unit.value)} × anzahl ${count} (at ${at}/gesamtbetrag)`);
  }
  return unit.value;
}
