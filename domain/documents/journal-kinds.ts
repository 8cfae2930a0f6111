/** The journals a client receives for a period (DocumentRequest kinds). */
export const JOURNAL_KINDS = ['outgoing_invoice_journal', 'purchase_journal', 'payout_journal', 'client_invoice'] as const;
export type JournalKind = (typeof JOURNAL_KINDS)[number];

/** Which journals fit a client's tariff: purchases only under factoring, the fee invoice only under Inkasso. */
export function journalKindsFor(tariff: string): JournalKind[] {
  return JOURNAL_KINDS.filter((k) => (k === 'purchase_journal' ? tariff !== 'INKASSO' : k === 'client_invoice' ? tariff === 'INKASSO' : true));
}
