import { z } from 'zod';
import { Account, AccountName } from '../ledger/accounts';
import { Skr, SKR_DEFAULTS } from './skr-defaults';

const ACCOUNT_NAMES = Object.values(Account) as [AccountName, ...AccountName[]];

/** A DATEV account number: digits only, 4 to 9 of them (Sachkonten up to 8, Personenkonten one more). */
export const AccountNumber = z.string().regex(/^\d{4,9}$/, 'an account number of 4 to 9 digits');

/** The centre's chart as staff set it: the standard chart and per internal account overrides. */
export const ChartSettings = z.strictObject({
  skr: z.enum(['SKR03', 'SKR04']),
  overrides: z.partialRecord(z.enum(ACCOUNT_NAMES), AccountNumber).default({}),
});
export type ChartSettings = z.infer<typeof ChartSettings>;

/** Until staff choose, the centre books in SKR03 with its shipped numbers. */
export const DEFAULT_CHART: ChartSettings = { skr: 'SKR03', overrides: {} };

/** Every internal account with its number: the override where there is one, else the SKR's default. */
export function accountNumbers(c: ChartSettings): Record<AccountName, string> {
  return { ...SKR_DEFAULTS[c.skr as Skr], ...c.overrides };
}

/** The chart as the REST API shows it: per account its default, override and the number in force. */
export function chartView(c: ChartSettings) {
  const numbers = accountNumbers(c);
  return {
    skr: c.skr,
    overrides: c.overrides,
    accounts: ACCOUNT_NAMES.map((account) => ({ account, default: SKR_DEFAULTS[c.skr][account], number: numbers[account] })),
  };
}
