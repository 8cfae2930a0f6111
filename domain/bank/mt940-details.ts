import { assignDefined } from './assign-defined';
import { isIbanShaped } from './iban';
import { collapseSpaces, endToEndIdOf, mandateIdOf, splitSepaIdentifiers } from './sepa-remittance';

/**
 * An MT940 :86: field. German banks structure it (DK "Mehrzweckfeld"): a 3-digit
 * Geschäftsvorfallcode, then subfields ?00 posting text, ?10 prima nota, ?20–?29 and ?60–?63
 * Verwendungszweck, ?30 bank code/BIC, ?31 account/IBAN, ?32–?33 name, ?34 return reason
 * (Textschlüsselergänzung), ?38 IBAN; the Verwendungszweck carries the SEPA identifiers (EREF+,
 * MREF+, SVWZ+ …). Some banks separate subfields with '>' instead of '?'. Anything else is free text.
 */
export interface Mt940Details {
  gvc?: string;
  postingText?: string;
  remittance: string;
  endToEndId?: string;
  mandateId?: string;
  counterpartyName?: string;
  counterpartyIban?: string;
  returnCode?: string;
}

const STRUCTURED = /^(\d{3})?([?>])(?=\d{2})/;
const SUBFIELD: Record<string, RegExp> = { '?': /\?(?=\d{2})/, '>': />(?=\d{2})/ };

export function parseDetails(lines: string[]): Mt940Details {
  // A structured field wraps lines at a fixed width, mid-word: its lines join without a space.
  const joined = lines.join('');
  const structured = STRUCTURED.exec(joined);
  if (!structured) return { remittance: collapseSpaces(lines.join(' ')) };

  const subfields = new Map<string, string>();
  for (const part of joined.slice(structured[0].length).split(SUBFIELD[structured[2]])) {
    const code = part.slice(0, 2);
    subfields.set(code, (subfields.get(code) ?? '') + part.slice(2));
  }
  const take = (codes: string[]) => codes.map((c) => subfields.get(c) ?? '').join('');
  const main = take(['20', '21', '22', '23', '24', '25', '26', '27', '28', '29']);
  const more = take(['60', '61', '62', '63']);
  // ?60–?63 go on where ?29 ends; when ?29 is unused they are text of their own.
  const continued = subfields.has('29');
  const sepa = splitSepaIdentifiers(continued ? main + more : main);
  const extra = continued ? undefined : splitSepaIdentifiers(more);
  const part = (id: string) => sepa.parts.get(id) ?? extra?.parts.get(id);
  const remittance = [sepa.parts.get('SVWZ') ?? sepa.leading, extra ? (extra.parts.get('SVWZ') ?? extra.leading) : ''].join(' ');
  const name = collapseSpaces(take(['32', '33'])) || part('ABWA');
  const iban = [subfields.get('31'), subfields.get('38'), part('IBAN')].map((v) => v?.replace(/\s/g, '')).find(isIbanShaped);

  return assignDefined<Mt940Details>({ remittance: collapseSpaces(remittance) }, {
    gvc: structured[1],
    postingText: collapseSpaces(subfields.get('00') ?? '') || undefined,
    endToEndId: endToEndIdOf(part('EREF')),
    mandateId: mandateIdOf(part('MREF')),
    counterpartyName: name || undefined,
    counterpartyIban: iban,
    returnCode: subfields.get('34')?.trim() || undefined,
  });
}
