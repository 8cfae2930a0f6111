import type { Db, Tx } from '../../infra/db/prisma';
import { Account } from '../../domain/ledger/accounts';
import { runInvoiceNumber, type FeeItem, type RunInvoiceAmounts } from '../../domain/money/run-invoice';
import { newRowId } from '../row-id';
import { bulkInsert } from '../bulk-insert';

/**
 * The Inkasso client invoices of payout runs: one per client line with fees, computed when the
 * run is prepared, numbered in their own series when it is executed. A cancelled run's invoices
 * go with its items (deleteRunInvoices): their fees are invoiced by the next run.
 */

export interface UninvoicedFees {
  items: FeeItem[];
  /** First and last day (UTC) of the payments whose fees they are. */
  from: string;
  to: string;
}

/**
 * Per client: its Inkasso fees on the claims of its payables (the payment entries' fee_income)
 * that no run invoice holds yet, per claim; clients without such fees are left out. One query for
 * all the clients of a run.
 */
export async function uninvoicedFees(tx: Tx, payables: Array<{ clientId: string; payoutIds: string[] }>): Promise<Map<string, UninvoicedFees>> {
  const payoutIds = payables.flatMap((p) => p.payoutIds);
  if (payoutIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<Array<{ clientId: string; claimId: string; collected: bigint; fee: bigint; first: string; last: string }>>`
    WITH claims AS (SELECT DISTINCT "clientId", "claimId" FROM "Payout" WHERE id = ANY(${payoutIds}::text[]) AND "claimId" IS NOT NULL),
    fees AS (
      SELECT c."clientId", p."claimId",
             SUM(CASE WHEN p.account = ${Account.CLIENT_CLAIMS} THEN p."amountCents" ELSE 0 END) AS collected,
             -SUM(CASE WHEN p.account = ${Account.FEE_INCOME} THEN p."amountCents" ELSE 0 END) AS fee,
             to_char(MIN(t."occurredAt" AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS first, to_char(MAX(t."occurredAt" AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS last
      FROM claims c
      JOIN "LedgerPosting" p ON p."claimId" = c."claimId" AND p.account IN (${Account.CLIENT_CLAIMS}, ${Account.FEE_INCOME})
      JOIN "LedgerTransaction" t ON t.id = p."transactionId" AND t.kind = 'payment'
      WHERE EXISTS (SELECT 1 FROM "LedgerPosting" f WHERE f."transactionId" = t.id AND f.account = ${Account.FEE_INCOME} AND f."clientId" = c."clientId")
      GROUP BY c."clientId", p."claimId"
    ),
    invoiced AS (
      SELECT v."clientId", i."claimId", SUM(i."collectedCents") AS collected, SUM(i."feeCents") AS fee
      FROM claims c JOIN "PayoutRunInvoiceItem" i ON i."claimId" = c."claimId" JOIN "PayoutRunInvoice" v ON v.id = i."invoiceId" AND v."clientId" = c."clientId"
      GROUP BY v."clientId", i."claimId"
    )
    SELECT f."clientId", f."claimId", f.collected - COALESCE(i.collected, 0) AS collected, f.fee - COALESCE(i.fee, 0) AS fee, f.first, f.last
    FROM fees f LEFT JOIN invoiced i ON i."clientId" = f."clientId" AND i."claimId" = f."claimId"
    WHERE f.fee - COALESCE(i.fee, 0) <> 0
    ORDER BY f."clientId", f."claimId"`;
  const byClient = new Map<string, UninvoicedFees>();
  for (const r of rows) {
    const fees = byClient.get(r.clientId) ?? { items: [], from: r.first, to: r.last };
    fees.items.push({ claimId: r.claimId, collectedCents: Number(r.collected), feeCents: Number(r.fee) });
    if (r.first < fees.from) fees.from = r.first;
    if (r.last > fees.to) fees.to = r.last;
    byClient.set(r.clientId, fees);
  }
  return byClient;
}

/** Stores a prepared line's invoice with its items (not numbered yet). */
export async function storeRunInvoice(tx: Tx, lineId: string, clientId: string, fees: UninvoicedFees, amounts: RunInvoiceAmounts): Promise<void> {
  const id = newRowId();
  await tx.payoutRunInvoice.create({ data: { id, lineId, clientId, ...amounts, periodFrom: new Date(`${fees.from}T00:00:00Z`), periodTo: new Date(`${fees.to}T00:00:00Z`) } });
  await bulkInsert(tx, 'PayoutRunInvoiceItem', { invoiceId: 'text', claimId: 'text', collectedCents: 'int4', feeCents: 'int4' }, fees.items.map((i) => ({ invoiceId: id, ...i })));
}

export async function deleteRunInvoices(tx: Tx, runId: string): Promise<void> {
  await tx.payoutRunInvoice.deleteMany({ where: { line: { runId } } });
}

/**
 * Numbers the run's invoices not numbered yet, in the order of their lines, continuing the series
 * without gaps: the caller holds the run preparation lock, so no other run numbers at the same time.
 */
export async function issueRunInvoices(tx: Tx, runId: string, issuedAt: Date): Promise<void> {
  const open = await tx.payoutRunInvoice.findMany({ where: { line: { runId }, seq: null }, orderBy: { line: { endToEndId: 'asc' } }, select: { id: true } });
  if (open.length === 0) return;
  const last = (await tx.payoutRunInvoice.aggregate({ _max: { seq: true } }))._max.seq ?? 0;
  for (const [i, inv] of open.entries()) {
    const seq = last + i + 1;
    await tx.payoutRunInvoice.update({ where: { id: inv.id }, data: { seq, number: runInvoiceNumber(issuedAt, seq), issuedAt } });
  }
}

/** The issued invoice of the run with this id, or null. */
export function issuedRunInvoice(db: Db, runId: string, invoiceId: string) {
  return db.payoutRunInvoice.findFirst({ where: { id: invoiceId, line: { runId }, number: { not: null } }, select: { id: true, number: true } });
}

/** Those of the clients whose fees are Inkasso fees (the run invoices them). */
export async function inkassoClientIds(tx: Tx, clientIds: string[]): Promise<Set<string>> {
  const rows = await tx.client.findMany({ where: { id: { in: clientIds }, tariff: 'INKASSO' }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}
