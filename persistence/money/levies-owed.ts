import { Prisma } from '../../prisma/generated/client';
import { Account } from '../../domain/ledger/accounts';

type Tx = Prisma.TransactionClient;

export interface LevyOwedRow {
  /** The key of the ledger entry that took the levy (`levy:<claimLevyId>:<step>`): what a run item is keyed by. */
  levyKey: string;
  claimLevyId: string;
  claimId: string;
  /** The client whose fees the levy was taken from. */
  clientId: string;
  rule: string;
  cents: number;
}

export interface LevyOwed {
  recipientId: string;
  name: string;
  iban: string;
  bic: string | null;
  cents: number;
  rows: LevyOwedRow[];
}

/**
 * What each levy recipient is owed and no payout run pays yet: the levies taken (entries keyed
 * `levy:<claimLevyId>:<step>`, booked when a claim's payable is released, so only on claims whose
 * money is released) up to `until`, that no run line has taken (`PayoutRunLevyItem`; a cancelled
 * run frees its items). `clientIds` narrows it to the levies of these clients' fees. The run pays
 * them off levy_payable with entries keyed `levy-paid:<claimLevyId>:<runId>`. Recipients owed
 * nothing are left out.
 */
export async function leviesOwed(db: Tx, { until, clientIds }: { until: Date; clientIds?: string[] }): Promise<LevyOwed[]> {
  const ofClients = clientIds ? Prisma.sql`AND l."clientId" = ANY(${clientIds}::text[])` : Prisma.empty;
  const rows = await db.$queryRaw<Array<{ levyKey: string; claimLevyId: string; claimId: string; clientId: string; rule: string; recipientId: string; name: string; iban: string; bic: string | null; cents: bigint }>>`
    SELECT t."idempotencyKey" AS "levyKey", l.id AS "claimLevyId", l."claimId", l."clientId", l.rule, r.id AS "recipientId", r.name, r.iban, r.bic, -SUM(p."amountCents") AS cents
    FROM "LedgerPosting" p
    JOIN "LedgerTransaction" t ON t.id = p."transactionId"
    JOIN "ClaimLevy" l ON l.id = split_part(t."idempotencyKey", ':', 2)
    JOIN "LevyRecipient" r ON r.id = l."recipientId"
    WHERE p.account = ${Account.LEVY_PAYABLE} AND t.kind = 'levy' AND t."occurredAt" <= ${until}
      AND NOT EXISTS (SELECT 1 FROM "PayoutRunLevyItem" i WHERE i."levyKey" = t."idempotencyKey") ${ofClients}
    GROUP BY t."idempotencyKey", l.id, r.id
    HAVING SUM(p."amountCents") <> 0
    ORDER BY r.name, r.id, l."claimId", l.id, t."idempotencyKey"`;
  const byRecipient = new Map<string, LevyOwed>();
  for (const r of rows) {
    const owed = byRecipient.get(r.recipientId) ?? { recipientId: r.recipientId, name: r.name, iban: r.iban, bic: r.bic, cents: 0, rows: [] };
    const cents = Number(r.cents);
    owed.cents += cents;
    owed.rows.push({ levyKey: r.levyKey, claimLevyId: r.claimLevyId, claimId: r.claimId, clientId: r.clientId, rule: r.rule, cents });
    byRecipient.set(r.recipientId, owed);
  }
  return [...byRecipient.values()];
}
