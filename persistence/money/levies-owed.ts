import { Prisma } from '../../prisma/generated/client';
import { Account } from '../../domain/ledger/accounts';

type Tx = Prisma.TransactionClient;

export interface LevyOwedRow {
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
 * What each levy recipient is owed from entries booked up to `until` (inclusive booking date): the
 * balance of levy_payable per claim levy. Every entry on levy_payable is keyed
 * `<kind>:<claimLevyId>:<occasion>`: the levy taken at a claim's payout (`levy:…`) and, by the
 * payout run, the transfer that pays it (debit, e.g. `levy-paid:<claimLevyId>:<runId>`), so what
 * a run paid is no longer owed. Recipients owed nothing are left out.
 */
export async function leviesOwed(db: Tx, { until }: { until: Date }): Promise<LevyOwed[]> {
  const rows = await db.$queryRaw<Array<{ claimLevyId: string; claimId: string; clientId: string; rule: string; recipientId: string; name: string; iban: string; bic: string | null; cents: bigint }>>`
    SELECT l.id AS "claimLevyId", l."claimId", l."clientId", l.rule, r.id AS "recipientId", r.name, r.iban, r.bic, -SUM(p."amountCents") AS cents
    FROM "LedgerPosting" p
    JOIN "LedgerTransaction" t ON t.id = p."transactionId"
    JOIN "ClaimLevy" l ON l.id = split_part(t."idempotencyKey", ':', 2)
    JOIN "LevyRecipient" r ON r.id = l."recipientId"
    WHERE p.account = ${Account.LEVY_PAYABLE} AND t."bookingDate" <= ${until}::date
    GROUP BY l.id, r.id
    HAVING SUM(p."amountCents") <> 0
    ORDER BY r.name, r.id, l."claimId", l.id`;
  const byRecipient = new Map<string, LevyOwed>();
  for (const r of rows) {
    const owed = byRecipient.get(r.recipientId) ?? { recipientId: r.recipientId, name: r.name, iban: r.iban, bic: r.bic, cents: 0, rows: [] };
    const cents = Number(r.cents);
    owed.cents += cents;
    owed.rows.push({ claimLevyId: r.claimLevyId, claimId: r.claimId, clientId: r.clientId, rule: r.rule, cents });
    byRecipient.set(r.recipientId, owed);
  }
  return [...byRecipient.values()];
}
