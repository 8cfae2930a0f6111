import type { Prisma } from '../../prisma/generated/client';
import { Account, type AccountName, type Posting } from '../../domain/ledger/accounts';
import { apportion } from '../../domain/splitting/apportion';

type Tx = Prisma.TransactionClient;

/** The accounts that hold a client's liability on a claim: what its shares divide. */
const SHARED: readonly AccountName[] = [Account.CLIENT_CLAIMS, Account.CLIENT_PAYABLE];

interface ClaimEntry {
  claimId?: string;
  postings: Posting[];
}

/**
 * Gives each share's client its part of a split claim's client postings. A posting on a shared
 * account that names no client is replaced by one per share client such that, after it, each
 * client's balance on the claim is the claim's balance apportioned by the shares (largest
 * remainder, the treating client last): whatever the entries before, a balance the claim clears
 * is cleared for every client too, and the cents never drift. Postings naming their client (a
 * levy, a client's own payout) stay as they are. Claims with one client are left alone.
 */
export async function spreadOverShares<E extends ClaimEntry>(tx: Tx, entries: E[]): Promise<E[]> {
  const claimIds = [...new Set(entries.filter((e) => e.claimId && e.postings.some(needsSpread)).map((e) => e.claimId!))];
  if (claimIds.length === 0) return entries;
  const weights = await shareWeights(tx, claimIds);
  if (weights.size === 0) return entries;
  const balances = await clientBalances(tx, [...weights.keys()]);
  return entries.map((e) => {
    const w = e.claimId ? weights.get(e.claimId) : undefined;
    if (!w) return e;
    return { ...e, postings: e.postings.flatMap((p) => (needsSpread(p) ? spread(p, w, balances, e.claimId!) : [p])) };
  });
}

function needsSpread(p: Posting): boolean {
  return p.clientId === undefined && SHARED.includes(p.account);
}

type Weights = { clients: string[]; cents: number[] };

function spread(p: Posting, w: Weights, balances: Map<string, number>, claimId: string): Posting[] {
  const key = (clientId: string) => `${claimId}|${p.account}|${clientId}`;
  const current = w.clients.map((c) => balances.get(key(c)) ?? 0);
  const targets = apportion(current.reduce((s, x) => s + x, 0) + p.amountCents, w.cents);
  return w.clients
    .map((clientId, i) => {
      balances.set(key(clientId), targets[i]);
      return { account: p.account, amountCents: targets[i] - current[i], clientId };
    })
    .filter((x) => x.amountCents !== 0);
}

/** Per claim with more than one share client: the clients (treating client last) and their cents. */
async function shareWeights(tx: Tx, claimIds: string[]): Promise<Map<string, Weights>> {
  const rows = await tx.claimShare.groupBy({ by: ['claimId', 'clientId'], where: { claimId: { in: claimIds } }, _sum: { amountCents: true }, _max: { stage: true } });
  const byClaim = new Map<string, typeof rows>();
  for (const r of rows) byClaim.set(r.claimId, [...(byClaim.get(r.claimId) ?? []), r]);
  const result = new Map<string, Weights>();
  for (const [claimId, rs] of byClaim) {
    if (rs.length < 2) continue;
    rs.sort((a, b) => a._max.stage! - b._max.stage!);
    result.set(claimId, { clients: rs.map((r) => r.clientId), cents: rs.map((r) => r._sum.amountCents ?? 0) });
  }
  return result;
}

/** The balances on the shared accounts of these claims, per claim, account and client. */
async function clientBalances(tx: Tx, claimIds: string[]): Promise<Map<string, number>> {
  const rows = await tx.ledgerPosting.groupBy({ by: ['claimId', 'account', 'clientId'], where: { claimId: { in: claimIds }, account: { in: [...SHARED] } }, _sum: { amountCents: true } });
  return new Map(rows.map((r) => [`${r.claimId}|${r.account}|${r.clientId}`, r._sum.amountCents ?? 0]));
}
