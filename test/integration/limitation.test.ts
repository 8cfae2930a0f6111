import { randomUUID } from 'node:crypto';
import { claimStateQuery } from '../../contracts/claims/claim-messages';
import type { LimitationSweepResult } from '../../contracts/claims/limitation-sweep-result';
import { claimWorkflowId } from '../../contracts/workflow-ids';
import { DEFAULT_COLLECTION_POLICY } from '../../domain/claims/collection-policy';
import { DEFAULT_LIMITATION_POLICY } from '../../domain/claims/limitation-policy';
import type { Policy } from '../../domain/policy';
import { documentKinds, reachesStage, stagesOf, waitingClaim } from '../support/claim-kit';
import { useHarness } from '../support/harness';
import { unbalancedEntries } from '../support/ledger-checks';

jest.setTimeout(120_000);

const h = useHarness();
const year = new Date().getUTCFullYear();

/** Reminders an hour apart: only limitation can bring the claim to the collection request in seconds. */
const slowDunning: Partial<Policy> = {
  paymentTerm: '2s',
  reminderLevels: 3,
  reminderInterval: '1 hour',
  collection: { ...DEFAULT_COLLECTION_POLICY, answerWithin: '1 hour' },
  // A limitation date at the end of this year is always within 400 days.
  limitation: { ...DEFAULT_LIMITATION_POLICY, escalateDaysBefore: 400 },
};

/** Back-dates the claim's invoice (a claim migrated from another system, its limitation date not computed yet). */
async function invoicedOn(claimId: string, day: string) {
  await h.db.claim.update({ where: { id: claimId }, data: { invoiceDate: new Date(day), dueDate: new Date(day), limitationDate: null } });
}

const state = (id: string) => h.temporal.workflow.getHandle(claimWorkflowId(id)).query(claimStateQuery);

/** Every page of the report, following its cursor. */
async function riskReport(query: string) {
  const rows: Array<{ id: string; limitationDate: string; passed: boolean; stage: string }> = [];
  let after: string | null = null;
  do {
    const res = await h.api().get(`/api/reports/limitation-risk?${query}&limit=2${after ? `&after=${encodeURIComponent(after)}` : ''}`);
    expect(res.status).toBe(200);
    rows.push(...res.body.claims);
    after = res.body.next;
  } while (after);
  return rows;
}

test('a claim near its limitation date skips the remaining reminders; the report lists it; one past it is flagged', async () => {
  const [near, past] = [await waitingClaim(h, 'INKASSO', slowDunning), await waitingClaim(h, 'INKASSO', slowDunning)];
  // Fell due in January three years ago: time-barred after 31 December this year.
  await invoicedOn(near.id, `${year - 3}-01-10`);
  await invoicedOn(past.id, `${year - 4}-01-10`);
  await reachesStage(h, near.id, 'COLLECTION_REQUEST');
  await reachesStage(h, past.id, 'COLLECTION_REQUEST');

  for (const c of [near, past]) {
    // At most the reminder already on its way when the dates changed; none of the hour-apart rest.
    expect((await stagesOf(h, c.id)).filter((s) => s.stage === 'REMINDER').length).toBeLessThanOrEqual(1);
    expect(await documentKinds(h, c.id)).not.toContain('REMINDER_2');
  }
  expect((await state(near.id)).limitation).toMatchObject({ date: `${year}-12-31`, passed: false });
  expect((await state(past.id)).limitation).toMatchObject({ date: `${year - 1}-12-31`, passed: true });
  expect((await h.db.claim.findUniqueOrThrow({ where: { id: near.id } })).limitationDate?.toISOString().slice(0, 10)).toBe(`${year}-12-31`);
  // The claim past its date is flagged once, in the audit trail and on the claim.
  expect((await h.db.auditEvent.findMany({ where: { entityId: past.id, action: 'limitation_passed' } })).length).toBe(1);
  expect((await h.db.claim.findUniqueOrThrow({ where: { id: past.id } })).limitationPassedAt).not.toBeNull();

  const report = await riskReport('withinDays=400&sort=date');
  const dates = report.map((r) => r.limitationDate);
  expect(dates).toEqual([...dates].sort());
  const ours = report.filter((r) => r.id === near.id || r.id === past.id);
  expect(ours.map((r) => [r.id, r.limitationDate, r.passed, r.stage])).toEqual([
    [past.id, `${year - 1}-12-31`, true, 'COLLECTION_REQUEST'],
    [near.id, `${year}-12-31`, false, 'COLLECTION_REQUEST'],
  ]);
  expect((await riskReport('withinDays=400&sort=-date')).filter((r) => r.id === near.id || r.id === past.id).map((r) => r.id)).toEqual([near.id, past.id]);
  expect((await h.api().get('/api/reports/limitation-risk?withinDays=-1')).status).toBe(400);

  // Waiting is no answer when limitation is this close.
  const wait = await h.api().post(`/api/claims/${near.id}/collection-decision`).send({ decision: 'wait', until: new Date(Date.now() + 86_400_000).toISOString() });
  expect([wait.status, wait.body.error?.code]).toEqual([422, 'wait_past_limitation']);

  // Declined by the client: no longer at risk, and the books are closed.
  for (const c of [near, past]) {
    expect((await h.api().post(`/api/claims/${c.id}/collection-decision`).send({ decision: 'return' })).status).toBe(201);
    expect(await c.result()).toBe('RETURNED');
  }
  expect((await riskReport('withinDays=400&sort=date')).some((r) => r.id === near.id || r.id === past.id)).toBe(false);
  expect(await unbalancedEntries(h.db, [near.id, past.id])).toBe(0);
});

test('negotiations recorded by staff halt limitation (§ 203 BGB)', async () => {
  const c = await waitingClaim(h, 'INKASSO', { paymentTerm: '1 hour' });
  await invoicedOn(c.id, `${year - 3}-01-10`);
  const negotiate = (body: object) => h.api('sachbearbeiter.r').post(`/api/claims/${c.id}/negotiations`).send(body);

  // 20 days halted; the three months after their end reach further.
  const first = await negotiate({ from: `${year}-11-01`, until: `${year}-11-20` });
  expect([first.status, first.body.limitationDate]).toEqual([201, `${year + 1}-02-20`]);
  const again = await negotiate({ from: `${year}-11-01`, until: `${year}-11-20` });
  expect([again.status, again.body.created]).toEqual([200, false]);
  expect((await negotiate({ from: `${year}-11-01`, until: `${year}-10-01` })).status).toBe(422);
  expect((await h.api().post('/api/claims/RE-none/negotiations').send({ from: `${year}-11-01` })).status).toBe(404);

  // Negotiations still going on: nothing runs, no date.
  const open = await negotiate({ from: `${year}-11-25` });
  expect([open.status, open.body.limitationDate]).toEqual([201, null]);
  await h.eventually('the workflow reads the halt', async () => ((await state(c.id)).limitation?.date === null ? true : undefined));
  expect((await h.api().get(`/api/claims/${c.id}`)).body.limitationEvents.map((e: { date: string; until: string | null }) => [e.date, e.until])).toEqual([
    [`${year}-11-01`, `${year}-11-20`],
    [`${year}-11-25`, null],
  ]);
  expect((await h.db.auditEvent.findMany({ where: { entityId: c.id, action: 'negotiation' } })).map((e) => e.actor)).toEqual(['sachbearbeiter.r', 'sachbearbeiter.r', 'sachbearbeiter.r']);

  expect((await h.api().post(`/api/claims/${c.id}/payments`).send({ amountCents: c.claim.totalCents })).status).toBe(201);
  expect(await c.result()).toBe('PAID');
});

test('the daily sweep flags claims past their date and names those no workflow watches any more, once', async () => {
  const [lostPast, lostNear, watched] = [await waitingClaim(h, 'INKASSO', { paymentTerm: '1 hour' }), await waitingClaim(h, 'INKASSO', { paymentTerm: '1 hour' }), await waitingClaim(h, 'INKASSO', { paymentTerm: '1 hour' })];
  await invoicedOn(lostPast.id, `${year - 4}-01-10`);
  await invoicedOn(lostNear.id, `${year - 3}-01-10`);
  await invoicedOn(watched.id, `${year - 3}-01-10`);
  // Two workflows are gone (terminated by an operator, say): nothing would watch their claims.
  for (const c of [lostPast, lostNear]) await h.temporal.workflow.getHandle(claimWorkflowId(c.id)).terminate('lost in a test');
  const sweep = () => h.temporal.workflow.execute('limitationSweepWorkflow', { workflowId: `limitation-sweep-test-${randomUUID()}`, taskQueue: h.services.deps.queues.claims, args: [] }) as Promise<LimitationSweepResult>;
  const first = await sweep();
  expect(first.passed).toContain(lostPast.id);
  expect(first.passed).not.toContain(lostNear.id);
  expect(first.unwatched).toEqual(expect.arrayContaining([lostPast.id, lostNear.id]));
  expect(first.unwatched).not.toContain(watched.id);
  const claim = await h.db.claim.findUniqueOrThrow({ where: { id: lostNear.id } });
  expect(claim.limitationDate?.toISOString().slice(0, 10)).toBe(`${year}-12-31`);
  expect((await h.db.claim.findUniqueOrThrow({ where: { id: lostPast.id } })).limitationPassedAt).not.toBeNull();
  // A second sweep finds them again but notes each in the audit trail only once.
  expect((await sweep()).unwatched).toEqual(expect.arrayContaining([lostPast.id, lostNear.id]));
  for (const c of [lostPast, lostNear]) expect(await h.db.auditEvent.count({ where: { entityId: c.id, action: 'limitation_unwatched' } })).toBe(1);
  expect(await h.db.auditEvent.count({ where: { entityId: watched.id, action: 'limitation_unwatched' } })).toBe(0);
});
