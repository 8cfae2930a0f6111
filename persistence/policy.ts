import type { Prisma } from '../prisma/generated/client';
import { Policy, resolvePolicy } from '../domain/policy';

type Tx = Prisma.TransactionClient;

export const SYSTEM_POLICY_ID = 'system';

/** The policy in force for a client: the system row overridden by the client's own. */
export async function loadPolicy(tx: Tx, clientId: string): Promise<Policy> {
  const [system, client] = await Promise.all([
    tx.policy.findUnique({ where: { id: SYSTEM_POLICY_ID } }),
    tx.client.findUnique({ where: { id: clientId }, include: { policy: true } }),
  ]);
  if (!system) throw new Error('the system policy is missing: run the seed (scripts/seed.ts)');
  if (!client) throw new Error(`client ${clientId} does not exist`);
  return resolvePolicy(system.data, client.policy?.data);
}
