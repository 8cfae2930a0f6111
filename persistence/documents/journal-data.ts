/**
 * Builds the plain data the client journals are rendered from (documents/document-request.ts) out
 * of the database: the receipt of a billing file, the period journals, the collection request.
 */
import type { Db } from '../../infra/db/prisma';
import type { Payout } from '../../prisma/generated/client';
import type {
  Centre,
  ClientInvoiceRequest,
  CollectionRequestRequest,
  OutgoingInvoiceJournalRequest,
  PayoutJournalRequest,
  PurchaseJournalRequest,
  ReceiptConfirmationRequest,
} from '../../domain/documents/document-request';
import type { JournalPeriod } from '../../domain/documents/journal-period';
import { fullName } from '../../domain/documents/recipients';
import { Account } from '../../domain/ledger/accounts';
import { applyRate } from '../../domain/decimal-rate';
import { openCents } from '../../domain/ledger/claim-balance';
import { claimBalance } from '../ledger';
import { loadPolicy } from '../policy';
import { journalHead } from './letter-head';

interface StoredError {
  field: string;
  reason: string;
}

/** Eingangsbestätigung of a billing file, every record with its outcome and reasons. */
export async function loadReceiptConfirmation(db: Db, submissionId: string, centre: Centre, now = new Date()): Promise<ReceiptConfirmationRequest> {
  const sub = await db.submission.findUniqueOrThrow({ where: { id: submissionId }, include: { records: { orderBy: { recordNo: 'asc' } } } });
  const total = await db.claim.aggregate({ where: { submissionId }, _sum: { totalCents: true } });
  // A processed file's fileErrors are remarks, not the reasons of a refusal.
  const refused = sub.status === 'REJECTED';
  const reasons = (errors: unknown) => ((errors as StoredError[] | null) ?? []).map((e) => `${e.field}: ${e.reason}`);
  const patients = await patientNames(db, sub.records.flatMap((r) => (r.claimId ? [r.claimId] : [])));
  return {
    kind: 'receipt_confirmation',
    head: await journalHead(db, sub.clientId, centre, now),
    fileName: sub.fileName,
    receivedAt: sub.receivedAt.toISOString(),
    fileErrors: refused ? reasons(sub.fileErrors) : [],
    notices: refused ? [] : reasons(sub.fileErrors),
    acceptedTotalCents: total._sum.totalCents ?? 0,
    records: sub.records.map((r) => ({
      recordNo: r.recordNo,
      externalId: r.externalId,
      patientName: r.claimId ? (patients.get(r.claimId) ?? null) : null,
      outcome: r.outcome,
      invoiceNumber: r.claimId,
      reasons: reasons(r.errors),
    })),
  };
}

/** A period of calendar days (ISO dates, both inclusive) as a half-open range of instants. */
function days(p: JournalPeriod): { gte: Date; lt: Date } {
  const lt = new Date(`${p.to.slice(0, 10)}T00:00:00Z`);
  lt.setUTCDate(lt.getUTCDate() + 1);
  return { gte: new Date(`${p.from.slice(0, 10)}T00:00:00Z`), lt };
}

const PATIENT = { patient: { select: { title: true, firstName: true, lastName: true } } } as const;

async function patientNames(db: Db, claimIds: string[]): Promise<Map<string, string>> {
  const claims = await db.claim.findMany({ where: { id: { in: claimIds } }, select: { id: true, ...PATIENT } });
  return new Map(claims.map((c) => [c.id, fullName(c.patient)]));
}

/** Rechnungsausgangsjournal: the client's invoices issued in the period. */
export async function loadOutgoingInvoiceJournal(db: Db, clientId: string, period: JournalPeriod, centre: Centre, now = new Date()): Promise<OutgoingInvoiceJournalRequest> {
  const claims = await db.claim.findMany({ where: { clientId, invoiceDate: days(period) }, orderBy: [{ invoiceDate: 'asc' }, { id: 'asc' }], include: PATIENT });
  return {
    kind: 'outgoing_invoice_journal',
    head: await journalHead(db, clientId, centre, now),
    period,
    invoices: claims.map((c) => ({ invoiceNumber: c.id, invoiceDate: c.invoiceDate!.toISOString(), patientName: fullName(c.patient), dueDate: c.dueDate!.toISOString(), totalCents: c.totalCents })),
  };
}

/**
 * Ankaufsjournal: the claims bought from the client in the period, as the purchase entries booked
 * them (the client's stake, the discount taken as fee income, the price owed to the client), and
 * the claims it bought back (recourse), whose buy-back entries give the same figures negated.
 */
export async function loadPurchaseJournal(db: Db, clientId: string, period: JournalPeriod, centre: Centre, now = new Date()): Promise<PurchaseJournalRequest> {
  const txs = await db.ledgerTransaction.findMany({
    where: { kind: { in: ['purchase', 'buy_back'] }, occurredAt: days(period), postings: { some: { clientId } } },
    include: { postings: true },
    orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
  });
  const names = await patientNames(db, txs.map((t) => t.postings[0]!.claimId!));
  const sum = (t: (typeof txs)[number], account: string) => t.postings.filter((p) => p.account === account).reduce((s, p) => s + p.amountCents, 0);
  return {
    kind: 'purchase_journal',
    head: await journalHead(db, clientId, centre, now),
    period,
    feeRate: (await loadPolicy(db, clientId)).factoringFeeRate,
    claims: txs.map((t) => {
      const claimId = t.postings[0]!.claimId!;
      return { invoiceNumber: claimId, patientName: names.get(claimId) ?? '', purchasedAt: t.occurredAt.toISOString(), totalCents: sum(t, Account.CLIENT_CLAIMS), discountCents: -sum(t, Account.FEE_INCOME), priceCents: -sum(t, Account.CLIENT_PAYABLE), ...(t.kind === 'buy_back' ? { buyBack: true } : {}) };
    }),
  };
}

/** What a payout step pays: the purchase price, or the collected money after the claim closed. */
const PAYOUT_TEXT: Record<string, string> = { purchase: 'Kaufpreis aus Ankauf', final: 'Auszahlung eingezogener Beträge' };

/** Auszahlungsjournal: the client's payouts in the period, claim by claim. */
export async function loadPayoutJournal(db: Db, clientId: string, period: JournalPeriod, centre: Centre, now = new Date()): Promise<PayoutJournalRequest> {
  const payouts = await db.payout.findMany({ where: { clientId, createdAt: days(period) }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  return payoutJournal(db, clientId, payouts, { payoutDate: period.to, iban: payouts.find((p) => p.iban)?.iban }, centre, now);
}

/** Auszahlungsjournal of one payout run line: the claim-level payables its transfer pays, to the account it goes to. */
export async function loadRunLinePayoutJournal(db: Db, lineId: string, centre: Centre, now = new Date()): Promise<PayoutJournalRequest> {
  const line = await db.payoutRunLine.findUniqueOrThrow({ where: { id: lineId }, include: { run: { select: { executionDate: true } }, items: { include: { payout: true } } } });
  const payouts = line.items.map((i) => i.payout).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  return payoutJournal(db, line.recipientId, payouts, { payoutDate: line.run.executionDate.toISOString().slice(0, 10), iban: line.iban ?? undefined }, centre, now);
}

async function payoutJournal(db: Db, clientId: string, payouts: Payout[], to: { payoutDate: string; iban?: string | null }, centre: Centre, now: Date): Promise<PayoutJournalRequest> {
  const names = await patientNames(db, payouts.flatMap((p) => (p.claimId ? [p.claimId] : [])));
  return {
    kind: 'payout_journal',
    head: await journalHead(db, clientId, centre, now),
    payoutDate: to.payoutDate,
    ...(to.iban ? { iban: to.iban } : {}),
    items: payouts.map((p) => {
      const step = p.idempotencyKey.split(':').pop()!;
      return { invoiceNumber: p.claimId ?? '', patientName: p.claimId ? (names.get(p.claimId) ?? '') : '', text: PAYOUT_TEXT[step] ?? step, amountCents: p.amountCents };
    }),
    totalCents: payouts.reduce((s, p) => s + p.amountCents, 0),
  };
}

/** Beitreibungsanfrage: the given claims of a client with their open principal and costs. */
export async function loadCollectionRequest(db: Db, clientId: string, claimIds: string[], answerBy: string, centre: Centre, now = new Date()): Promise<CollectionRequestRequest> {
  const claims = await db.claim.findMany({ where: { id: { in: claimIds }, clientId }, orderBy: { id: 'asc' }, include: { responsible: true } });
  if (claims.length !== claimIds.length) throw new Error(`claims ${claimIds.filter((id) => !claims.some((c) => c.id === id)).join(', ')} are not claims of client ${clientId}`);
  const rows = [];
  for (const c of claims) {
    const b = await claimBalance(db, c.id);
    rows.push({ invoiceNumber: c.id, debtorName: fullName(c.responsible), dueDate: (c.dueDate ?? now).toISOString(), dunningLevel: c.dunningLevel, principalCents: b.principalOpenCents, costsCents: b.costsOpenCents, openCents: openCents(b) });
  }
  return { kind: 'collection_request', head: await journalHead(db, clientId, centre, now), answerBy, claims: rows };
}

/**
 * The centre's invoice to an Inkasso client for the period: per claim the principal collected for
 * the client and the fee the payment entries took; VAT at `vatRate` (a decimal such as "0.19").
 */
export async function loadClientInvoice(
  db: Db,
  clientId: string,
  o: { invoiceNumber: string; period: JournalPeriod; vatRate: string; dueDate: string },
  centre: Centre,
  now = new Date(),
): Promise<ClientInvoiceRequest> {
  const txs = await db.ledgerTransaction.findMany({ where: { kind: 'payment', occurredAt: days(o.period), postings: { some: { clientId, account: Account.FEE_INCOME } } }, include: { postings: true } });
  const perClaim = new Map<string, { collectedCents: number; feeCents: number }>();
  for (const t of txs) {
    for (const p of t.postings) {
      if (!p.claimId || (p.account !== Account.CLIENT_CLAIMS && p.account !== Account.FEE_INCOME)) continue;
      const c = perClaim.get(p.claimId) ?? { collectedCents: 0, feeCents: 0 };
      if (p.account === Account.CLIENT_CLAIMS) c.collectedCents += p.amountCents;
      else c.feeCents -= p.amountCents;
      perClaim.set(p.claimId, c);
    }
  }
  const ids = [...perClaim.keys()].sort();
  const names = await patientNames(db, ids);
  const items = ids.map((id) => ({ invoiceNumber: id, patientName: names.get(id) ?? '', ...perClaim.get(id)! })).filter((i) => i.feeCents !== 0);
  const netCents = items.reduce((s, i) => s + i.feeCents, 0);
  return {
    kind: 'client_invoice',
    head: await journalHead(db, clientId, centre, now),
    invoiceNumber: o.invoiceNumber,
    period: o.period,
    feeRate: (await loadPolicy(db, clientId)).inkassoFeeRate,
    vatRate: o.vatRate,
    items,
    netCents,
    vatCents: applyRate(netCents, o.vatRate),
    dueDate: o.dueDate,
  };
}

/**
 * A payout run's invoice to an Inkasso client (persistence/money/run-invoices.ts) as its document:
 * the fees of the claims the run's line pays, VAT as invoiced, dated and due on its issue (the
 * amount is settled by the deduction from the run's transfer).
 */
export async function loadRunInvoice(db: Db, invoiceId: string, centre: Centre): Promise<ClientInvoiceRequest> {
  const inv = await db.payoutRunInvoice.findUniqueOrThrow({ where: { id: invoiceId }, include: { items: { orderBy: { claimId: 'asc' } } } });
  if (!inv.number || !inv.issuedAt) throw new Error(`run invoice ${invoiceId} is not issued yet`);
  const names = await patientNames(db, inv.items.map((i) => i.claimId));
  return {
    kind: 'client_invoice',
    head: await journalHead(db, inv.clientId, centre, inv.issuedAt),
    invoiceNumber: inv.number,
    period: { from: inv.periodFrom.toISOString().slice(0, 10), to: inv.periodTo.toISOString().slice(0, 10) },
    feeRate: (await loadPolicy(db, inv.clientId)).inkassoFeeRate,
    vatRate: inv.vatRate,
    items: inv.items.map((i) => ({ invoiceNumber: i.claimId, patientName: names.get(i.claimId) ?? '', collectedCents: i.collectedCents, feeCents: i.feeCents })),
    netCents: inv.netCents,
    vatCents: inv.vatCents,
    dueDate: inv.issuedAt.toISOString(),
  };
}
