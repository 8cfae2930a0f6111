import { composeIBAN } from 'ibantools';
import { normalizeIban } from '../bank/iban';
import type { CollectionAccount } from './collection-account';

/**
 * A statement's own account as an IBAN: CAMT gives the IBAN, MT940's :25: and OFX may give the
 * German "bank code/account number" (sometimes with the currency after it), which has one IBAN.
 */
export function statementAccountIban(accountId: string): string {
  const german = /^(\d{8})\/(\d{1,10})(?:[A-Z]{3})?$/.exec(accountId.replace(/\s+/g, ''));
  if (german) return composeIBAN({ countryCode: 'DE', bban: german[1]! + german[2]!.padStart(10, '0') }) ?? accountId;
  return normalizeIban(accountId);
}

export type StatementAccounts = { accountIds: Array<string | null> } | { location: string; reason: string };

/**
 * Which collection account each statement of a file is for (by index). No collection account
 * configured at all (an installation from before they existed): the statements are imported
 * without one (null). Once any is configured, a statement for another account is not ours to book:
 * the whole file is quarantined naming that account and statement, and nothing of it is booked.
 * An inactive account is still known: money may arrive after it was retired.
 */
export function statementAccounts(statements: Array<{ accountId: string; statementId?: string }>, accounts: CollectionAccount[]): StatementAccounts {
  if (accounts.length === 0) return { accountIds: statements.map(() => null) };
  const byIban = new Map(accounts.map((a) => [a.iban, a.id]));
  const accountIds: string[] = [];
  for (const [i, s] of statements.entries()) {
    const id = byIban.get(statementAccountIban(s.accountId));
    if (!id) return { location: `statement ${i + 1} (${s.statementId ?? 'without id'})`, reason: `account ${s.accountId} is not a collection account of the centre: a statement of it is not booked` };
    accountIds.push(id);
  }
  return { accountIds };
}
