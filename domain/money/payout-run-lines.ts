import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import { formatEuro } from '../format';

/**
 * A payout run's lines, as pure functions of what is owed: one line per recipient, paying the sum
 * of its released claim-level payables (charge-backs are negative payables and reduce it), or held
 * back with the reason when it cannot be paid now. A held-back line's payables stay open for the
 * next run. A client is paid its released payables (net of the levies taken from them); a levy
 * recipient the levies taken for it.
 */

export type RecipientKind = 'CLIENT' | 'LEVY_RECIPIENT';

/**
 * What a run line pays, not yet in any run: a client's released claim-level payable (`id` = its
 * `Payout` row) or a levy taken for a recipient (`id` = the key of the levy's ledger entry).
 */
export interface OpenPayable {
  id: string;
  amountCents: number;
}

/** The account a recipient is paid to, as its master data holds it. */
export interface PayoutAccount {
  iban: string;
  bic: string | null;
  holder: string;
}

export interface RecipientDue {
  kind: RecipientKind;
  id: string;
  name: string;
  account: PayoutAccount | null;
  /** Why the account on file must not be paid to (it is a collection account). */
  problem?: string;
  payables: OpenPayable[];
  /** VAT on the Inkasso fees the client is invoiced with the run: deducted from its line. */
  vatCents?: number;
}

export interface RunLine {
  kind: RecipientKind;
  id: string;
  name: string;
  /** What the transfer pays: the payables less the VAT deducted. */
  amountCents: number;
  vatCents: number;
  account: PayoutAccount | null;
  /** Null: paid in this run, with these payables. */
  heldBackReason: string | null;
  payables: OpenPayable[];
}

/** Why a recipient's line cannot be paid now, or null. */
function holdBackReason(r: RecipientDue, amountCents: number, account: PayoutAccount | null): string | null {
  if (amountCents <= 0) return `nothing to pay: charge-backs exceed what is owed (${formatEuro(amountCents)})`;
  if (r.problem) return r.problem;
  if (!account) return `${r.name} has no payout account (IBAN): enter one, the amount waits for the next run`;
  if (!isValidIBAN(account.iban)) return `the payout IBAN "${account.iban}" of ${r.name} is not a valid IBAN`;
  if (account.bic !== null && !isValidBIC(account.bic)) return `the payout BIC "${account.bic}" of ${r.name} is not a valid BIC`;
  return null;
}

/** The account in the form the SEPA file wants: IBAN without spaces, upper case. */
function normalised(account: PayoutAccount | null): PayoutAccount | null {
  if (!account) return null;
  return { iban: electronicFormatIBAN(account.iban) ?? account.iban, bic: account.bic?.toUpperCase().replace(/\s/g, '') || null, holder: account.holder };
}

/** One line per recipient with payables, in the order given; a client's VAT on its fees is deducted. */
export function runLines(recipients: RecipientDue[]): RunLine[] {
  return recipients
    .filter((r) => r.payables.length > 0)
    .map((r) => {
      const vatCents = r.vatCents ?? 0;
      const amountCents = r.payables.reduce((s, p) => s + p.amountCents, 0) - vatCents;
      const account = normalised(r.account);
      return { kind: r.kind, id: r.id, name: r.name, amountCents, vatCents, account, heldBackReason: holdBackReason(r, amountCents, account), payables: r.payables };
    });
}

/** The run's totals: what it pays (count and sum, the SEPA file's NbOfTxs and CtrlSum) and what it holds back. */
export function runTotals(lines: RunLine[]): { lineCount: number; totalCents: number; heldBackCents: number } {
  const paid = lines.filter((l) => l.heldBackReason === null);
  return {
    lineCount: paid.length,
    totalCents: paid.reduce((s, l) => s + l.amountCents, 0),
    heldBackCents: lines.filter((l) => l.heldBackReason !== null).reduce((s, l) => s + l.amountCents, 0),
  };
}
