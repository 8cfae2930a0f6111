import { randomUUID } from 'node:crypto';
import { main } from '../../cli/claimflow';
import { audit } from '../../persistence/audit';
import { useHarness } from '../support/harness';

/** The audit trail: append-only in the database, sealed into a hash chain that shows any change. */

jest.setTimeout(60_000);

const h = useHarness();

async function cli(...args: string[]): Promise<{ exit: number; out: string[] }> {
  const out: string[] = [];
  const exit = await main(args, (l) => out.push(l));
  return { exit, out };
}

/** Three events on a fresh entity, sealed. */
async function sealedEvents(): Promise<{ entityId: string; ids: bigint[] }> {
  const entityId = `audit-test-${randomUUID()}`;
  await h.db.$transaction(async (tx) => {
    await audit(tx, 'sachbearbeiterin.k', 'deferral', 'claim', entityId, { until: '2027-01-31', reason: 'Krankenhaus' });
    await audit(tx, 'teamleitung.m', 'write_off_request', 'claim', entityId, { reason: 'uneconomic', note: 'Kleinbetrag ÄÖÜ' });
  });
  await h.db.$transaction((tx) => audit(tx, 'system', 'limitation_passed', 'claim', entityId));
  expect((await cli('audit', 'seal', '--json')).exit).toBe(0);
  const ids = (await h.db.auditEvent.findMany({ where: { entityId }, orderBy: { id: 'asc' } })).map((e) => e.id);
  return { entityId, ids };
}

test('events are sealed in order, readable by auditors with filters, and the chain checks out', async () => {
  const { entityId, ids } = await sealedEvents();
  const seals = await h.db.auditSeal.findMany({ where: { eventId: { in: ids } }, orderBy: { seq: 'asc' } });
  expect(seals.map((s) => s.eventId)).toEqual(ids);
  expect(seals[1].seq - seals[0].seq).toBe(1n);
  const page = await h.api().get(`/api/audit-events?entityId=${entityId}&limit=2`);
  expect(page.status).toBe(200);
  expect(page.body.events.map((e: { action: string; sealedAs: string }) => [e.action, e.sealedAs])).toEqual([
    ['limitation_passed', seals[2].seq.toString()],
    ['write_off_request', seals[1].seq.toString()],
  ]);
  const rest = await h.api().get(`/api/audit-events?entityId=${entityId}&limit=2&after=${page.body.next}`);
  expect(rest.body.events.map((e: { actor: string }) => e.actor)).toEqual(['sachbearbeiterin.k']);
  const byActor = await h.api().get(`/api/audit-events?actor=teamleitung.m&entityId=${entityId}`);
  expect(byActor.body.events).toHaveLength(1);
  expect((await h.api().get('/api/audit-events?from=yesterday')).status).toBe(400);
  const check = await h.api().get('/api/audit-events/verification');
  expect(check.body).toMatchObject({ intact: true, breaks: [] });
  expect(check.body.checked).toBeGreaterThanOrEqual(3);
});

test('the database refuses to change or delete an audit event', async () => {
  const { ids } = await sealedEvents();
  await expect(h.db.$executeRaw`UPDATE "AuditEvent" SET actor = 'someone else' WHERE id = ${ids[0]}`).rejects.toThrow(/append-only/);
  await expect(h.db.$executeRaw`DELETE FROM "AuditEvent" WHERE id = ${ids[0]}`).rejects.toThrow(/append-only/);
  await expect(h.db.$executeRaw`DELETE FROM "AuditSeal" WHERE "eventId" = ${ids[0]}`).rejects.toThrow(/append-only/);
});

test('an event altered behind the triggers’ back breaks the chain at its seal; put back, the chain is intact again', async () => {
  const { ids } = await sealedEvents();
  const original = await h.db.auditEvent.findUniqueOrThrow({ where: { id: ids[1] } });
  const tamper = async (data: object) => {
    await h.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"');
      await tx.$executeRaw`UPDATE "AuditEvent" SET data = ${JSON.stringify(data)}::jsonb WHERE id = ${ids[1]}`;
      await tx.$executeRawUnsafe('ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"');
    });
  };
  await tamper({ reason: 'uneconomic', note: 'Kleinbetrag ÄÖÜ!' });
  const broken = await cli('audit', 'verify', '--json');
  expect(broken.exit).toBe(1);
  const report = JSON.parse(broken.out[0]);
  expect(report.intact).toBe(false);
  const seal = await h.db.auditSeal.findUniqueOrThrow({ where: { eventId: ids[1] } });
  expect(report.breaks).toEqual([{ seq: seal.seq.toString(), eventId: ids[1].toString(), reason: expect.stringMatching(/is not what was sealed/) }]);
  await tamper(original.data as object);
  expect((await cli('audit', 'verify')).out[0]).toMatch(/^audit trail intact: \d+ sealed event\(s\) check out$/);
});
