import type { Parsed } from './values';

/**
 * PADneXt 2.12 has no element for the patient's consent to pass the claim to a billing centre
 * (§ 203 StGB). The practice obtains it in writing before it transmits a case; under the centre's
 * contract, transmitting a case is the practice's assurance that it has it. So consent is true
 * unless the invoice's free-text billing instruction (<rechnung>/<abrechnungsanweisung>) says
 * otherwise with the convention "Einwilligung: nein" (also "Einwilligung=ja|nein", case-insensitive).
 * Any other value there is an unknown consent state and makes the record an error, never a guess.
 */
const TOKEN = /einwilligung\s*[:=]\s*([^\s;,.]*)/i;
const YES = new Set(['ja', 'j', 'yes', 'true', '1', 'liegt_vor']);
const NO = new Set(['nein', 'n', 'no', 'false', '0', 'fehlt']);

export function consentFromInstruction(abrechnungsanweisung: string | undefined): Parsed<boolean> {
  const m = abrechnungsanweisung ? TOKEN.exec(abrechnungsanweisung) : null;
  if (!m) return { ok: true, value: true };
  const value = m[1].toLowerCase();
  if (YES.has(value)) return { ok: true, value: true };
  if (NO.has(value)) return { ok: true, value: false };
  return { ok: false, reason: `unknown consent state 'Einwilligung: ${m[1]}' in <abrechnungsanweisung> (expected ja or nein)` };
}
