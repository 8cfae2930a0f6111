import type { Prisma } from '../../prisma/generated/client';
import type { Period } from '../../domain/accounting/booking-date';
import { documentNumber, transactionSource } from '../../domain/accounting/transaction-source';
import type { OutgoingInvoice } from '../../domain/datev/invoice-journal';
import type { ExportRow, LedgerTransactionForExport } from '../../domain/datev/transaction-rows';
import type { AccountName } from '../../domain/ledger/accounts';

type Tx = Prisma.TransactionClient;

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The batch of exactly this period, if it was exported (without its bytes). */
export function exportOfPeriod(tx: Tx, p: Period) {
  return tx.datevExport.findUnique({ where: { periodFrom_periodTo: { periodFrom: day(p.from), periodTo: day(p.to) } }, omit: { content: true, invoiceJournal: true } });
}

/** Exported periods sharing a day with `p`. */
export async function overlappingExports(tx: Tx, p: Period): Promise<Period[]> {
  const rows = await tx.datevExport.findMany({ where: { periodFrom: { lte: day(p.to) }, periodTo: { gte: day(p.from) } }, select: { periodFrom: true, periodTo: true } });
  return rows.map((r) => ({ from: isoDay(r.periodFrom), to: isoDay(r.periodTo) }));
}

/** The ledger's transactions booked in the period, in booking order, with what a DATEV row names. */
export async function transactionsBookedIn(tx: Tx, p: Period): Promise<LedgerTransactionForExport[]> {
  const rows = await tx.$queryRaw<Array<{ id: string; kind: string; key: string; bookingDate: string; claimId: string | null; party: string | null; postings: LedgerTransactionForExport['postings'] }>>`
    SELECT t.id, t.kind, t."idempotencyKey" AS key, to_char(t."bookingDate", 'YYYY-MM-DD') AS "bookingDate", c.id AS "claimId",
           CASE WHEN r.id IS NULL THEN NULL ELSE r."lastName" || ', ' || r."firstName" END AS party,
           (SELECT json_agg(json_build_object('id', p.id, 'account', p.account, 'amountCents', p."amountCents", 'currency', p.currency) ORDER BY p.id)
              FROM "LedgerPosting" p WHERE p."transactionId" = t.id) AS postings
    FROM "LedgerTransaction" t
    LEFT JOIN LATERAL (SELECT max(p."claimId") AS "claimId" FROM "LedgerPosting" p WHERE p."transactionId" = t.id) pc ON true
    LEFT JOIN "Claim" c ON c.id = pc."claimId"
    LEFT JOIN "Person" r ON r.id = c."responsibleId"
    WHERE t."bookingDate" BETWEEN ${p.from}::date AND ${p.to}::date
    ORDER BY t."bookingDate", t."occurredAt", t.id`;
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    bookingDate: r.bookingDate,
    document: documentNumber(transactionSource(r.key, r.claimId), r.claimId),
    party: r.party ?? '',
    postings: r.postings.map((x) => ({ ...x, account: x.account as AccountName })),
  }));
}

/** The invoices issued in the period (by invoice date, UTC day), for the Rechnungsausgangsbuch. */
export async function invoicesIssuedIn(tx: Tx, p: Period): Promise<OutgoingInvoice[]> {
  const claims = await tx.claim.findMany({
    where: { invoiceDate: { gte: day(p.from), lt: new Date(day(p.to).getTime() + 86_400_000) } },
    select: { id: true, invoiceDate: true, totalCents: true, responsible: { select: { firstName: true, lastName: true } }, client: { select: { number: true, name: true } } },
    orderBy: { id: 'asc' },
  });
  return claims.map((c) => ({
    invoiceNumber: c.id,
    invoiceDate: isoDay(c.invoiceDate!),
    debtor: `${c.responsible.lastName}, ${c.responsible.firstName}`,
    clientNumber: c.client.number,
    clientName: c.client.name,
    amountCents: c.totalCents,
    currency: 'EUR',
  }));
}

export interface NewExport {
  id: string;
  period: Period;
  skr: string;
  fileName: string;
  content: Buffer;
  sha256: string;
  invoiceJournal: Buffer;
  createdBy: string;
  createdAt: Date;
}

/** Stores the batch and its rows (row numbers from 1, in file order). */
export async function insertExport(tx: Tx, e: NewExport, rows: readonly ExportRow[]): Promise<void> {
  await tx.datevExport.create({
    data: { id: e.id, periodFrom: day(e.period.from), periodTo: day(e.period.to), skr: e.skr, fileName: e.fileName, content: new Uint8Array(e.content), sha256: e.sha256, invoiceJournal: new Uint8Array(e.invoiceJournal), rowCount: rows.length, createdBy: e.createdBy, createdAt: e.createdAt },
  });
  if (rows.length === 0) return;
  const json = JSON.stringify(rows.map((r, i) => ({ rowNo: i + 1, transactionId: r.transactionId, postingIds: r.postingIds })));
  await tx.$executeRaw`INSERT INTO "DatevExportRow" ("exportId", "rowNo", "transactionId", "postingIds")
    SELECT ${e.id}, x."rowNo", x."transactionId", ARRAY(SELECT jsonb_array_elements_text(x."postingIds"))
    FROM jsonb_to_recordset(${json}::jsonb) AS x("rowNo" int, "transactionId" text, "postingIds" jsonb)`;
}

export function exportById(tx: Tx, id: string) {
  return tx.datevExport.findUnique({ where: { id } });
}

export function exportList(tx: Tx) {
  return tx.datevExport.findMany({ orderBy: { periodFrom: 'asc' }, omit: { content: true, invoiceJournal: true } });
}
