import type { AccountName } from '../ledger/accounts';
import type { BookingRow } from './buchungsstapel';

export interface LedgerTransactionForExport {
  id: string;
  kind: string;
  /** ISO day. */
  bookingDate: string;
  /** Belegfeld 1 as the ledger knows it: the invoice number, or the bank line / allocation id. */
  document: string;
  /** Who the entry concerns (the claim's payer), for the booking text; empty when nobody. */
  party: string;
  postings: Array<{ id: string; account: AccountName; amountCents: number; currency: string }>;
}

export type ExportRow = BookingRow & { transactionId: string; postingIds: string[] };

/** What DATEV calls each kind of entry (Buchungstext starts with it). */
const KIND_TEXT: Record<string, string> = {
  recognise: 'Rechnungsausgang',
  purchase: 'Forderungsankauf',
  payment: 'Zahlungseingang',
  interest: 'Verzugszinsen',
  default_lump_sum: 'Verzugspauschale',
  reminder_fee: 'Mahngebühr',
  cancellation: 'Gutschrift',
  uncollectible: 'Forderungsausfall',
  write_off: 'Ausbuchung',
  payout_release: 'Auszahlung freigegeben',
  payout: 'Auszahlung an Mandant',
  levy: 'Abgabe',
  levy_paid: 'Auszahlung Abgabe',
  lawyer_costs: 'Anwaltskosten',
  lawyer_settlement: 'Überweisung Rechtsanwalt',
  bank_unallocated: 'Ungeklärter Zahlungseingang',
  bank_return: 'Rückbuchung Zahlung',
  bank_charge: 'Bankgebühren',
  bank_refund: 'Rückerstattung',
  bank_not_ours: 'Kein Forderungseingang',
  bank_undo: 'Zuordnung zurückgenommen',
};

/** Belegfeld 1 in DATEV's alphabet (A-Z 0-9 $ & % * + - /), at most 36 characters. */
export function belegfeld1(reference: string): string {
  return reference.toUpperCase().replace(/[^A-Z0-9$&%*+\-/]/g, '').slice(0, 36);
}

/** Buchungstext: the kind's German name and the party, at most 60 characters. */
export function bookingText(kind: string, party: string): string {
  return [KIND_TEXT[kind] ?? kind, party].filter(Boolean).join(' ').slice(0, 60);
}

/**
 * A ledger transaction as DATEV booking rows. Postings are first summed per account number (two
 * internal accounts the chart numbers alike are one DATEV account; a sum of zero books nothing).
 * Two accounts left: one row, the debited account as Konto (Soll) against the credited one. More:
 * the account with the largest amount (the first of equals) is
 * the counter account (Gegenkonto) of every other, one row each, Soll or Haben as that account's
 * posting is a debit or a credit; the rows together move the counter account by exactly its
 * posting, so each row balances and the transaction balances as a whole.
 */
export function transactionRows(t: LedgerTransactionForExport, numbers: Record<AccountName, string>): ExportRow[] {
  const currencies = new Set(t.postings.map((p) => p.currency));
  if (currencies.size > 1) throw new Error(`transaction ${t.id} mixes currencies ${[...currencies].join(', ')}`);
  const groups = new Map<string, { cents: number; postingIds: string[] }>();
  for (const p of t.postings) {
    const g = groups.get(numbers[p.account]) ?? { cents: 0, postingIds: [] };
    g.cents += p.amountCents;
    g.postingIds.push(p.id);
    groups.set(numbers[p.account], g);
  }
  const moved = [...groups].filter(([, g]) => g.cents !== 0);
  if (moved.length < 2) return [];
  const [counterAccount, counter] = moved.length === 2 ? moved.find(([, g]) => g.cents < 0)! : moved.reduce((best, g) => (Math.abs(g[1].cents) > Math.abs(best[1].cents) ? g : best));
  return moved
    .filter(([account]) => account !== counterAccount)
    .map(([account, g]) => ({
      transactionId: t.id,
      postingIds: [...g.postingIds, ...counter.postingIds],
      amountCents: Math.abs(g.cents),
      debit: g.cents > 0,
      currency: [...currencies][0],
      account,
      counterAccount,
      documentDate: t.bookingDate,
      document: belegfeld1(t.document),
      text: bookingText(t.kind, t.party),
    }));
}
