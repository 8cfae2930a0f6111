import { z } from 'zod';

/** The ledger's currency unless an entry names another: amounts are its minor units (cents). */
export const DEFAULT_CURRENCY = 'EUR';

/** An ISO 4217 alphabetic code. */
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as "EUR"');
