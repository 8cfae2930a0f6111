import { Refusal } from '../refusal';
import type { AccountsPolicy } from './accounts-policy';
import { accountPlace, type CollectionAccount } from './collection-account';

export type Tariff = 'INKASSO' | 'SOFORTFACTORING' | 'FAELLIGKEITSFACTORING';

/**
 * The collection account a claim is paid to. A bought claim (Sofort-, Fälligkeitsfactoring) is the
 * centre's money: its own account. An Inkasso claim stays the client's: a trust account, the
 * client's own or the shared one as the policy says. Refused when that account is not configured
 * (a letter without the right account would send the patient's money astray).
 */
export function collectionAccountFor(claim: { tariff: Tariff; clientId: string }, accounts: CollectionAccount[], policy: AccountsPolicy): CollectionAccount {
  const wanted: Pick<CollectionAccount, 'kind' | 'clientId'> =
    claim.tariff !== 'INKASSO' ? { kind: 'OWN', clientId: null } : { kind: 'TRUST', clientId: policy.inkassoTrust === 'per_client' ? claim.clientId : null };
  const place = accountPlace(wanted);
  const found = accounts.filter((a) => a.active && accountPlace(a) === place);
  if (found.length === 1) return found[0]!;
  const what = found.length === 0 ? `no ${place} is active` : `${found.length} accounts are active as the ${place} (${found.map((a) => a.id).join(', ')})`;
  throw new Refusal('unprocessable', 'no_collection_account', `${what}: a ${claim.tariff} claim of client ${claim.clientId} is paid to exactly one (policy accounts.inkassoTrust = ${policy.inkassoTrust})`, { clientId: claim.clientId, tariff: claim.tariff, place });
}
