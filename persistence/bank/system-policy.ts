import type { Tx } from '../../infra/db/prisma';
import { Policy, resolvePolicy } from '../../domain/policy';
import { SYSTEM_POLICY_ID } from '../policy';

/** The system policy alone: bank statements belong to the centre, not to one client. */
export async function loadSystemPolicy(tx: Tx): Promise<Policy> {
  const system = await tx.policy.findUnique({ where: { id: SYSTEM_POLICY_ID } });
  if (!system) throw new Error('the system policy is missing: run the seed (scripts/seed.ts)');
  return resolvePolicy(system.data);
}
