import type { BankLineKind } from './bank-line';

/**
 * German transaction codes (Geschäftsvorfallcodes, GVC) of the Deutsche Kreditwirtschaft, as MT940
 * :86: and the DK's proprietary CAMT BkTxCd ("NTRF+166+...") carry them. Only the codes that change
 * what a line is are listed; every other code is a plain credit or debit by its sign.
 */
/** Returned direct debits: 009 Rückbelastung (pre-SEPA), 109 SEPA-Basislastschrift Rückbelastung. */
export const DIRECT_DEBIT_RETURN_GVC = new Set(['009', '109']);
/** 159 SEPA-Überweisung Retoure: a transfer came back. */
export const TRANSFER_RETURN_GVC = new Set(['159']);
const RETURN_GVC = new Set([...DIRECT_DEBIT_RETURN_GVC, ...TRANSFER_RETURN_GVC]);
const CHARGE_GVC = new Set([
  '805', // Abschluss / Entgelte (account closing, fees)
  '808', // Gebühren
]);

export function kindOfGvc(gvc: string | undefined): BankLineKind | undefined {
  if (!gvc) return undefined;
  if (RETURN_GVC.has(gvc)) return 'RETURN';
  if (CHARGE_GVC.has(gvc)) return 'CHARGE';
  return undefined;
}

/** The GVC inside a DK proprietary bank transaction code such as "NTRF+166+931" or "166". */
export function gvcOfProprietaryCode(code: string | undefined): string | undefined {
  return code ? /^(?:N[A-Z0-9]{3}\+)?(\d{3})(?:\+|$)/.exec(code)?.[1] : undefined;
}

export function signedKind(amountCents: number): BankLineKind {
  return amountCents < 0 ? 'DEBIT' : 'CREDIT';
}
