import type { AccountName } from '../ledger/accounts';

/** The standard charts of accounts (Standardkontenrahmen) DATEV ships and a centre books in. */
export type Skr = 'SKR03' | 'SKR04';
export const SKRS: readonly Skr[] = ['SKR03', 'SKR04'];

/**
 * The shipped account numbers of every internal account, per standard chart: the account the
 * chart has for it, or, where the ledger splits what the chart keeps in one account, a further
 * account of that account's range (labelled in DATEV by the accountant). Each centre may override
 * any of them (PUT /api/accounting/chart). None is an automatic VAT account (BU-Schlüssel empty).
 */
export const SKR_DEFAULTS: Record<Skr, Record<AccountName, string>> = {
  SKR03: {
    bank: '1200', // Bank
    receivable_principal: '1400', // Forderungen aus Lieferungen und Leistungen
    receivable_costs: '1410', // Forderungen aus LuL ohne Kontokorrent (dunning fees, lawyer's costs)
    receivable_interest: '1500', // Sonstige Vermögensgegenstände (default interest owed)
    lawyer_clearing: '1501', // range Sonstige Vermögensgegenstände: Verrechnung Rechtsanwalt
    client_payable: '1600', // Verbindlichkeiten aus Lieferungen und Leistungen (owed to clients)
    client_payout_due: '1605', // range Verbindlichkeiten aus LuL: released to the next payout run
    client_claims: '1610', // Verbindlichkeiten aus LuL ohne Kontokorrent (clients' stake in claims collected for them)
    payer_credit: '1700', // Sonstige Verbindlichkeiten (overpayments owed back)
    lawyer_payable: '1701', // range Sonstige Verbindlichkeiten: owed to the lawyer
    levy_payable: '1702', // range Sonstige Verbindlichkeiten: levies owed to their recipients
    unallocated_receipts: '1590', // Durchlaufende Posten (receipts awaiting allocation)
    non_claim_receipts: '1360', // Geldtransit (handed to general accounting)
    fee_income: '8200', // Erlöse (factoring discounts, Inkasso and dunning fees)
    interest_income: '2650', // Sonstige Zinsen und ähnliche Erträge
    bad_debt: '2400', // Forderungsverluste (übliche Höhe)
    bank_charges: '4970', // Nebenkosten des Geldverkehrs
    factor_clearing: '1502', // range Sonstige Vermögensgegenstände: Verrechnung Refinanzierungsfactor
    receivables_sold: '1420', // range Forderungen aus LuL: an den Factor verkaufte Forderungen (Gegenkonto)
    factor_discount: '2100', // Zinsen und ähnliche Aufwendungen (Refinanzierungskosten)
    vat_payable: '1770', // Umsatzsteuer (VAT on fees, from the payout runs' client invoices)
  },
  SKR04: {
    bank: '1800', // Bank
    receivable_principal: '1200', // Forderungen aus Lieferungen und Leistungen
    receivable_costs: '1210', // Forderungen aus LuL ohne Kontokorrent
    receivable_interest: '1300', // Sonstige Vermögensgegenstände
    lawyer_clearing: '1301', // range Sonstige Vermögensgegenstände: Verrechnung Rechtsanwalt
    client_payable: '3300', // Verbindlichkeiten aus Lieferungen und Leistungen
    client_payout_due: '3305', // range Verbindlichkeiten aus LuL: released to the next payout run
    client_claims: '3310', // Verbindlichkeiten aus LuL ohne Kontokorrent
    payer_credit: '3500', // Sonstige Verbindlichkeiten
    lawyer_payable: '3501', // range Sonstige Verbindlichkeiten: owed to the lawyer
    levy_payable: '3502', // range Sonstige Verbindlichkeiten: levies owed to their recipients
    unallocated_receipts: '1370', // Durchlaufende Posten
    non_claim_receipts: '1460', // Geldtransit
    fee_income: '4200', // Erlöse
    interest_income: '7100', // Sonstige Zinsen und ähnliche Erträge
    bad_debt: '6930', // Forderungsverluste (übliche Höhe)
    bank_charges: '6855', // Nebenkosten des Geldverkehrs
    factor_clearing: '1302', // range Sonstige Vermögensgegenstände: Verrechnung Refinanzierungsfactor
    receivables_sold: '1220', // range Forderungen aus LuL: an den Factor verkaufte Forderungen (Gegenkonto)
    factor_discount: '7300', // Zinsen und ähnliche Aufwendungen (Refinanzierungskosten)
    vat_payable: '3800', // Umsatzsteuer (VAT on fees, from the payout runs' client invoices)
  },
};
