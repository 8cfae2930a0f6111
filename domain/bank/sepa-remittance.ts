/**
 * The SEPA identifiers German banks write into the Verwendungszweck of MT940 :86: (and DTAUS-born
 * texts): "EREF+<end-to-end id>", "MREF+<mandate>", "SVWZ+<remittance>", "ABWA+<ultimate debtor>"...
 * A field too short for its value continues in the next subfield without repeating the identifier,
 * so the subfields are joined first and split by identifier afterwards.
 */
const IDENTIFIER = /(EREF|KREF|MREF|CRED|DEBT|COAM|OAMT|SVWZ|ABWA|ABWE|IBAN|BIC)\+/g;

export interface SepaParts {
  /** Text before the first identifier (older, unstructured remittance). */
  leading: string;
  parts: Map<string, string>;
}

export function splitSepaIdentifiers(text: string): SepaParts {
  const found = [...text.matchAll(IDENTIFIER)];
  const parts = new Map<string, string>();
  found.forEach((m, i) => {
    const start = m.index! + m[0].length;
    const end = i + 1 < found.length ? found[i + 1].index! : text.length;
    if (!parts.has(m[1])) parts.set(m[1], text.slice(start, end).trim());
  });
  return { leading: text.slice(0, found[0]?.index ?? text.length).trim(), parts };
}

/** "NOTPROVIDED" is SEPA's way of saying there is no end-to-end id. */
export function endToEndIdOf(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v && v !== 'NOTPROVIDED' ? v : undefined;
}

/** A mandate reference as delivered, without the blanks a wrapped field leaves around it. */
export function mandateIdOf(value: string | undefined): string | undefined {
  return value?.trim() || undefined;
}

export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
