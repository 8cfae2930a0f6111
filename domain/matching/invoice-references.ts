import { INVOICE_PREFIX, mod97CheckDigits } from '../invoice-number';
import { scrubRemittance } from './remittance-scrub';

/**
 * Finds invoice numbers in remittance text as people and banks actually write them: spaces and
 * dashes inside ("RE 0000 1000 08"), lower case, a missing or mangled prefix ("Rg", "Rechnungsnr.",
 * "R E"), letters a scanner or a hurried typist puts for digits ("RE0OOO1OOO08"), several numbers in
 * one line. Every 10-digit window is verified by its check digits; only valid ones are strong
 * evidence, the corrections needed are recorded so that more guessing costs more confidence.
 */

/**
 * Characters a scanner, a hurried typist or another alphabet puts for digits, with every digit each
 * may stand for. Case matters: "b" and "g" are a handwritten 6 and 9, but also what a lower-cased
 * "B" (8) and "G" (6) become, so both are tried and the check digits choose. Fullwidth and other
 * compatibility digits are plain digits after NFKC normalisation; Cyrillic and Greek letters
 * that look like Latin ones ("О", "З") come from keyboards switched to another layout.
 */
const LOOK_ALIKES: Readonly<Record<string, readonly string[]>> = {
  O: ['0'], o: ['0'], Q: ['0'], D: ['0'], Ø: ['0'], ø: ['0'], О: ['0'], о: ['0'], Ο: ['0'], ο: ['0'],
  I: ['1'], i: ['1'], l: ['1'], L: ['1'], І: ['1'], і: ['1'],
  Z: ['2'], z: ['2'],
  З: ['3'], з: ['3'],
  A: ['4'],
  S: ['5'], s: ['5'],
  G: ['6'], б: ['6'],
  b: ['6', '8'],
  T: ['7'],
  B: ['8'], ß: ['8'], В: ['8'],
  g: ['9', '6'], q: ['9'],
};
const LOOK_ALIKE_CLASS = Object.keys(LOOK_ALIKES).join('');
const NUMBER_LENGTH = 10;

/** Digits and digit-like letters, in groups joined by spaces or dashes (a bank's line break adds one more). */
const RUN = new RegExp(`[0-9${LOOK_ALIKE_CLASS}]+(?:[ -]{1,2}[0-9${LOOK_ALIKE_CLASS}]+)*`, 'g');
const TOKEN = new RegExp(`[0-9${LOOK_ALIKE_CLASS}]+`, 'g');
/** "RE", "Re.", "R E", "Rg", "Rg.-Nr.", "Rechnung", "Rechnungsnr.:", "Rechnungsnummer" right before the number. */
const PREFIX_BEFORE = /(?:^|[^A-Z])(?:RECHNUNG[A-Z]*|RECHN|RG|R ?E|INVOICE|INV)[\s.:#/-]*(?:NR|NO|NUMMER)?[\s.:#/-]*$/i;

export interface InvoiceReference {
  /** The invoice number the text reads as after corrections, e.g. "RE0000100008". */
  number: string;
  /** The 10 digits (sequence and check digits). */
  digits: string;
  /** The check digits are right. */
  valid: boolean;
  /** Letter-for-digit corrections applied, e.g. ["O→0", "S→5"]. */
  corrections: string[];
  /** An invoice prefix stood right before the number. */
  prefixed: boolean;
  /** The text as found, for reasons. */
  found: string;
}

export function isValidDigits(digits: string): boolean {
  return mod97CheckDigits(digits.slice(0, 8)) === digits.slice(8);
}

function digitCount(run: string): number {
  let n = 0;
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

function leadingLetters(token: string): number {
  let n = 0;
  while (n < token.length && !(token[n] >= '0' && token[n] <= '9')) n++;
  return n;
}

function trailingLetters(token: string): number {
  let n = 0;
  while (n < token.length && !(token[token.length - 1 - n] >= '0' && token[token.length - 1 - n] <= '9')) n++;
  return n;
}

/** Every reading of a window: each look-alike letter replaced by each digit it may stand for. */
function readings(window: string): { digits: string; corrections: string[] }[] {
  let out = [{ digits: '', corrections: [] as string[] }];
  for (const ch of window) {
    if (ch >= '0' && ch <= '9') out = out.map((r) => ({ digits: r.digits + ch, corrections: r.corrections }));
    else out = out.flatMap((r) => LOOK_ALIKES[ch].map((d) => ({ digits: r.digits + d, corrections: [...r.corrections, `${ch}→${d}`] })));
  }
  return out;
}

function readWindow(text: string, start: number, end: number, window: string, maxCorrections: number, out: InvoiceReference[]): void {
  if (NUMBER_LENGTH - digitCount(window) > maxCorrections) return;
  const prefixed = PREFIX_BEFORE.test(text.slice(Math.max(0, start - 20), start));
  for (const { digits, corrections } of readings(window)) {
    out.push({ number: INVOICE_PREFIX + digits, digits, valid: isValidDigits(digits), corrections, prefixed, found: text.slice(start, end) });
  }
}

/**
 * Windows of a run: whole groups from i to j, where the first group may drop some of its leading
 * letters (the "G" of "RGO000100008") and the last some of its trailing ones. Windows never cut through digits,
 * so a longer digit string (an account or customer number) yields no invoice number.
 */
function windowsOfRun(text: string, runStart: number, run: string, maxCorrections: number, out: InvoiceReference[]): void {
  const tokens = [...run.matchAll(TOKEN)].map((m) => ({ text: m[0], start: runStart + m.index }));
  for (let i = 0; i < tokens.length; i++) {
    const lead = leadingLetters(tokens[i].text);
    let joined = '';
    for (let j = i; j < tokens.length; j++) {
      joined += tokens[j].text;
      const trail = j === i && lead === tokens[i].text.length ? 0 : trailingLetters(tokens[j].text);
      if (joined.length - lead - trail > NUMBER_LENGTH) break;
      const end = tokens[j].start + tokens[j].text.length;
      for (let cutLead = 0; cutLead <= lead; cutLead++) {
        const cutTrail = joined.length - cutLead - NUMBER_LENGTH;
        if (cutTrail < 0 || cutTrail > trail) continue;
        readWindow(text, tokens[i].start + cutLead, end - cutTrail, joined.slice(cutLead, cutLead + NUMBER_LENGTH), maxCorrections, out);
      }
    }
  }
}

/** Preference when one number was read from several windows: valid, prefixed, fewest corrections. */
function better(a: InvoiceReference, b: InvoiceReference): boolean {
  if (a.valid !== b.valid) return a.valid;
  if (a.prefixed !== b.prefixed) return a.prefixed;
  return a.corrections.length < b.corrections.length;
}

/** Every invoice-number reading of the text (valid or not), one per number, in order of appearance. */
export function findInvoiceReferences(remittance: string, maxCorrections: number): InvoiceReference[] {
  // Fullwidth and other compatibility digits become plain ones; plain ASCII needs no normalising.
  const normal = /[^\x00-\x7f]/.test(remittance) ? remittance.normalize('NFKC') : remittance;
  if (digitCount(normal) < NUMBER_LENGTH - maxCorrections) return [];
  const text = scrubRemittance(normal);
  const found: InvoiceReference[] = [];
  for (const m of text.matchAll(RUN)) {
    // Most runs are look-alike letters inside ordinary words: too few digits to be a number.
    if (digitCount(m[0]) >= NUMBER_LENGTH - maxCorrections) windowsOfRun(text, m.index, m[0], maxCorrections, found);
  }
  const byNumber = new Map<string, InvoiceReference>();
  for (const ref of found) {
    const seen = byNumber.get(ref.number);
    if (!seen || better(ref, seen)) byNumber.set(ref.number, ref);
  }
  return [...byNumber.values()];
}
