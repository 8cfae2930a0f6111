import type { Tx } from '../../infra/db/prisma';
import type { RecipientDue } from '../../domain/money/payout-run-lines';
import { runInvoiceAmounts, type RunInvoiceAmounts } from '../../domain/money/run-invoice';
import { inkassoClientIds, uninvoicedFees, type UninvoicedFees } from '../../persistence/money/run-invoices';
import { loadPolicy } from '../../persistence/policy';

export interface InvoiceDue {
  fees: UninvoicedFees;
  amounts: RunInvoiceAmounts;
}

/**
 * The invoice each Inkasso client is due with the run: the fees not invoiced yet on the claims of
 * its payables, VAT as its policy (`feeVat`) says. The VAT is set on the client's due, so its line
 * is reduced by it. Returns the invoices by client id.
 */
export async function invoicesDue(tx: Tx, dues: RecipientDue[]): Promise<Map<string, InvoiceDue>> {
  const clients = dues.filter((d) => d.kind === 'CLIENT');
  const inkasso = await inkassoClientIds(tx, clients.map((d) => d.id));
  const invoices = new Map<string, InvoiceDue>();
  for (const due of clients.filter((d) => inkasso.has(d.id))) {
    const fees = await uninvoicedFees(tx, due.id, due.payables.map((p) => p.id));
    if (!fees) continue;
    const amounts = runInvoiceAmounts(fees.items, (await loadPolicy(tx, due.id)).feeVat);
    due.vatCents = amounts.vatCents;
    invoices.set(due.id, { fees, amounts });
  }
  return invoices;
}
