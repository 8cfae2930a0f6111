import { generatePadnext } from '../../bench/gen/padnext-generator';
import { claimStateQuery } from '../../contracts/claims/claim-messages';
import { useHarness } from '../support/harness';
import { billingFileWorkflowId, claimWorkflowId } from '../../contracts/workflow-ids';

jest.setTimeout(120_000);

const h = useHarness();

test('a claim whose history grows past the policy limit continues as new and carries its state', async () => {
  const client = await h.client('INKASSO', { paymentTerm: '1 hour', maxHistoryEvents: 100 });
  const file = generatePadnext({ cases: 1, seed: 3, clientId: client.id });
  const upload = await h.api().post(`/api/clients/${client.id}/billing-files`).query({ fileName: file.padxName }).set('Content-Type', 'application/xml').send(file.padx);
  await h.temporal.workflow.getHandle(billingFileWorkflowId(upload.body.submissionId)).result();
  const claim = await h.db.claim.findFirstOrThrow({ where: { submissionId: upload.body.submissionId } });
  await h.eventually('invoice sent', async () => ((await h.db.claim.findUniqueOrThrow({ where: { id: claim.id } })).stage === 'WAITING' ? true : undefined));

  // Staff move the deferral date again and again: every signal adds to the history.
  const lastUntil = new Date(Date.now() + 3_600_000 + 40_000).toISOString();
  for (let i = 1; i <= 40; i++) {
    const until = i === 40 ? lastUntil : new Date(Date.now() + 3_600_000 + i * 1000).toISOString();
    expect((await h.api().post(`/api/claims/${claim.id}/deferral`).send({ until, reason: `Rückruf ${i}` })).status).toBe(202);
  }
  const handle = h.temporal.workflow.getHandle(claimWorkflowId(claim.id));
  const runs = await h.eventually('a second run', async () => {
    const found = [];
    for await (const run of h.temporal.workflow.list({ query: `WorkflowId = "claim-${claim.id}"` })) found.push(run.status.name);
    return found.includes('CONTINUED_AS_NEW') ? found : undefined;
  });
  expect(runs.filter((r) => r === 'RUNNING')).toHaveLength(1);

  // The new run resumed where the old one was: still waiting, deferral kept, nothing redone.
  await h.eventually('the new run answers', async () => ((await handle.query(claimStateQuery)).pausedUntil === Date.parse(lastUntil) ? true : undefined));
  const state = await handle.query(claimStateQuery);
  expect(state).toMatchObject({ stage: 'WAITING', dunningLevel: 0, openCents: claim.totalCents });
  expect((await h.api().post(`/api/claims/${claim.id}/payments`).send({ amountCents: claim.totalCents })).status).toBe(201);
  expect(await handle.result()).toBe('PAID');
  const stages = (await h.db.auditEvent.findMany({ where: { entityId: claim.id, action: 'stage' }, orderBy: { id: 'asc' } })).map((e) => (e.data as { stage: string }).stage);
  expect(stages).toEqual(['SPLITTING', 'PURCHASE', 'STATEMENT', 'WAITING', 'PAYOUT', 'CLOSED']);
  expect(await h.db.document.count({ where: { claimId: claim.id, kind: 'INVOICE' } })).toBe(1);
});
