/**
 * Compares the account holder's name on a bank line with a claim's payer. Banks write names
 * upper-case, without umlauts ("MUELLER, HANS"), surname first, with titles or both spouses; the
 * invoice says "Dr. Hans Müller". Both are reduced to sets of plain name tokens before comparing.
 */

/** German umlauts as banks spell them out; other Latin letters lose their accents (é→e, å→a, ø→o). */
const TRANSLITERATION: Readonly<Record<string, string>> = {
  ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss',
  ...Object.fromEntries([...'àáâãåā'].map((c) => [c, 'a'])),
  ...Object.fromEntries([...'èéêëē'].map((c) => [c, 'e'])),
  ...Object.fromEntries([...'ìíîïī'].map((c) => [c, 'i'])),
  ...Object.fromEntries([...'òóôõøō'].map((c) => [c, 'o'])),
  ...Object.fromEntries([...'ùúûū'].map((c) => [c, 'u'])),
  ç: 'c', ć: 'c', č: 'c', ñ: 'n', ń: 'n', ł: 'l', ś: 's', š: 's', ş: 's', ź: 'z', ż: 'z', ž: 'z', ý: 'y', ÿ: 'y', ğ: 'g', ı: 'i', ę: 'e', ą: 'a',
};
/** Titles, salutations and joiners that say nothing about who pays. */
const NOISE = new Set(['dr', 'prof', 'med', 'dent', 'dipl', 'ing', 'herr', 'frau', 'hr', 'fr', 'und', 'u', 'familie', 'fam', 'eheleute', 'mr', 'mrs']);

interface Tokenised {
  tokens: string[];
  /** The tokens sorted and joined: equal for one person however the name is ordered. */
  key: string;
}

/** The same few thousand payer names come up on every line of a statement: tokenise each once. */
const MEMO_LIMIT = 100_000;
const memo = new Map<string, Tokenised>();

function tokenise(name: string): Tokenised {
  const known = memo.get(name);
  if (known) return known;
  let plain = name.toLowerCase();
  // Most names are plain ASCII; only the others pay for transliteration (letters it lacks split the name).
  if (/[^\x00-\x7f]/.test(plain)) plain = plain.replace(/[^\x00-\x7f]/g, (ch) => TRANSLITERATION[ch] ?? ' ');
  const tokens = plain.split(/[^a-z]+/).filter((t) => t.length > 0 && !NOISE.has(t));
  const result = { tokens, key: [...tokens].sort().join(' ') };
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(name, result);
  return result;
}

export function nameTokens(name: string): string[] {
  return tokenise(name).tokens;
}

export type NameVerdict = 'match' | 'partial' | 'mismatch' | 'unknown';

/** A holder token matches a payer token when equal, or as an initial ("H. Mueller"). */
function tokenFound(payerToken: string, holder: readonly string[]): boolean {
  return holder.some((h) => h === payerToken || (h.length === 1 && payerToken.startsWith(h)));
}

/**
 * match: every token of the payer's name is in the holder's (joint accounts carry more names);
 * partial: they share a real name token (a spouse, a parent with the same surname);
 * mismatch: nothing shared; unknown: the bank gave no name.
 */
export function compareNames(payerName: string, holderName: string | undefined): NameVerdict {
  const holder = nameTokens(holderName ?? '');
  const payer = nameTokens(payerName);
  if (holder.length === 0 || payer.length === 0) return 'unknown';
  const found = payer.filter((t) => tokenFound(t, holder));
  if (found.length === payer.length) return 'match';
  return found.some((t) => t.length >= 3) ? 'partial' : 'mismatch';
}

export function samePayerName(a: string, b: string): boolean {
  const key = tokenise(a).key;
  return key.length > 0 && key === tokenise(b).key;
}

/** One family: the same surname (the last name token, as invoices print "Title First Last"). */
export function sameFamily(a: string, b: string): boolean {
  const [x, y] = [tokenise(a).tokens, tokenise(b).tokens];
  return x.length > 0 && y.length > 0 && x[x.length - 1] === y[y.length - 1];
}
