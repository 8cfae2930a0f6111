import { xsdDate } from './bank-dates';
import { attribute, child, text, type XmlNode } from './camt-xml';
import { decimalToCents } from './decimal-cents';
import type { Fail } from './read-statement';

/** Value readers shared by CAMT statements and entries; each fails with the element's path. */

export interface Money {
  cents: number;
  currency: string;
}

/** An <Amt Ccy="EUR">12.50</Amt> element, unsigned as CAMT writes it. */
export function readAmount(amt: XmlNode | undefined, at: string, fail: Fail): Money {
  const raw = text(amt);
  if (raw === undefined) fail(at, 'amount missing');
  if (!/^\d/.test(raw)) fail(at, `'${raw}' is not an unsigned amount (the direction belongs in CdtDbtInd)`);
  const parsed = decimalToCents(raw, '.');
  if (!parsed.ok) fail(at, parsed.reason);
  const currency = attribute(amt, 'Ccy');
  if (!currency || !/^[A-Z]{3}$/.test(currency)) fail(at, `amount ${raw} has no ISO currency (Ccy attribute)`);
  return { cents: parsed.cents, currency };
}

/** CRDT → +1, DBIT → -1. */
export function direction(indicator: string | undefined, at: string, fail: Fail): 1 | -1 {
  if (indicator === 'CRDT') return 1;
  if (indicator === 'DBIT') return -1;
  return fail(at, indicator === undefined ? 'credit/debit indicator missing' : `'${indicator}' is neither CRDT nor DBIT`);
}

/** An element holding <Dt> or <DtTm>; undefined when the element is absent. */
export function readDate(holder: XmlNode | undefined, at: string, fail: Fail): string | undefined {
  if (holder === undefined) return undefined;
  const raw = text(holder, 'Dt') ?? text(holder, 'DtTm');
  if (raw === undefined) return fail(at, 'neither Dt nor DtTm given');
  return xsdDate(raw) ?? fail(`${at}/${text(holder, 'Dt') ? 'Dt' : 'DtTm'}`, `'${raw}' is not a valid date`);
}

/** Account id: IBAN, else the bank's other identification (PrtryAcct in version 001.01). */
export function accountIdOf(account: XmlNode | undefined): string | undefined {
  return text(account, 'Id', 'IBAN') ?? text(child(account, 'Id', 'Othr'), 'Id') ?? text(account, 'Id', 'PrtryAcct', 'Id');
}
