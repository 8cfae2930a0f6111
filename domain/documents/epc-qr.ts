import type { BankAccount } from './document-request';

/**
 * The payload of an EPC QR code ("GiroCode", EPC069-12 version 002): a SEPA credit transfer a
 * banking app fills in from the picture. Lines: service tag, version, character set (1 = UTF-8),
 * identification, BIC, beneficiary, IBAN, amount, purpose, structured reference (empty), text.
 */
export function epcQrPayload(account: BankAccount, amountCents: number, remittance: string): string {
  if (!Number.isSafeInteger(amountCents) || amountCents < 1 || amountCents > 99_999_999_999) throw new RangeError(`an EPC QR code carries 0.01 to 999999999.99 EUR, not ${amountCents} cents`);
  const amount = `EUR${Math.floor(amountCents / 100)}.${String(amountCents % 100).padStart(2, '0')}`;
  return ['BCD', '002', '1', 'SCT', account.bic ?? '', account.holder.slice(0, 70), account.iban.replace(/\s+/g, ''), amount, '', '', remittance.slice(0, 140)].join('\n');
}
