/**
 * Where a ledger transaction came from, read from its idempotency key (each booking's key names
 * its source: persistence/payments.ts, services/bank/, persistence/claims/claim-steps.ts): a payment,
 * a bank line, a staff allocation of one, a payout released or transferred by a run, a lawyer's
 * report, a levy, a sale to the refinancing factor (its sale and the factor's answer), or the claim's invoice
 * itself (its recognition, purchase, fees, interest, credit note, write-off).
 */
export type TransactionSource =
  | { kind: 'payment'; id: string }
  | { kind: 'bank_line'; id: string }
  | { kind: 'allocation'; id: string }
  | { kind: 'payout'; id: string }
  /** A payout run line's transfer (its id: the line's). */
  | { kind: 'payout_transfer'; id: string }
  | { kind: 'lawyer_report'; id: string }
  | { kind: 'levy'; id: string }
  | { kind: 'factor_sale'; id: string }
  | { kind: 'invoice'; id: string }
  | { kind: 'entry'; id: string };

const BY_PREFIX: Array<[RegExp, TransactionSource['kind']]> = [
  [/^(?:interest:)?payment:([^:]+)$/, 'payment'],
  [/^bank-line:([^:]+):/, 'bank_line'],
  [/^bank-(?:refund|not-ours|undo):([^:]+)$/, 'allocation'],
  // A payout's key is the Payout row's key: the whole key identifies it.
  [/^(payout:.+)$/, 'payout'],
  [/^payout-run-line:(.+)$/, 'payout_transfer'],
  [/^lawyer-report:([^:]+):/, 'lawyer_report'],
  // A levy taken at a payout (persistence/claims/claim-steps.ts): the ClaimLevy row it books.
  [/^levy:([^:]+):/, 'levy'],
  [/^factor-sale:([^:]+):/, 'factor_sale'],
];

export function transactionSource(idempotencyKey: string, claimId: string | null): TransactionSource {
  for (const [re, kind] of BY_PREFIX) {
    const m = re.exec(idempotencyKey);
    if (m) return { kind, id: m[1] } as TransactionSource;
  }
  return claimId ? { kind: 'invoice', id: claimId } : { kind: 'entry', id: idempotencyKey };
}

/** The source document number for the accountant (Belegfeld 1): the invoice number where there is a claim, else the source's id. */
export function documentNumber(source: TransactionSource, claimId: string | null): string {
  return claimId ?? source.id;
}
