/**
 * Builds the plain data the claim letters are rendered from (documents/document-request.ts) out of
 * the database, so rendering itself never touches it. The senders add what only they know (the
 * dunning level and fee, the date to pay by) and call documents/render-document.ts.
 */
import { loadStatementOfAccount } from '../claims/statement-of-account';
import { interestLine } from '../../domain/interest/statement-of-account';
import { isoDayOf } from '../../domain/interest/calendar-day';
import type { Db } from '../../infra/db/prisma';
import type { Centre, ClaimData, DatedAmount, FeeStatementRequest, FreeLetterRequest, LetterHeadData, StatementOfClaimRequest } from '../../domain/documents/document-request';
import type { TemplateValues } from '../../domain/documents/template-placeholders';
import { dunningLevelName, feeLevel, reminderKind } from '../../domain/documents/dunning-level';
import { fullName } from '../../domain/documents/recipients';
import { formatDate, formatEuro } from '../../domain/format';
import { openCents, type ClaimBalance } from '../../domain/ledger/claim-balance';
import { Account } from '../../domain/ledger/accounts';
import { claimBalance } from '../ledger';
import { loadTemplate } from './document-templates';
import { letterClient, personAddress } from './letter-head';
import { claimCollectionAccount } from '../money/claim-collection-account';
import { printedAccount } from '../../domain/money/collection-account';

export interface ClaimDocumentBase {
  head: LetterHeadData;
  claim: ClaimData;
  balance: ClaimBalance;
  /** The person responsible's email, when known (channel choice). */
  email: string | null;
  clientId: string;
}

/** A claim with its lines, recipient, client, balance and the account it is paid to: the base of every patient document. */
export async function loadClaimDocument(db: Db, claimId: string, centre: Centre, now = new Date()): Promise<ClaimDocumentBase> {
  const c = await db.claim.findUniqueOrThrow({
    where: { id: claimId },
    include: { lines: { orderBy: { lineNo: 'asc' } }, patient: true, responsible: true, client: true },
  });
  const [balance, payTo] = await Promise.all([claimBalance(db, claimId), claimCollectionAccount(db, claimId)]);
  const claim: ClaimData = {
    invoiceNumber: c.id,
    patientName: fullName(c.patient),
    doctorName: c.doctorName,
    treatmentFrom: c.treatmentFrom,
    treatmentTo: c.treatmentTo,
    diagnosis: c.diagnosis,
    inpatientReduction: c.inpatientReduction as ClaimData['inpatientReduction'],
    lines: c.lines.map((l) => ({
      date: l.date,
      code: l.code,
      text: l.text,
      factor: l.factor?.toString() ?? null,
      count: l.count,
      unitCents: l.unitCents,
      reductionCents: l.reductionCents,
      amountCents: l.amountCents,
      justification: l.justification,
      analog: l.analogDescription !== null,
    })),
    totalCents: c.totalCents,
    // Before the invoice goes out (a preview), today stands in for its dates.
    invoiceDate: (c.invoiceDate ?? now).toISOString(),
    dueDate: (c.dueDate ?? now).toISOString(),
  };
  return {
    head: { centre, client: letterClient(c.client), recipient: personAddress(c.responsible), date: now.toISOString(), collectionAccount: printedAccount(payTo) },
    claim,
    balance,
    email: c.responsible.email,
    clientId: c.clientId,
  };
}

/** A free letter about a claim from the newest (or the given) version of a template. */
export async function loadFreeLetter(db: Db, claimId: string, centre: Centre, key: string, version?: number, now = new Date()): Promise<FreeLetterRequest> {
  const base = await loadClaimDocument(db, claimId, centre, now);
  const t = await loadTemplate(db, key, { clientId: base.clientId, ...(version !== undefined ? { version } : {}) });
  const c = base.claim;
  const values: TemplateValues = {
    'claim.invoiceNumber': c.invoiceNumber,
    'claim.invoiceDate': formatDate(c.invoiceDate),
    'claim.dueDate': formatDate(c.dueDate),
    'claim.treatmentFrom': formatDate(c.treatmentFrom),
    'claim.treatmentTo': formatDate(c.treatmentTo),
    'claim.totalAmount': formatEuro(c.totalCents),
    'claim.openAmount': formatEuro(openCents(base.balance)),
    'patient.name': c.patientName,
    'recipient.name': base.head.recipient.name,
    'recipient.salutation': base.head.recipient.salutation ?? '',
    'client.name': base.head.client.name,
    'client.number': base.head.client.number,
    'letter.date': formatDate(now),
  };
  return { kind: 'free_letter', head: base.head, template: { key: t.key, version: t.version, subject: t.subject, body: t.body }, values, invoiceNumber: c.invoiceNumber };
}


/** A claim with its person responsible (the recipient of its letters), if it exists. */
export function claimWithResponsible(db: Db, claimId: string) {
  return db.claim.findUnique({ where: { id: claimId }, include: { responsible: true } });
}

/** The dunning fees charged on a claim, oldest first, each named by the level it was charged at. */
async function dunningFees(db: Db, claimId: string): Promise<DatedAmount[]> {
  const { dunningLevel } = await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { dunningLevel: true } });
  const levelOfKind = new Map(Array.from({ length: dunningLevel }, (_, i) => [reminderKind(i + 1), i + 1]));
  const [postings, letters] = await Promise.all([
    db.ledgerPosting.findMany({
      where: { claimId, account: Account.RECEIVABLE_COSTS, amountCents: { gt: 0 }, transaction: { kind: 'reminder_fee' } },
      include: { transaction: true },
      orderBy: { transaction: { occurredAt: 'asc' } },
    }),
    // The dunning letters as first sent (re-sends and duplicates repeat them later).
    db.document.findMany({ where: { claimId, sourceId: null, kind: { in: [...levelOfKind.keys()] } }, select: { kind: true, createdAt: true }, orderBy: { createdAt: 'asc' } }),
  ]);
  const archived = letters.map((d) => ({ level: levelOfKind.get(d.kind)!, archivedAt: d.createdAt }));
  return postings.map((p) => ({
    date: p.transaction.occurredAt.toISOString(),
    text: `Mahngebühr ${dunningLevelName(feeLevel(p.transaction.occurredAt, archived, dunningLevel))}`,
    amountCents: p.amountCents,
  }));
}

/** The fee statement: every dunning fee charged on the claim. */
export async function loadFeeStatement(db: Db, claimId: string, centre: Centre): Promise<FeeStatementRequest> {
  const base = await loadClaimDocument(db, claimId, centre);
  return { kind: 'fee_statement', head: base.head, claim: base.claim, fees: await dunningFees(db, claimId) };
}

/** The statement of claim (Forderungsaufstellung): the fees charged, the payments made, what is open. */
export async function loadStatementOfClaim(db: Db, claimId: string, centre: Centre): Promise<StatementOfClaimRequest> {
  const base = await loadClaimDocument(db, claimId, centre);
  const costs = await dunningFees(db, claimId);
  const payments = await db.payment.findMany({ where: { claimId }, orderBy: { receivedAt: 'asc' } });
  const account = await loadStatementOfAccount(db, claimId, isoDayOf(new Date()));
  return {
    kind: 'statement_of_claim',
    head: base.head,
    claim: base.claim,
    costs,
    payments: payments.map((p) => ({ date: p.receivedAt.toISOString(), text: 'Zahlung', amountCents: p.amountCents })),
    interest: interestLine(account),
    openCents: account.open.totalCents,
  };
}
