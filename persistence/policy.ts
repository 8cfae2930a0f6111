import type { Tx } from '../infra/db/prisma';
import { Policy, resolvePolicy } from '../domain/policy';

export const SYSTEM_POLICY_ID = 'system';

async function systemPolicyData(tx: Tx): Promise<unknown> {
  const system = await tx.policy.findUnique({ where: { id: SYSTEM_POLICY_ID } });
  if (!system) throw new Error('the system policy is missing: run the seed (scripts/seed.ts)');
  return system.data;
}

/** The policy in force for a client: the system row overridden by the client's own. */
export async function loadPolicy(tx: Tx, clientId: string): Promise<Policy> {
  const [system, client] = await Promise.all([systemPolicyData(tx), tx.client.findUnique({ where: { id: clientId }, include: { policy: true } })]);
  if (!client) throw new Error(`client ${clientId} does not exist`);
  return resolvePolicy(system, client.policy?.data);
}

/** The system policy alone: for what belongs to the centre, not to one client (bank statements, Schedules). */
export async function loadSystemPolicy(tx: Tx): Promise<Policy> {
  return resolvePolicy(await systemPolicyData(tx));
}

/** A policy row's stored data (null: no such row). */
export async function policyData(tx: Tx, id: string): Promise<unknown> {
  return (await tx.policy.findUnique({ where: { id } }))?.data ?? null;
}

/** Replaces an existing policy row's data; false when there is no such row. */
export async function replacePolicyData(tx: Tx, id: string, data: object): Promise<boolean> {
  return (await tx.policy.updateMany({ where: { id }, data: { data } })).count === 1;
}

/** `loadPolicy` for many clients in two queries (a payout run's clients), by client id. */
export async function loadPolicies(tx: Tx, clientIds: string[]): Promise<Map<string, Policy>> {
  const [system, clients] = await Promise.all([systemPolicyData(tx), tx.client.findMany({ where: { id: { in: clientIds } }, include: { policy: true } })]);
  return new Map(clients.map((c) => [c.id, resolvePolicy(system, c.policy?.data)]));
}
