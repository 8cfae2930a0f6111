import type { Db, Tx } from '../../infra/db/prisma';
import { Refusal } from '../../domain/refusal';
import { collectionAccountWithIban } from './collection-accounts';

/** Where a client is paid: its payout account (Auszahlungskonto). */
export interface PayoutAccount {
  iban: string;
  bic: string | null;
  holder: string;
}

/**
 * The client's payout account, null when it has none; every payout reads it here. Refused when
 * its IBAN is a collection account: money paid out there would come back as a patient's payment.
 */
export async function clientPayoutAccount(db: Db | Tx, clientId: string): Promise<PayoutAccount | null> {
  const c = await db.client.findUnique({ where: { id: clientId }, select: { name: true, payoutIban: true, payoutBic: true, payoutHolder: true } });
  if (!c?.payoutIban) return null;
  const collecting = await collectionAccountWithIban(db, c.payoutIban);
  if (collecting) throw new Refusal('conflict', 'payout_to_collection_account', `client ${clientId}'s payout IBAN ${c.payoutIban} is collection account ${collecting.id}: no payout goes to a collection account`);
  return { iban: c.payoutIban, bic: c.payoutBic, holder: c.payoutHolder ?? c.name };
}

/** The clients whose payout IBAN this is (electronic form). */
export function clientsWithPayoutIban(db: Db | Tx, iban: string): Promise<Array<{ id: string; name: string }>> {
  return db.client.findMany({ where: { payoutIban: iban }, select: { id: true, name: true }, orderBy: { id: 'asc' } });
}

/** Sets a client's payout account; false when there is no such client. */
export async function setClientPayoutAccount(db: Db | Tx, clientId: string, a: { iban: string; bic: string | null; holder: string | null }): Promise<boolean> {
  const n = await db.client.updateMany({ where: { id: clientId }, data: { payoutIban: a.iban, payoutBic: a.bic, payoutHolder: a.holder } });
  return n.count > 0;
}
