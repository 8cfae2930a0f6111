import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyRate } from '../../domain/decimal-rate';
import { Account } from '../../domain/ledger/accounts';
import { useHarness } from '../support/harness';
import { reconciledBalances } from '../support/collection-kit';
import { documentsSent, stagesOf, waitingClaim } from '../support/claim-kit';

jest.setTimeout(180_000);

const h = useHarness();
const { RECEIVABLE_PRINCIPAL, CLIENT_CLAIMS, CLIENT_PAYABLE, CLIENT_PAYOUT_DUE, FEE_INCOME, BAD_DEBT } = Account;
const credit = (id: string, requestId: string, body: object) => h.api('sachbearbeiterin.k').post(`/api/claims/${id}/credit-notes`).set('Idempotency-Key', requestId).send(body);
const open = async (id: string) => (await h.api().get(`/api/claims/${id}`)).body.balance.openCents as number;

/** The credit note's letter as PDF, rendered to PNG pages (pdftoppm) for a look. */
async function letterPages(claimId: string, noteId: string): Promise<string> {
  const doc = await h.db.document.findUniqueOrThrow({ where: { idempotencyKey: `credit-note:${noteId}` } });
  const pdf = await h.api().get(`/api/claims/${claimId}/documents/${doc.id}`).buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'credit-note-'));
  writeFileSync(path.join(dir, 'letter.pdf'), pdf.body as Buffer);
  execFileSync('pdftoppm', ['-png', '-r', '60', path.join(dir, 'letter.pdf'), path.join(dir, 'page')]);
  return execFileSync('pdftotext', ['-layout', path.join(dir, 'letter.pdf'), '-']).toString('utf8');
}

test('a partial credit note on a purchased claim: own number, the credited line bought back by the client (charge-back released), the letter, idempotent by request id; more than is open is refused', async () => {
  const c = await waitingClaim(h, 'SOFORTFACTORING', { paymentTerm: '1 hour' });
  const line = await h.db.claimLine.findFirstOrThrow({ where: { claimId: c.id }, orderBy: { lineNo: 'asc' } });
  const discount = applyRate(line.amountCents, '0.035');

  expect((await credit(c.id, `cn-over-${c.id}`, { reason: 'zu hoch', amountCents: c.claim.totalCents + 1 })).body.error).toMatchObject({ code: 'credit_exceeds_open' });
  expect((await credit(c.id, `cn-both-${c.id}`, { reason: 'x', amountCents: 1, lines: [{ lineNo: 1 }] })).status).toBe(400);
  expect((await h.api().post(`/api/claims/${c.id}/credit-notes`).send({ reason: 'x', amountCents: 1 })).status).toBe(400);

  const res = await credit(c.id, `cn-1-${c.id}`, { reason: 'Leistung doppelt berechnet', lines: [{ lineNo: line.lineNo }] });
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({ number: expect.stringMatching(/^GS\d{8}$/), amountCents: line.amountCents, openCents: c.claim.totalCents - line.amountCents, signalled: true });
  const again = await credit(c.id, `cn-1-${c.id}`, { reason: 'Leistung doppelt berechnet', lines: [{ lineNo: line.lineNo }] });
  expect(again.status).toBe(200);
  expect(again.body).toMatchObject({ id: res.body.id, number: res.body.number });
  // The line is credited: nothing of it is left to credit.
  expect((await credit(c.id, `cn-2-${c.id}`, { reason: 'noch einmal', lines: [{ lineNo: line.lineNo }] })).body.error).toMatchObject({ code: 'line_overcredited' });

  expect((await h.db.payout.findMany({ where: { claimId: c.id }, orderBy: { createdAt: 'asc' } })).map((p) => [p.idempotencyKey, p.amountCents])).toEqual([
    [`payout:${c.id}:purchase`, c.claim.totalCents - applyRate(c.claim.totalCents, '0.035')],
    [`payout:${c.id}:buy-back:credit:${res.body.id}`, -(line.amountCents - discount)],
  ]);
  const b = await reconciledBalances(h, [c.id]);
  expect(b).toMatchObject({ [RECEIVABLE_PRINCIPAL]: c.claim.totalCents - line.amountCents, [CLIENT_CLAIMS]: 0, [CLIENT_PAYABLE]: 0 });
  expect(b[BAD_DEBT] ?? 0).toBe(0);
  expect(await h.db.ledgerTransaction.count({ where: { kind: { in: ['credit_note', 'buy_back'] }, postings: { some: { claimId: c.id } } } })).toBe(2);
  expect((await h.db.auditEvent.findMany({ where: { entityId: c.id, action: { in: ['credit_note', 'buy_back'] } }, orderBy: { id: 'asc' } })).map((e) => [e.action, e.actor])).toEqual([
    ['buy_back', 'sachbearbeiterin.k'],
    ['credit_note', 'sachbearbeiterin.k'],
  ]);
  const text = await letterPages(c.id, res.body.id);
  expect(text).toContain(`Gutschrift ${res.body.number}`);
  expect(text).toContain('Noch offen');

  // The workflow learnt of the lower amount: paying the rest settles the claim.
  expect((await h.api().post(`/api/claims/${c.id}/payments`).send({ amountCents: c.claim.totalCents - line.amountCents })).status).toBe(201);
  expect(await c.result()).toBe('PAID');
  // Released to payout runs, not yet paid: the purchase price less the charge-back.
  const released = (await h.db.payout.aggregate({ where: { claimId: c.id }, _sum: { amountCents: true } }))._sum.amountCents!;
  expect(released).toBe(c.claim.totalCents - applyRate(c.claim.totalCents, '0.035') - (line.amountCents - discount));
  expect(await reconciledBalances(h, [c.id])).toMatchObject({ [RECEIVABLE_PRINCIPAL]: 0, [CLIENT_PAYOUT_DUE]: -released });
});

test('a partial credit note on an Inkasso claim reduces what the client is owed; the workflow sees the lower open amount', async () => {
  const c = await waitingClaim(h, 'INKASSO', { paymentTerm: '1 hour' });
  const part = 1234;
  const res = await credit(c.id, `cn-ink-${c.id}`, { reason: 'Kulanz', amountCents: part });
  expect(res.status).toBe(201);
  expect(res.body.lines).toEqual([]);
  expect(await open(c.id)).toBe(c.claim.totalCents - part);
  expect(await reconciledBalances(h, [c.id])).toMatchObject({ [RECEIVABLE_PRINCIPAL]: c.claim.totalCents - part, [CLIENT_CLAIMS]: -(c.claim.totalCents - part) });
  await documentsSent(h, c.id, 'CREDIT_NOTE');
  const rest = c.claim.totalCents - part;
  expect((await h.api().post(`/api/claims/${c.id}/payments`).send({ amountCents: rest })).status).toBe(201);
  expect(await c.result()).toBe('PAID');
  const fee = applyRate(rest, '0.06');
  expect((await h.db.payout.findMany({ where: { claimId: c.id } })).map((p) => p.amountCents)).toEqual([rest - fee]);
  const b = await reconciledBalances(h, [c.id]);
  expect(b).toMatchObject({ [RECEIVABLE_PRINCIPAL]: 0, [CLIENT_CLAIMS]: 0, [CLIENT_PAYABLE]: 0, [FEE_INCOME]: -fee });
});

test('Neuzustellung: the address corrected, the invoice sent again, the due date reset a payment term from now; the first reminder follows the new date', async () => {
  const c = await waitingClaim(h, 'INKASSO', { paymentTerm: '5s', reminderInterval: '1 hour' });
  const firstDue = (await h.db.claim.findUniqueOrThrow({ where: { id: c.id } })).dueDate!.getTime();
  const address = { street: 'Neue Straße 7', postalCode: '20095', city: 'Hamburg', country: 'DE' };
  const redeliver = () => h.api('sachbearbeiterin.k').post(`/api/claims/${c.id}/redelivery`).set('Idempotency-Key', `nz-${c.id}`).send({ address, reason: 'an Ihre neue Anschrift' });
  await new Promise((r) => setTimeout(r, 2000));
  const before = Date.now();
  const res = await redeliver();
  expect(res.status).toBe(202);
  const newDue = Date.parse(res.body.dueDate);
  expect(newDue).toBeGreaterThanOrEqual(before + 5000);
  expect(newDue).toBeGreaterThan(firstDue);
  // The same request again changes nothing.
  expect((await redeliver()).body.dueDate).toBe(res.body.dueDate);
  expect((await h.api().post(`/api/claims/${c.id}/redelivery`).set('Idempotency-Key', 'nz-bad').send({ address: { ...address, country: 'Deutschland' }, reason: 'x' })).status).toBe(400);

  expect(await h.db.person.findUniqueOrThrow({ where: { id: c.claim.responsibleId } })).toMatchObject(address);
  expect((await h.db.claim.findUniqueOrThrow({ where: { id: c.id } })).dueDate!.getTime()).toBe(newDue);
  await documentsSent(h, c.id, 'REDELIVERY');
  expect(await h.db.document.count({ where: { claimId: c.id, kind: 'REDELIVERY' } })).toBe(1);
  await h.eventually('first reminder', async () => ((await stagesOf(h, c.id)).some((s) => s.stage === 'REMINDER') ? true : undefined), 30_000);
  expect((await stagesOf(h, c.id)).find((s) => s.stage === 'REMINDER')!.at).toBeGreaterThanOrEqual(newDue);
  expect((await h.db.auditEvent.findMany({ where: { entityId: c.id, action: 'redelivery' } })).map((e) => e.actor)).toEqual(['sachbearbeiterin.k']);
  await h.api().post(`/api/claims/${c.id}/cancellation`).send({ reason: 'Testende' });
  expect(await c.result()).toBe('CANCELLED');
  expect(await reconciledBalances(h, [c.id])).toMatchObject({ [RECEIVABLE_PRINCIPAL]: 0 });
});
