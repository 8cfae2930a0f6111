import type { Db, Tx } from '../../infra/db/prisma';
import type { PayoutAccount } from '../../domain/money/payout-run-lines';
import { collectionAccountWithIban } from './collection-accounts';

/**
 * The client's payout account (Auszahlungskonto) as it stands, or why the one on file must not be
 * paid to: its IBAN is a collection account, and money paid out there would come back as a
 * patient's payment. Null account: the client has none.
 */
export async function payoutAccountOf(db: Db | Tx, clientId: string): Promise<{ account: PayoutAccount | null; problem?: string }> {
  const c = await db.client.findUnique({ where: { id: clientId }, select: { name: true, payoutIban: true, payoutBic: true, payoutHolder: true } });
  if (!c?.payoutIban) return { account: null };
  const collecting = await collectionAccountWithIban(db, c.payoutIban);
  if (collecting) return { account: null, problem: `client ${clientId}'s payout IBAN ${c.payoutIban} is collection account ${collecting.id}: no payout goes to a collection account` };
  return { account: { iban: c.payoutIban, bic: c.payoutBic, holder: c.payoutHolder ?? c.name } };
}


/** The clients whose payout IBAN this is (electronic form). */
export function clientsWithPayoutIban(db: Db | Tx, iban: string): Promise<Array<{ id: string; name: string }>> {
  return db.client.findMany({ where: { payoutIban: iban }, select: { id: true, name: true }, orderBy: { id: 'asc' } });
}

/** Sets a client's payout account; false when there is no such client. */
/** Sets the client's payout account; returns the one it replaces (the audit trail's before), or null when there is no such client. */
export async function setClientPayoutAccount(db: Db | Tx, clientId: string, a: { iban: string; bic: string | null; holder: string | null }) {
  const before = await db.client.findUnique({ where: { id: clientId }, select: { payoutIban: true, payoutBic: true, payoutHolder: true } });
  if (!before) return null;
  await db.client.update({ where: { id: clientId }, data: { payoutIban: a.iban, payoutBic: a.bic, payoutHolder: a.holder } });
  return { iban: before.payoutIban, bic: before.payoutBic, holder: before.payoutHolder };
}
