import { generatePadnext } from '../../bench/gen/padnext-generator';
import { billingFileWorkflowId, claimWorkflowId } from '../../contracts/workflow-ids';
import { useHarness } from '../support/harness';
import { reachesStage } from '../support/claim-kit';
import { unbalancedEntries } from '../support/ledger-checks';

jest.setTimeout(120_000);
const h = useHarness();

test('split rules and levies through REST (audited, checked) split an uploaded claim; its view shows shares and levies summing to its total', async () => {
  const practice = await h.client('INKASSO', { paymentTerm: '1 hour' });
  const physio = await h.client('INKASSO', { paymentTerm: '1 hour' });

  const badIban = await h.api().post('/api/levy-recipients').send({ name: 'Pool', iban: 'DE89370400440532013001' });
  expect(badIban.status).toBe(400);
  const pool = await h.api('buchhaltung.m').post('/api/levy-recipients').send({ name: 'Praxispool', iban: 'de89 3704 0044 0532 0130 00' });
  expect(pool.status).toBe(201);
  expect(pool.body).toMatchObject({ name: 'Praxispool', iban: 'DE89370400440532013000', bic: null });

  const stages = [{ label: 'Physikalische Therapie', match: { sections: ['E'] }, rate: '0.5', to: { clientId: physio.id } }];
  expect((await h.api().put(`/api/clients/${practice.id}/split-rules`).send({ stages: [{ label: 'x', match: { sections: ['Q'] }, to: { treatingDoctor: true } }] })).status).toBe(400);
  const unknown = await h.api().put(`/api/clients/${practice.id}/split-rules`).send({ stages: [{ ...stages[0], to: { clientId: 'nobody' } }] });
  expect([unknown.status, unknown.body.error.code]).toEqual([422, 'unknown_client']);
  expect((await h.api('buchhaltung.m').put(`/api/clients/${practice.id}/split-rules`).send({ stages })).status).toBe(200);
  expect((await h.api().get(`/api/clients/${practice.id}/split-rules`)).body).toEqual({ clientId: practice.id, stages });
  const levies = [{ label: 'Pool', recipientId: pool.body.id, match: { codes: ['1'] }, rate: '0.1' }];
  expect((await h.api('buchhaltung.m').put(`/api/clients/${practice.id}/levies`).send({ levies })).status).toBe(200);
  expect((await h.api().get(`/api/clients/${practice.id}/levies`)).body).toEqual({ clientId: practice.id, levies });
  const trail = await h.db.auditEvent.findMany({ where: { entityType: 'client', entityId: practice.id }, orderBy: { id: 'asc' } });
  expect(trail.map((e) => [e.actor, e.action])).toEqual([['buchhaltung.m', 'split-rules'], ['buchhaltung.m', 'levy-rules']]);

  // One case: GOÄ 1 (section B, 184 points = 10.72 EUR) and GOÄ 530 (section E, 63 points = 3.67 EUR).
  const file = generatePadnext({ cases: 1, seed: 3, clientId: practice.id });
  const res = await h.api().post(`/api/clients/${practice.id}/billing-files`).query({ fileName: file.padxName }).set('Content-Type', 'application/xml').send(file.padx);
  await h.temporal.workflow.getHandle(billingFileWorkflowId(res.body.submissionId)).result();
  const claim = await h.db.claim.findFirstOrThrow({ where: { submissionId: res.body.submissionId } });
  await reachesStage(h, claim.id, 'WAITING');
  expect(claim.totalCents).toBe(1439);

  const view = (await h.api().get(`/api/claims/${claim.id}`)).body;
  // Half of 367 = 183.5 -> 183 to the physiotherapist; 1072 + 184 to the practice; 10 % of its 1072 for GOÄ 1 = 107.2 -> 107.
  expect(view.split.shares.map((s: { clientId: string; amountCents: number; lines: unknown }) => [s.clientId, s.amountCents, s.lines])).toEqual([
    [physio.id, 183, [{ lineNo: 2, cents: 183 }]],
    [practice.id, 1256, [{ lineNo: 1, cents: 1072 }, { lineNo: 2, cents: 184 }]],
  ]);
  expect(view.split.shares[0].rule).toBe('stage 1 "Physikalische Therapie": 50 % of the unassigned 367 cents of section E');
  expect(view.split.levies).toEqual([{ clientId: practice.id, recipientId: pool.body.id, recipientName: 'Praxispool', amountCents: 107, rule: 'levy 1 "Pool": 10 % of 1072 cents of GOÄ 1', lines: [{ lineNo: 1, cents: 107 }] }]);
  // The recognition gives each client its share of the liability.
  const recognised = (view.ledger as Array<{ kind: string; account: string; clientId: string; amountCents: number }>).filter((p) => p.kind === 'recognise' && p.account === 'client_claims');
  expect(recognised.map((p) => [p.clientId, p.amountCents]).sort()).toEqual([[physio.id, -183], [practice.id, -1256]].sort());
  expect(await unbalancedEntries(h.db, [claim.id])).toBe(0);
  await h.temporal.workflow.getHandle(claimWorkflowId(claim.id)).terminate('test done');
});
