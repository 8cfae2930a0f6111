import { useHarness } from '../support/harness';
import { unbalancedEntries } from '../support/ledger-checks';
import { claimRow, openOf, randomIban, ref, statement, upload, waitingClaims, workflowResult } from '../fixtures/bank-import/bank-test-kit';
import { claimWorkflowId } from '../../contracts/workflow-ids';

jest.setTimeout(180_000);

const h = useHarness();

/** The invoice number with one digit of its sequence changed: the check digits no longer fit. */
const misspelt = (id: string) => `${id.slice(0, 9)}${(Number(id[9]) + 1) % 10}${id.slice(10)}`;

async function queuedLine(fileId: string, amountCents: number) {
  return h.db.bankLine.findFirstOrThrow({ where: { fileId, amountCents } });
}

test.concurrent('the assistant lists queued lines with suggestions; staff split one line over two claims, refund one and mark one not ours; an allocation can be taken back', async () => {
  const [f, g] = await waitingClaims(h, 2, { paymentTerm: '1 hour' });
  const halfG = Math.floor(g.totalCents / 2);
  const payer = randomIban();
  const split = f.totalCents + halfG;
  const res = await upload(
    h,
    statement([
      { amountCents: split, ref: ref(), name: f.payer, iban: payer, remittance: `Rechnungen ${misspelt(f.id)} und ${misspelt(g.id)}` },
      { amountCents: 1234, ref: ref(), name: 'Irrläufer GmbH', iban: randomIban(), remittance: 'Miete November' },
      { amountCents: 999, ref: ref(), name: 'Hans Fremd', iban: randomIban(), remittance: 'Beitrag Sportverein' },
    ]),
  );
  expect(res.body).toMatchObject({ lines: 3, queued: 3, matched: 0 });
  const splitLine = await queuedLine(res.body.fileId, split);
  const refundLine = await queuedLine(res.body.fileId, 1234);
  const foreignLine = await queuedLine(res.body.fileId, 999);

  // The queue shows the line with ranked suggestions that name the misspelt claims.
  let items: Array<{ lineId: string; unallocatedCents: number; queuedBecause: string[]; suggestions: Array<{ confidence: number; reasons: string[]; allocations: Array<{ claimId: string }> }> }> = [];
  for (let after: string | null = null; ; ) {
    const page = await h.api().get('/api/unclear-payments').query({ limit: 100, ...(after ? { after } : {}) });
    expect(page.status).toBe(200);
    items = items.concat(page.body.items);
    after = page.body.next;
    if (!after) break;
  }
  const item = items.find((i) => i.lineId === splitLine.id)!;
  expect(item.unallocatedCents).toBe(split);
  expect(item.queuedBecause.length).toBeGreaterThan(0);
  const suggested = item.suggestions.flatMap((s) => s.allocations.map((a) => a.claimId));
  expect(suggested).toEqual(expect.arrayContaining([f.id]));
  expect(item.suggestions.every((s) => s.confidence > 0 && s.confidence < 0.9 && s.reasons.length > 0)).toBe(true);
  expect(item.suggestions.map((s) => s.confidence)).toEqual([...item.suggestions.map((s) => s.confidence)].sort((a, b) => b - a));

  // A split must account for the whole amount; the answer says by how much it misses.
  const short = await h.api().post(`/api/unclear-payments/${splitLine.id}/assign`).send({ allocations: [{ claimId: f.id, amountCents: f.totalCents }, { claimId: g.id, amountCents: halfG - 1 }] });
  expect(short.status).toBe(422);
  expect(short.body.error.message).toContain(`add up to ${split - 1} cents`);
  expect(short.body.error.message).toContain(`${split} cents`);

  const assign = () => h.api('sachbearbeiterin.k').post(`/api/unclear-payments/${splitLine.id}/assign`).set('Idempotency-Key', `assign-${splitLine.id}`).send({ allocations: [{ claimId: f.id, amountCents: f.totalCents }, { claimId: g.id, amountCents: halfG }] });
  const assigned = await assign();
  expect(assigned.status).toBe(201);
  expect(assigned.body).toMatchObject({ status: 'RESOLVED', replayed: false });
  expect(await workflowResult(h, f.id)).toBe('PAID');
  expect(await openOf(h, g.id)).toBe(g.totalCents - halfG);
  // The same request again (a retry) books nothing more.
  const repeated = await assign();
  expect(repeated.status).toBe(200);
  expect(repeated.body.replayed).toBe(true);
  expect(await h.db.payment.count({ where: { claimId: { in: [f.id, g.id] } } })).toBe(2);
  expect((await h.api().post(`/api/unclear-payments/${splitLine.id}/not-ours`).send({ note: 'x' })).status).toBe(409);

  const refund = await h.api().post(`/api/unclear-payments/${refundLine.id}/refund`).send({});
  expect(refund.status).toBe(201);
  expect(refund.body.allocations).toEqual([expect.objectContaining({ kind: 'REFUND', amountCents: 1234, iban: refundLine.counterpartyIban })]);
  const badIban = await h.api().post(`/api/unclear-payments/${foreignLine.id}/refund`).send({ iban: 'DE00123456780000000000' });
  expect(badIban.status).toBe(400);
  const notOurs = await h.api('buchhaltung.m').post(`/api/unclear-payments/${foreignLine.id}/not-ours`).send({ note: 'Zahlung an den Sportverein im selben Haus' });
  expect(notOurs.status).toBe(201);
  expect(notOurs.body.allocations).toEqual([expect.objectContaining({ kind: 'NOT_OURS', amountCents: 999 })]);

  // Taking back g's part: g owes all again, the money waits in the queue again.
  const gAllocation = (assigned.body.allocations as Array<{ id: string; claimId: string }>).find((a) => a.claimId === g.id)!;
  const reversed = await h.api('sachbearbeiterin.k').post(`/api/bank-allocations/${gAllocation.id}/reverse`);
  expect(reversed.status).toBe(201);
  expect(reversed.body.status).toBe('UNCLEAR');
  expect(await openOf(h, g.id)).toBe(g.totalCents);
  expect((await h.api().post(`/api/bank-allocations/${gAllocation.id}/reverse`)).body.replayed).toBe(true);
  const fAllocation = (assigned.body.allocations as Array<{ id: string; claimId: string }>).find((a) => a.claimId === f.id)!;
  const closed = await h.api().post(`/api/bank-allocations/${fAllocation.id}/reverse`);
  expect(closed.status).toBe(409);
  expect(closed.body.error.message).toContain(`claim ${f.id} is PAID`);
  const back = await h.api().get('/api/unclear-payments').query({ limit: 500 });
  expect((back.body.items as Array<{ lineId: string; unallocatedCents: number }>).find((i) => i.lineId === splitLine.id)?.unallocatedCents).toBe(halfG);
  await h.eventually('workflow hears the undo', async () => {
    const s = await h.temporal.workflow.getHandle(claimWorkflowId(g.id)).query<{ openCents: number }>('claimState');
    return s.openCents === g.totalCents ? true : undefined;
  });

  // Every step balanced, audited under the acting staff member; suspense holds exactly what is queued.
  expect(await unbalancedEntries(h.db, [f.id, g.id])).toBe(0);
  const trail = await h.db.auditEvent.findMany({ where: { entityType: 'bank-line', entityId: { in: [splitLine.id, refundLine.id, foreignLine.id] } }, orderBy: { id: 'asc' } });
  expect(trail.map((e) => [e.action, e.actor])).toEqual([
    ['assign', 'sachbearbeiterin.k'],
    ['refund', 'test.user'],
    ['not-ours', 'buchhaltung.m'],
    ['reverse-allocation', 'sachbearbeiterin.k'],
  ]);
  expect((await claimRow(h, g.id)).outcome).toBeNull();
});
