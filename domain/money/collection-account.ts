import { friendlyFormatIBAN } from 'ibantools';
import type { BankAccount } from '../documents/document-request';

/** An account of the centre that patients pay into (table CollectionAccount). IBAN in electronic form. */
export interface CollectionAccount {
  id: string;
  kind: 'OWN' | 'TRUST';
  iban: string;
  bic: string | null;
  holder: string;
  bankName: string | null;
  /** A TRUST account that serves this client only; null: OWN, or a TRUST account shared by all clients. */
  clientId: string | null;
  active: boolean;
}

/**
 * The place an active account fills: the centre's own account, the shared trust account, or one
 * client's trust account. One active account per place, so a claim's account is never a guess.
 */
export function accountPlace(a: Pick<CollectionAccount, 'kind' | 'clientId'>): string {
  if (a.kind === 'OWN') return 'own account';
  return a.clientId ? `trust account of client ${a.clientId}` : 'shared trust account';
}

/** The account as a letter prints it: the IBAN in groups of four (the GiroCode strips the spaces). */
export function printedAccount(a: CollectionAccount): BankAccount {
  return { holder: a.holder, iban: friendlyFormatIBAN(a.iban) ?? a.iban, ...(a.bic ? { bic: a.bic } : {}), ...(a.bankName ? { bankName: a.bankName } : {}) };
}
