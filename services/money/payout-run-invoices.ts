import type { Tx } from '../../infra/db/prisma';
import type { RecipientDue } from '../../domain/money/payout-run-lines';
import { runInvoiceAmounts, type RunInvoiceAmounts } from '../../domain/money/run-invoice';
import { inkassoClientIds, uninvoicedFees, type UninvoicedFees } from '../../persistence/money/run-invoices';
import { loadPolicies } from '../../persistence/policy';

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
  const feesOf = await uninvoicedFees(tx, clients.filter((d) => inkasso.has(d.id)).map((d) => ({ clientId: d.id, payoutIds: d.payables.map((p) => p.id) })));
  const policies = await loadPolicies(tx, [...feesOf.keys()]);
  const invoices = new Map<string, InvoiceDue>();
  for (const due of clients) {
    const fees = feesOf.get(due.id);
    if (!fees) continue;
    const amounts = runInvoiceAmounts(fees.items, policies.get(due.id)!.feeVat);
    due.vatCents = amounts.vatCents;
    invoices.set(due.id, { fees, amounts });
  }
  return invoices;
}
