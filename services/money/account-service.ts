import type { Tx } from '../../infra/db/prisma';
import { accountPlace, type CollectionAccount } from '../../domain/money/collection-account';
import { doesNotExist, Refusal } from '../../domain/refusal';
import { audit } from '../../persistence/audit';
import { allCollectionAccounts, collectionAccountById, collectionAccountWithIban, upsertCollectionAccount } from '../../persistence/money/collection-accounts';
import { clientsWithPayoutIban, setClientPayoutAccount } from '../../persistence/money/payout-accounts';
import type { ServiceDeps } from '../service-deps';

/** A client's payout account as staff set it (IBAN and BIC validated and normalised by the caller). */
export interface PayoutAccountInput {
  iban: string;
  bic: string | null;
  holder: string | null;
}

/**
 * The accounts money flows through: the centre's collection accounts patients pay into, and each
 * client's payout account. The two never share an IBAN: a payout to a collection account would
 * come back as a patient's payment, a letter naming the client's account would pass the centre by.
 */
export function createAccountService(deps: Pick<ServiceDeps, 'db'>) {
  const { db } = deps;
  return {
    collectionAccounts: () => allCollectionAccounts(db),

    async collectionAccount(id: string) {
      const account = await collectionAccountById(db, id);
      if (!account) throw doesNotExist(`collection account ${id}`);
      return account;
    },

    /** Creates or changes a collection account (audited); refused when its IBAN or its place is taken. */
    async saveCollectionAccount(account: CollectionAccount, actor: string) {
      return db.$transaction(async (tx) => {
        await refuseTakenIban(tx, account);
        if (account.active) await refuseTakenPlace(tx, account);
        if (account.clientId && !(await tx.client.findUnique({ where: { id: account.clientId }, select: { id: true } }))) throw doesNotExist(`client ${account.clientId}`);
        const before = await collectionAccountById(tx, account.id);
        const created = await upsertCollectionAccount(tx, account);
        await audit(tx, actor, created ? 'create' : 'update', 'collection-account', account.id, undefined, { before, after: account });
        return { account, created };
      });
    },

    /** Sets a client's payout account (audited); refused when the IBAN is a collection account. */
    async setPayoutAccount(clientId: string, account: PayoutAccountInput, actor: string) {
      return db.$transaction(async (tx) => {
        const collecting = await collectionAccountWithIban(tx, account.iban);
        if (collecting) throw new Refusal('conflict', 'payout_to_collection_account', `IBAN ${account.iban} is collection account ${collecting.id} (${collecting.holder}): a client is never paid out to a collection account`);
        const before = await setClientPayoutAccount(tx, clientId, account);
        if (!before) throw doesNotExist(`client ${clientId}`);
        await audit(tx, actor, 'set-payout-account', 'client', clientId, undefined, { before, after: account });
        return { clientId, ...account };
      });
    },
  };
}

async function refuseTakenIban(tx: Tx, account: CollectionAccount): Promise<void> {
  const other = await collectionAccountWithIban(tx, account.iban);
  if (other && other.id !== account.id) throw new Refusal('conflict', 'iban_taken', `IBAN ${account.iban} is already collection account ${other.id}`);
  const payees = await clientsWithPayoutIban(tx, account.iban);
  if (payees.length) throw new Refusal('conflict', 'iban_is_payout_account', `IBAN ${account.iban} is the payout account of client ${payees.map((c) => `${c.id} (${c.name})`).join(', ')}: a collection account is never a client's payout account`);
}

/** One active account per place (own, shared trust, a client's trust): a claim's account is never a guess. */
async function refuseTakenPlace(tx: Tx, account: CollectionAccount): Promise<void> {
  const place = accountPlace(account);
  const other = (await allCollectionAccounts(tx)).find((a) => a.active && a.id !== account.id && accountPlace(a) === place);
  if (other) throw new Refusal('conflict', 'place_taken', `collection account ${other.id} is already the active ${place}: deactivate it first`);
}

export type AccountService = ReturnType<typeof createAccountService>;
