import type { Db, Tx } from '../../infra/db/prisma';
import type { PayoutAccount } from '../../domain/money/payout-run-lines';

type PayoutAccountOrProblem = { account: PayoutAccount | null; problem?: string };

/**
 * The client's payout account (Auszahlungskonto) as it stands, or why the one on file must not be
 * paid to: its IBAN is a collection account, and money paid out there would come back as a
 * patient's payment. Null account: the client has none.
 */
export async function payoutAccountOf(db: Db | Tx, clientId: string): Promise<PayoutAccountOrProblem> {
  return (await payoutAccountsOf(db, [clientId])).get(clientId) ?? { account: null };
}

/** `payoutAccountOf` for many clients in two queries (a payout run's thousand clients), by client id. */
export async function payoutAccountsOf(db: Db | Tx, clientIds: string[]): Promise<Map<string, PayoutAccountOrProblem>> {
  const clients = await db.client.findMany({ where: { id: { in: clientIds } }, select: { id: true, name: true, payoutIban: true, payoutBic: true, payoutHolder: true } });
  const ibans = clients.flatMap((c) => (c.payoutIban ? [c.payoutIban] : []));
  const collecting = new Map((await db.collectionAccount.findMany({ where: { iban: { in: ibans } }, select: { id: true, iban: true } })).map((a) => [a.iban, a.id]));
  return new Map(
    clients.map((c): [string, PayoutAccountOrProblem] => {
      if (!c.payoutIban) return [c.id, { account: null }];
      const collectionAccount = collecting.get(c.payoutIban);
      if (collectionAccount) return [c.id, { account: null, problem: `client ${c.id}'s payout IBAN ${c.payoutIban} is collection account ${collectionAccount}: no payout goes to a collection account` }];
      return [c.id, { account: { iban: c.payoutIban, bic: c.payoutBic, holder: c.payoutHolder ?? c.name } }];
    }),
  );
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
