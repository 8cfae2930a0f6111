import { generatePadnext } from '../../bench/gen/padnext-generator';
import { billingFileWorkflowId, claimWorkflowId } from '../../contracts/workflow-ids';
import type { Policy } from '../../domain/policy';
import type { Tariff } from '../../prisma/generated/client';
import type { Harness } from './harness';

/**
 * One claim of a new client, invoiced and waiting for payment. Payment terms of these tests leave
 * a few seconds for staff to act after the invoice: rendering its PDF shares this process's CPU.
 */
export async function waitingClaim(h: Harness, tariff: Tariff, policy: Partial<Policy> = {}) {
  const client = await h.client(tariff, policy);
  const file = generatePadnext({ cases: 1, seed: 3, clientId: client.id });
  const res = await h.api().post(`/api/clients/${client.id}/billing-files`).query({ fileName: file.padxName }).set('Content-Type', 'application/xml').send(file.padx);
  await h.temporal.workflow.getHandle(billingFileWorkflowId(res.body.submissionId)).result();
  const claim = await h.db.claim.findFirstOrThrow({ where: { submissionId: res.body.submissionId } });
  await reachesStage(h, claim.id, 'WAITING');
  return { client, claim, id: claim.id, result: () => h.temporal.workflow.getHandle(claimWorkflowId(claim.id)).result() };
}

/** Waits until the claim's stage (as recorded) is `stage`. */
export function reachesStage(h: Harness, claimId: string, stage: string, timeoutMs?: number) {
  return h.eventually(`claim ${claimId} in ${stage}`, async () => ((await h.db.claim.findUniqueOrThrow({ where: { id: claimId } })).stage === stage ? true : undefined), timeoutMs);
}

/** The stages the claim entered, in order, with when (from the audit trail). */
export async function stagesOf(h: Harness, id: string) {
  return (await h.db.auditEvent.findMany({ where: { entityId: id, action: 'stage' }, orderBy: { id: 'asc' } })).map((e) => ({ ...(e.data as { stage: string; dunningLevel: number }), at: e.at.getTime() }));
}

/** The claim's documents as KIND, oldest first. */
export async function documentKinds(h: Harness, claimId: string) {
  return (await h.db.document.findMany({ where: { claimId }, orderBy: { createdAt: 'asc' } })).map((d) => d.kind);
}

/** Waits until the claim has `count` documents of `kind` (a letter follows the stage it belongs to). */
export function documentsSent(h: Harness, claimId: string, kind: string, count = 1) {
  return h.eventually(`${count} ${kind} of ${claimId}`, async () => ((await documentKinds(h, claimId)).filter((k) => k === kind).length >= count ? true : undefined));
}
