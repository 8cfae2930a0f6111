import type { ServiceDeps } from '../service-deps';
import { resolvePolicy } from '../../domain/policy';
import { doesNotExist, Refusal } from '../../domain/refusal';
import { audit } from '../../persistence/audit';
import { policyData, replacePolicyData, SYSTEM_POLICY_ID } from '../../persistence/policy';

/** Policy data as staff change it: the system policy or a client's overrides, checked whole, audited with before and after. */
export function createPolicyService(deps: Pick<ServiceDeps, 'db'>) {
  const { db } = deps;
  return {
    async policy(id: string) {
      const data = await policyData(db, id);
      if (data === null) throw doesNotExist(`policy ${id}`);
      return { id, data };
    },

    /** Replaces a policy's data; refused (naming every invalid field) when the policy in force would be invalid. */
    async setPolicy(id: string, data: Record<string, unknown>, actor: string) {
      return db.$transaction(async (tx) => {
        const before = await policyData(tx, id);
        if (before === null) throw doesNotExist(`policy ${id}`);
        try {
          if (id === SYSTEM_POLICY_ID) resolvePolicy(data);
          else resolvePolicy(await policyData(tx, SYSTEM_POLICY_ID), data);
        } catch (e) {
          throw new Refusal('unprocessable', 'invalid_policy', (e as Error).message);
        }
        await replacePolicyData(tx, id, data);
        await audit(tx, actor, 'policy_change', 'policy', id, undefined, { before, after: data });
        return { id, data };
      });
    },
  };
}
