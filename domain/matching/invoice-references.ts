import { INVOICE_PREFIX, mod97CheckDigits } from '../invoice-number';
import { scrubRemittance } from './remittance-scrub';

/**
 * Finds invoice numbers in remittance text as people and banks actually write them: spaces and
 * dashes inside ("RE 0000 1000 08"), lower case, a missing or mangled prefix ("Rg", "Rechnungsnr.",
 * "R E"), letters a scanner or a hurried typist puts for digits ("RE0OOO1OOO08"), several numbers in
 * one line. Every 10-digit window is verified by its check digits; only valid ones are strong
 * evidence, the corrections needed are recorded so that more guessing costs more confidence.
 */

/** Letters confused with digits (OCR and typing), upper-cased: O↔0, I/l↔1, S↔5, B↔8, Z↔2, G↔6. */
const OCR_DIGIT: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1', S: '5', B: '8', Z: '2', G: '6' };
const NUMBER_LENGTH = 10;

/** Digits and digit-like letters, in groups joined by spaces or dashes (a bank's line break adds one more). */
const RUN = /[0-9OILSBZG]+(?:[ -]{1,2}[0-9OILSBZG]+)*/g;
const TOKEN = /[0-9OILSBZG]+/g;
/** "RE", "Re.", "R E", "Rg", "Rg.-Nr.", "Rechnung", "Rechnungsnr.:", "Rechnungsnummer" right before the number. */
const PREFIX_BEFORE = /(?:^|[^A-Z])(?:RECHNUNG[A-Z]*|RECHN|RG|R ?E|INVOICE|INV)[\s.:#/-]*(?:NR|NO|NUMMER)?[\s.:#/-]*$/;

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

function readWindow(text: string, start: number, end: number, window: string, maxCorrections: number): InvoiceReference | undefined {
  const corrections: string[] = [];
  let digits = '';
  for (const ch of window) {
    if (ch >= '0' && ch <= '9') digits += ch;
    else {
      if (corrections.length === maxCorrections) return undefined;
      corrections.push(`${ch}→${OCR_DIGIT[ch]}`);
      digits += OCR_DIGIT[ch];
    }
  }
  return {
    number: INVOICE_PREFIX + digits,
    digits,
    valid: isValidDigits(digits),
    corrections,
    prefixed: PREFIX_BEFORE.test(text.slice(Math.max(0, start - 20), start)),
    found: text.slice(start, end),
  };
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
        const ref = readWindow(text, tokens[i].start + cutLead, end - cutTrail, joined.slice(cutLead, cutLead + NUMBER_LENGTH), maxCorrections);
        if (ref) out.push(ref);
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
  if (digitCount(remittance) < NUMBER_LENGTH - maxCorrections) return [];
  const text = scrubRemittance(remittance.toUpperCase());
  const found: InvoiceReference[] = [];
  for (const m of text.matchAll(RUN)) {
    // Most runs are the O, I, L, S, B, Z, G inside ordinary words: too few digits to be a number.
    if (digitCount(m[0]) >= NUMBER_LENGTH - maxCorrections) windowsOfRun(text, m.index, m[0], maxCorrections, found);
  }
  const byNumber = new Map<string, InvoiceReference>();
  for (const ref of found) {
    const seen = byNumber.get(ref.number);
    if (!seen || better(ref, seen)) byNumber.set(ref.number, ref);
  }
  return [...byNumber.values()];
}
