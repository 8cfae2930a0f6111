import type { Db } from '../../infra/db/prisma';
import { loadPolicy, SYSTEM_POLICY_ID } from '../policy';
import { resolvePolicy } from '../../domain/policy';
import type { DocumentPolicy } from '../../domain/documents/document-policy';

/** The documents policy in force for a client's documents, or the system's for the centre's own. */
export async function documentPolicy(db: Db, clientId: string | null | undefined): Promise<DocumentPolicy> {
  if (clientId) return (await loadPolicy(db, clientId)).documents;
  const system = await db.policy.findUniqueOrThrow({ where: { id: SYSTEM_POLICY_ID } });
  return resolvePolicy(system.data).documents;
}
