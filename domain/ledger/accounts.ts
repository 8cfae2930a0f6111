/**
 * The centre's chart of accounts. Postings are debit positive, credit negative; claim-related
 * postings carry the claim and client, so each claim's and each client's balances are sums.
 * Receivables are split into principal, costs and interest because a partial payment pays costs
 * first, then interest, then principal (§ 367 BGB), and each belongs to someone else.
 */
export const Account = {
  /** Patient owes the invoice amount (asset). */
  RECEIVABLE_PRINCIPAL: 'receivable_principal',
  /** Patient owes dunning fees (asset). */
  RECEIVABLE_COSTS: 'receivable_costs',
  /** Patient owes default interest (§ 288 BGB) (asset). */
  RECEIVABLE_INTEREST: 'receivable_interest',
  /** The client's stake in a claim the centre collects but has not bought (credit balance). */
  CLIENT_CLAIMS: 'client_claims',
  /** Money owed to the client for a claim, released to a payout run by the claim's payout step (credit balance). */
  CLIENT_PAYABLE: 'client_payable',
  /** Released claim-level payables awaiting their payout run; the run's transfer clears them (credit balance). */
  CLIENT_PAYOUT_DUE: 'client_payout_due',
  /** Overpayments owed back to the payer (credit balance). */
  PAYER_CREDIT: 'payer_credit',
  /** The centre's income: factoring discounts, Inkasso fees, dunning fees (credit balance). */
  FEE_INCOME: 'fee_income',
  /** Default interest on claims the centre bought (credit balance); on others it is the client's. */
  INTEREST_INCOME: 'interest_income',
  /** Purchased claims that could not be collected (expense). */
  BAD_DEBT: 'bad_debt',
  /** Bank receipts not yet allocated to a claim: the unclear-payments queue (credit balance). */
  UNALLOCATED_RECEIPTS: 'unallocated_receipts',
  /** The centre's bank account (asset). */
  BANK: 'bank',
  /** Charges the bank takes (expense). */
  BANK_CHARGES: 'bank_charges',
  /** Receipts staff found not to be claim payments, handed to general accounting (credit balance). */
  NON_CLAIM_RECEIPTS: 'non_claim_receipts',
  /** Money a lawyer collected for a claim and has not transferred to us yet (asset). */
  LAWYER_CLEARING: 'lawyer_clearing',
  /** A lawyer's costs the debtor owes, owed on to the lawyer (credit balance). */
  LAWYER_PAYABLE: 'lawyer_payable',
  /** Levies (Abgaben) taken from a client's fees, owed to their recipients until the payout run pays them (credit balance). */
  LEVY_PAYABLE: 'levy_payable',
  /** VAT charged on the centre's fees (the run invoices'), owed to the tax office (credit balance). */
  VAT_PAYABLE: 'vat_payable',
  /** Receivables sold on to the refinancing factor: what the factor owes for them until it pays (asset). */
  FACTOR_CLEARING: 'factor_clearing',
  /** The sold part of the receivables, set against them: the factor's now, though the centre still collects (credit balance). */
  RECEIVABLES_SOLD: 'receivables_sold',
  /** What the factor's price falls short of the amount sold: the cost of refinancing (expense). */
  FACTOR_DISCOUNT: 'factor_discount',
} as const;

export type AccountName = (typeof Account)[keyof typeof Account];

export interface Posting {
  account: AccountName;
  amountCents: number;
  /** The client whose liability this is, when not the entry's client (a share's or a levy's client). */
  clientId?: string;
}
