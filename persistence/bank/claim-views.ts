import type { Tx } from '../../infra/db/prisma';
import { Prisma } from '../../prisma/generated/client';
import type { BankLine } from '../../domain/bank/bank-line';
import { OPEN_AMOUNT_ACCOUNTS } from '../../domain/ledger/claim-balance';
import { ibanSpellings } from '../../domain/bank/iban';
import { paymentMethodOf } from '../../domain/bank/payment-method';
import type { BookedBankPayment, ClaimView } from '../../domain/matching/types';

/** The person responsible for claim `c` of the outer query. */
const responsible = Prisma.sql`SELECT p.title, p."firstName", p."lastName", p."postalCode" FROM "Person" p WHERE p.id = c."responsibleId" OFFSET 0`;

/** The Person rows of one payer (`payer` in the outer query): same name and postal code. */
const namesakes = Prisma.sql`SELECT p2.id FROM "Person" p2 WHERE p2."lastName" = payer."lastName" AND p2."firstName" = payer."firstName" AND p2."postalCode" = payer."postalCode" OFFSET 0`;

interface ClaimRow {
  id: string;
  clientId: string;
  totalCents: number;
  stage: string;
  outcome: string | null;
  payerName: string;
  openCents: bigint;
  payerIbans: string[];
}

/**
 * Claims with their open amount and payer. The payer is the person responsible (Person rows are
 * per claim, so one payer's claims are linked by name and postal code); payerIbans are the IBANs
 * earlier bank payments on any of that payer's claims came from. Set-based: each payer's IBANs and
 * each claim's open amount are computed once and joined (a correlated subquery per claim ran the
 * payer search once per loaded claim: minutes for a 10,000-line statement).
 *
 * The few thousand rows asked for are reached through indexes, whatever the size of the centre:
 * a lateral subquery behind OFFSET 0 is not flattened into the join, so it runs per row with its
 * index (a person by id, a payer's namesakes by name and postal code), where the planner would
 * otherwise hash every Person row of a large centre (measured at 300,000 open claims: seconds).
 */
export async function claimViews(tx: Tx, ids: string[]): Promise<ClaimView[]> {
  if (ids.length === 0) return [];
  const rows = await tx.$queryRaw<ClaimRow[]>`
    WITH c AS MATERIALIZED (
      SELECT c.id, c."clientId", c."totalCents", c.stage::text AS stage, c.outcome, p."firstName", p."lastName", p."postalCode",
        concat_ws(' ', p.title, p."firstName", p."lastName") AS "payerName"
      FROM "Claim" c CROSS JOIN LATERAL (${responsible}) p
      WHERE c.id = ANY(${ids}::text[])
    ), paid AS (
      SELECT payer."lastName", payer."firstName", payer."postalCode", array_agg(DISTINCT l."counterpartyIban") AS ibans
      FROM (SELECT DISTINCT "lastName", "firstName", "postalCode" FROM c) payer
      CROSS JOIN LATERAL (${namesakes}) p2
      JOIN "Claim" c2 ON c2."responsibleId" = p2.id
      JOIN "BankAllocation" a ON a."claimId" = c2.id AND a.kind = 'CLAIM'
      JOIN "BankLine" l ON l.id = a."bankLineId" AND l."counterpartyIban" IS NOT NULL
      GROUP BY 1, 2, 3
    ), open AS (
      SELECT lp."claimId", sum(lp."amountCents") AS cents FROM "LedgerPosting" lp
      WHERE lp."claimId" = ANY(${ids}::text[]) AND lp.account = ANY(${OPEN_AMOUNT_ACCOUNTS}::text[]) GROUP BY 1
    )
    SELECT c.id, c."clientId", c."totalCents", c.stage, c.outcome, c."payerName", COALESCE(open.cents, 0) AS "openCents", COALESCE(paid.ibans, '{}') AS "payerIbans"
    FROM c LEFT JOIN open ON open."claimId" = c.id
    LEFT JOIN paid ON paid."lastName" = c."lastName" AND paid."firstName" = c."firstName" AND paid."postalCode" = c."postalCode"`;
  return rows.map((r) => ({
    claimId: r.id,
    clientId: r.clientId,
    openCents: Number(r.openCents),
    totalCents: r.totalCents,
    payerName: r.payerName,
    payerIbans: r.payerIbans,
    open: r.outcome === null && r.stage !== 'PAYOUT' && r.stage !== 'CLOSED',
  }));
}

/**
 * The claims of every payer who paid from one of these IBANs before (the matcher indexes them by
 * payerIbans). The payers are found first, each once: joining their Person rows to each other
 * directly would pair every claim of a payer with every other.
 */
export async function claimsPaidFrom(tx: Tx, ibans: string[]): Promise<ClaimView[]> {
  if (ibans.length === 0) return [];
  const rows = await tx.$queryRaw<Array<{ claimId: string }>>`
    WITH payer AS MATERIALIZED (
      SELECT DISTINCT p."lastName", p."firstName", p."postalCode"
      FROM "BankLine" l CROSS JOIN LATERAL (SELECT a."claimId" FROM "BankAllocation" a WHERE a."bankLineId" = l.id AND a.kind = 'CLAIM' OFFSET 0) a
      JOIN "Claim" c ON c.id = a."claimId" CROSS JOIN LATERAL (${responsible}) p
      WHERE l."counterpartyIban" = ANY(${ibans}::text[])
    )
    SELECT DISTINCT c2.id AS "claimId"
    FROM payer CROSS JOIN LATERAL (${namesakes}) p2
    JOIN "Claim" c2 ON c2."responsibleId" = p2.id`;
  return claimViews(tx, rows.map((r) => r.claimId));
}

/**
 * Payments booked from earlier bank lines that these returns may reverse (same end-to-end id,
 * mandate reference or IBAN), each with its method as the bank code of its line says (a collection of ours or a transfer).
 */
export async function bookedPaymentsForReturns(tx: Tx, returns: BankLine[]): Promise<BookedBankPayment[]> {
  if (returns.length === 0) return [];
  const e2e = returns.map((l) => l.endToEndId).filter((x): x is string => !!x);
  const mandates = returns.map((l) => l.mandateId).filter((x): x is string => !!x);
  const ibans = returns.flatMap((l) => ibanSpellings(l.counterpartyIban));
  const rows = await tx.$queryRaw<Array<{ paymentId: string; claimId: string; amountCents: number; bankLineId: string; entryRef: string | null; endToEndId: string | null; mandateId: string | null; counterpartyIban: string | null; bookingDate: string; bankCode: string | null }>>`
    SELECT a."paymentId", a."claimId", a."amountCents", a."bankLineId", l."entryRef", l."endToEndId", l."mandateId", l."counterpartyIban", l."bookingDate", l."bankCode"
    FROM "BankAllocation" a JOIN "BankLine" l ON l.id = a."bankLineId"
    WHERE a.kind = 'CLAIM' AND a."reversedAt" IS NULL AND a."paymentId" IS NOT NULL
      AND (l."endToEndId" = ANY(${e2e}::text[]) OR l."mandateId" = ANY(${mandates}::text[]) OR l."counterpartyIban" = ANY(${ibans}::text[]))`;
  return rows.map((r) => ({
    paymentId: r.paymentId,
    claimId: r.claimId,
    amountCents: r.amountCents,
    bankLineId: r.bankLineId,
    entryRef: r.entryRef ?? undefined,
    endToEndId: r.endToEndId ?? undefined,
    mandateId: r.mandateId ?? undefined,
    counterpartyIban: r.counterpartyIban ?? undefined,
    bookingDate: r.bookingDate,
    method: paymentMethodOf(r.bankCode ?? undefined),
  }));
}
