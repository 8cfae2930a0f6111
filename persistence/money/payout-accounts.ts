import type { Tx } from '../../infra/db/prisma';

/**
 * The account a client's payouts go to. Today the client's one IBAN, held by the client under its
 * name; the client's own payout account (IBAN, BIC, holder) replaces it when the master data has it.
 */
export async function clientPayoutAccount(db: Tx, clientId: string): Promise<{ iban: string; bic: string | null; holder: string } | null> {
  const client = await db.client.findUnique({ where: { id: clientId }, select: { iban: true, name: true } });
  if (!client?.iban) return null;
  return { iban: client.iban, bic: null, holder: client.name };
}
