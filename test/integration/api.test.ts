import { generatePadnext } from '../../bench/gen/padnext-generator';
import { unitFeeCents, type SynthCase } from '../../bench/gen/synthetic-cases';
import { Harness } from '../support/harness';
import type { ClientSeed } from '../../persistence/seed';
import { binary } from '../support/binary-body';
import { pdfText } from '../unit/documents-pdf-text';
import { billingFileWorkflowId, claimWorkflowId } from '../../contracts/workflow-ids';

/**
 * The REST API's contract: its OpenAPI document, JSON errors without internals, idempotent
 * payments, claim listing with filters and cursor pagination, and the claim detail.
 */

jest.setTimeout(120_000);

let h: Harness;
let client: ClientSeed;
let cases: SynthCase[];
/** The client's claims ordered by id (the listing's order), each with its case. */
let claims: Array<{ id: string; c: SynthCase; totalCents: number }>;

beforeAll(async () => {
  h = await Harness.start();
  // Invoices due only after an hour: the claims stay WAITING (open) while the tests act on them.
  client = await h.client('INKASSO', { paymentTerm: '1 hour' });
  const file = generatePadnext({ cases: 3, seed: 11, clientId: client.id });
  cases = file.cases;
  expect(cases.every((c) => c.consent && !c.broken)).toBe(true);
  const res = await h.api().post(`/api/clients/${client.id}/billing-files`).query({ fileName: file.padxName }).set('Content-Type', 'application/xml').send(file.padx);
  expect(res.status).toBe(202);
  expect(await h.temporal.workflow.getHandle(billingFileWorkflowId(res.body.submissionId)).result()).toEqual({ accepted: 3, rejected: 0, duplicates: 0, started: 3 });
  const rows = await h.db.claim.findMany({ where: { clientId: client.id }, orderBy: { id: 'asc' } });
  expect(rows).toHaveLength(3);
  claims = rows.map((r) => ({ id: r.id, totalCents: r.totalCents, c: cases.find((c) => c.invoiceId === r.externalId)! }));
  await h.eventually('all claims WAITING', async () => {
    const stages = await h.db.claim.findMany({ where: { clientId: client.id }, select: { stage: true } });
    return stages.every((s) => s.stage === 'WAITING') ? true : undefined;
  });
});
afterAll(async () => {
  await h?.stop();
});

/** An error response: JSON, the documented shape, no stack trace or source path anywhere. */
function expectJsonError(res: { status: number; type: string; body: any; text: string }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.type).toBe('application/json');
  expect(res.body.error).toMatchObject({ code, message: expect.any(String) });
  expect(Object.keys(res.body)).toEqual(['error']);
  expect(res.text).not.toMatch(/\bat \S+ \(|\.ts:\d+|node_modules|stack/i);
}

describe('OpenAPI and health', () => {
  /** Every route the app serves, in OpenAPI spelling (relative to the server url /api). */
  const SERVED: Array<[string, string]> = [
    ['get', '/health'],
    ['post', '/clients/{clientId}/billing-files'],
    ['get', '/billing-files/{id}'],
    ['get', '/claims'],
    ['get', '/claims/{id}'],
    ['post', '/claims/{id}/payments'],
    ['post', '/claims/{id}/deferral'],
    ['post', '/claims/{id}/installment-agreement'],
    ['post', '/claims/{id}/dispute'],
    ['post', '/claims/{id}/cancellation'],
    ['get', '/collection/quarantine'],
    ['get', '/collection/lawyers'],
    ['put', '/collection/lawyers/{lawyerId}'],
    ['post', '/collection/lawyers/{lawyerId}/reports'],
    ['get', '/collection-accounts'],
    ['get', '/collection-accounts/{accountId}'],
    ['put', '/collection-accounts/{accountId}'],
    ['put', '/clients/{clientId}/payout-account'],
    ['post', '/payout-runs'],
    ['get', '/payout-runs'],
    ['get', '/payout-runs/{runId}'],
    ['post', '/payout-runs/{runId}/approve'],
    ['post', '/payout-runs/{runId}/cancel'],
    ['post', '/payout-runs/{runId}/execute'],
    ['get', '/payout-runs/{runId}/sepa'],
    ['post', '/claims/{id}/write-off'],
    ['post', '/claims/{id}/reopen'],
    ['get', '/audit-events'],
    ['get', '/audit-events/verification'],
    ['get', '/persons/{id}/gdpr-export'],
    ['post', '/persons/{id}/restriction'],
    ['delete', '/persons/{id}/restriction'],
    ['get', '/policies/{id}'],
    ['put', '/policies/{id}'],
    ['get', '/factoring/factors'],
    ['get', '/factoring/factors/{factorId}'],
    ['put', '/factoring/factors/{factorId}'],
    ['post', '/factoring/runs'],
    ['get', '/factoring/quarantine'],
  ];

  test('GET /api/openapi.json is an OpenAPI 3.1 document describing every route', async () => {
    const res = await h.api().get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/json');
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.servers).toEqual([{ url: '/api' }]);
    expect(res.body.info).toMatchObject({ title: 'claimflow API', version: expect.any(String) });
    for (const [method, path] of SERVED) {
      expect({ path, method, documented: Boolean(res.body.paths[path]?.[method]) }).toEqual({ path, method, documented: true });
    }
    // The payment body is described from its schema: amountCents is a required positive integer.
    const payment = res.body.paths['/claims/{id}/payments'].post.requestBody.content['application/json'].schema;
    expect(payment.required).toEqual(['amountCents']);
    expect(payment.properties.amountCents).toMatchObject({ type: 'integer', exclusiveMinimum: 0 });
    expect(res.body.components.schemas.Error.properties.error.required).toEqual(['code', 'message']);
  });

  test('GET /api/openapi.json documents the document download route', async () => {
    const res = await h.api().get('/api/openapi.json');
    expect(res.body.paths['/claims/{id}/documents/{documentId}']?.get.parameters.map((p: { name: string }) => p.name)).toEqual(['id', 'documentId']);
  });

  test('GET /api/health answers 200 ok with database and Temporal up', async () => {
    const res = await h.api().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'ok', temporal: 'ok' });
  });
});

describe('metrics and health', () => {
  /** The value of one series of the Prometheus text, or undefined when it is not there. */
  function series(text: string, name: string): number | undefined {
    const line = text.split('\n').find((l) => l.startsWith(`${name} `));
    return line === undefined ? undefined : Number(line.slice(name.length + 1));
  }

  test('live answers without looking further; ready checks the database and Temporal', async () => {
    expect((await h.api().get('/api/health/live')).body).toEqual({ status: 'ok' });
    const ready = await h.api().get('/api/health/ready');
    expect([ready.status, ready.body]).toEqual([200, { status: 'ok', database: 'ok', temporal: 'ok' }]);
  });

  test('GET /metrics counts requests by route pattern and status, and reads the business gauges from the database', async () => {
    const before = (await h.api().get('/metrics')).text;
    const route = (status: number) => `claimflow_http_requests_total{method="GET",route="/api/claims/:id",status="${status}"}`;
    await h.api().get(`/api/claims/${claims[0].id}`);
    await h.api().get(`/api/claims/${claims[1].id}`);
    await h.api().get('/api/claims/NO-SUCH-CLAIM');
    const stages = await h.db.claim.groupBy({ by: ['stage'], _count: { _all: true } });
    const unclear = await h.db.bankLine.count({ where: { status: 'UNCLEAR' } });
    const res = await h.api().get('/metrics');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/plain');
    expect(series(res.text, route(200))).toBe((series(before, route(200)) ?? 0) + 2);
    expect(series(res.text, route(404))).toBe((series(before, route(404)) ?? 0) + 1);
    expect(res.text).toContain(`claimflow_http_request_duration_seconds_count{method="GET",route="/api/claims/:id",status="200"}`);
    for (const s of stages) expect([s.stage, series(res.text, `claimflow_claims{stage="${s.stage}"}`)]).toEqual([s.stage, s._count._all]);
    expect(series(res.text, 'claimflow_unclear_payments')).toBe(unclear);
    for (const gauge of ['claimflow_unclear_payments_oldest_age_seconds', 'claimflow_payout_runs_awaiting_approval', 'claimflow_failed_deliveries', 'claimflow_claims_near_limitation', 'claimflow_last_bank_import_timestamp_seconds', 'claimflow_last_backup_timestamp_seconds']) {
      expect([gauge, Number.isFinite(series(res.text, gauge))]).toEqual([gauge, true]);
    }
    // Ids never become labels: the unknown claim is counted under the route's pattern.
    expect(res.text).not.toContain('NO-SUCH-CLAIM');
  });
});

describe('claim detail and listing', () => {
  test('GET /api/claims/:id returns lines, balance, history, documents and the workflow', async () => {
    const { id, c, totalCents } = claims[0];
    const res = await h.api().get(`/api/claims/${id}`);
    expect(res.status).toBe(200);
    const b = res.body;
    expect(b).toMatchObject({ id, clientId: client.id, externalId: c.invoiceId, stage: 'WAITING', dunningLevel: 0, outcome: null, totalCents, treatmentFrom: c.from, treatmentTo: c.to });
    expect(b.patient).toMatchObject({ firstName: c.patient.firstName, lastName: c.patient.lastName });
    expect(b.responsible.lastName).toBe((c.responsible ?? c.patient).lastName);

    expect(b.lines.map((l: any) => [l.lineNo, l.kind, l.count])).toEqual(c.lines.map((l, n) => [n + 1, l.kind, l.count]));
    b.lines.forEach((l: any, n: number) => {
      const line = c.lines[n];
      if (line.kind === 'fee') {
        expect([l.code, Number(l.factor), typeof l.factor, l.points]).toEqual([line.code, Number(line.factor), 'string', line.points]);
        if (!c.inpatient) expect(l.amountCents).toBe(unitFeeCents(line.points, line.factor) * line.count);
      } else {
        expect([l.factor, l.amountCents]).toEqual([null, line.amountCents * line.count]);
      }
    });
    expect(b.lines.reduce((s: number, l: any) => s + l.amountCents, 0)).toBe(totalCents);

    // Before any payment the whole total is open.
    // Inkasso: the client keeps its stake in the claim until it is collected.
    expect(b.balance).toEqual({ principalOpenCents: totalCents, costsOpenCents: 0, interestOpenCents: 0, clientStakeCents: totalCents, clientPayableCents: 0, paidCents: 0, openCents: totalCents });
    const ledger = b.ledger.map((p: any) => [p.kind, p.account, p.amountCents]).sort();
    expect(ledger).toEqual([['recognise', 'client_claims', -totalCents], ['recognise', 'receivable_principal', totalCents]]);
    expect(b.payments).toEqual([]);

    // Each stage with the claim's state before and after it; the invoice's dates set once, from none.
    expect(b.history.filter((e: { action: string }) => e.action === 'stage')).toEqual(
      ['SPLITTING', 'PURCHASE', 'STATEMENT', 'WAITING'].map((stage, i, all) => ({
        at: expect.any(String),
        actor: 'system',
        action: 'stage',
        data: { stage, dunningLevel: 0 },
        before: { stage: i === 0 ? 'INTAKE' : all[i - 1], dunningLevel: 0, outcome: null },
        after: { stage, dunningLevel: 0, outcome: null },
      })),
    );
    expect(b.history.filter((e: { action: string }) => e.action === 'invoice_dates')).toEqual([
      { at: expect.any(String), actor: 'system', action: 'invoice_dates', data: null, before: { invoiceDate: null, dueDate: null }, after: { invoiceDate: expect.any(String), dueDate: expect.any(String) } },
    ]);

    expect(b.workflow.id).toBe(claimWorkflowId(id));
    expect(b.workflow.state).toMatchObject({ stage: 'WAITING', dunningLevel: 0, openCents: totalCents, clientId: client.id, seenPayments: [] });
    const described = await h.temporal.workflow.getHandle(b.workflow.id).describe();
    expect(described.status.name).toBe('RUNNING');

    // The invoice was issued; it can be downloaded as the document archived.
    expect(b.documents.map((d: any) => d.kind)).toEqual(['INVOICE']);
    expect(b.documents[0].content).toBeUndefined();
    const doc = await h.api().get(`/api/claims/${id}/documents/${b.documents[0].id}`).buffer(true).parse(binary);
    expect(doc.status).toBe(200);
    expect(doc.type).toBe('application/pdf');
    expect((await pdfText(doc.body)).text).toContain(id);
    expectJsonError(await h.api().get(`/api/claims/${id}/documents/no-such-document`), 404, 'not_found');
  });

  test('GET /api/claims filters by stage and client and pages with a cursor', async () => {
    const ids = claims.map((x) => x.id);
    const all = await h.api().get('/api/claims').query({ stage: 'WAITING', clientId: client.id });
    expect(all.status).toBe(200);
    expect(all.body.claims.map((x: any) => x.id)).toEqual(ids);
    expect(all.body.next).toBeNull();
    expect(all.body.claims[0]).toEqual({
      id: claims[0].id,
      clientId: client.id,
      externalId: claims[0].c.invoiceId,
      debtor: `${(claims[0].c.responsible ?? claims[0].c.patient).firstName} ${(claims[0].c.responsible ?? claims[0].c.patient).lastName}`,
      stage: 'WAITING',
      outcome: null,
      dunningLevel: 0,
      totalCents: claims[0].totalCents,
      openCents: claims[0].totalCents,
      dueDate: expect.any(String),
    });
    for (const [i, x] of all.body.claims.entries()) expect([x.totalCents, x.openCents]).toEqual([claims[i].totalCents, claims[i].totalCents]);

    // Page by page, one claim each: every claim exactly once, in id order.
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 4; page++) {
      const res = await h.api().get('/api/claims').query({ stage: 'WAITING', clientId: client.id, limit: 1, ...(after ? { after } : {}) });
      expect(res.status).toBe(200);
      expect(res.body.claims.length).toBe(page < 3 ? 1 : 0);
      seen.push(...res.body.claims.map((x: any) => x.id));
      expect(res.body.next).toBe(page < 3 ? ids[page] : null);
      after = res.body.next ?? undefined;
      if (!after) break;
    }
    expect(seen).toEqual(ids);

    const two = await h.api().get('/api/claims').query({ clientId: client.id, limit: 2 });
    expect([two.body.claims.map((x: any) => x.id), two.body.next]).toEqual([ids.slice(0, 2), ids[1]]);
    const rest = await h.api().get('/api/claims').query({ clientId: client.id, limit: 2, after: two.body.next });
    expect([rest.body.claims.map((x: any) => x.id), rest.body.next]).toEqual([ids.slice(2), null]);

    // Other stages and other clients select nothing of these.
    expect((await h.api().get('/api/claims').query({ stage: 'CLOSED', clientId: client.id })).body).toEqual({ claims: [], next: null });
    expect((await h.api().get('/api/claims').query({ stage: 'WAITING', clientId: `${client.id}-other` })).body).toEqual({ claims: [], next: null });
    const bySubmission = await h.api().get('/api/claims').query({ submissionId: (await h.db.claim.findUniqueOrThrow({ where: { id: ids[0] } })).submissionId });
    expect(bySubmission.body.claims.map((x: any) => x.id)).toEqual(ids);

    const badStage = await h.api().get('/api/claims').query({ stage: 'PAID' });
    expectJsonError(badStage, 400, 'invalid_request');
    expect(badStage.body.error.details.map((d: any) => d.field)).toEqual(['stage']);
    const badLimit = await h.api().get('/api/claims').query({ limit: 0 });
    expectJsonError(badLimit, 400, 'invalid_request');
    expect(badLimit.body.error.details.map((d: any) => d.field)).toEqual(['limit']);
  });
});

describe('errors are JSON without internals', () => {
  test('unknown routes answer 404', async () => {
    const res = await h.api().get('/api/no-such-thing');
    expectJsonError(res, 404, 'not_found');
    expect(res.body.error.message).toBe('no route GET /api/no-such-thing');
    const post = await h.api().post('/api/claims').send({});
    expectJsonError(post, 404, 'not_found');
    expect(post.body.error.message).toBe('no route POST /api/claims');
    expectJsonError(await h.api().get('/not-api'), 404, 'not_found');
  });

  test('an unknown claim answers 404 naming its id', async () => {
    const res = await h.api().get('/api/claims/RE9999999999');
    expectJsonError(res, 404, 'not_found');
    expect(res.body.error.message).toBe('claim RE9999999999 does not exist');
    const pay = await h.api().post('/api/claims/RE9999999999/payments').send({ amountCents: 100 });
    expectJsonError(pay, 404, 'not_found');
    expect(pay.body.error.message).toBe('claim RE9999999999 does not exist');
    const cancel = await h.api().post('/api/claims/RE9999999999/cancellation').send({ reason: 'test' });
    expectJsonError(cancel, 404, 'not_found');
    expect(cancel.body.error.message).toBe('claim RE9999999999 does not exist');
  });

  test.each([
    ['negative', { amountCents: -5 }],
    ['fractional', { amountCents: 1.5 }],
    ['a string', { amountCents: 'abc' }],
    ['missing', { reference: 'no amount' }],
  ])('a payment whose amount is %s answers 400 naming amountCents', async (_what, body) => {
    const id = claims[1].id;
    const res = await h.api().post(`/api/claims/${id}/payments`).set('Idempotency-Key', `invalid-${_what}-${id}`).send(body);
    expectJsonError(res, 400, 'invalid_request');
    expect(res.body.error.details).toEqual([{ field: 'amountCents', reason: expect.any(String) }]);
    expect(res.body.error.message).toMatch(/^invalid body: amountCents: /);
    expect(await h.db.payment.count({ where: { claimId: id } })).toBe(0);
  });

  test('a malformed JSON body answers 400 as JSON', async () => {
    const res = await h.api().post(`/api/claims/${claims[1].id}/payments`).set('Content-Type', 'application/json').send('{"amountCents": 12');
    expectJsonError(res, 400, 'invalid_body');
    expect(await h.db.payment.count({ where: { claimId: claims[1].id } })).toBe(0);
  });

  test('uploads: no file name answers 400, an unknown client 404, an empty file 400', async () => {
    const noName = await h.api().post(`/api/clients/${client.id}/billing-files`).set('Content-Type', 'application/xml').send('<x/>');
    expectJsonError(noName, 400, 'invalid_request');
    expect(noName.body.error.details).toEqual([{ field: 'fileName', reason: expect.any(String) }]);
    const folder = await h.api().post(`/api/clients/${client.id}/billing-files`).query({ fileName: '../etc/passwd' }).set('Content-Type', 'application/xml').send('<x/>');
    expectJsonError(folder, 400, 'invalid_request');
    expect(folder.body.error.details).toEqual([{ field: 'fileName', reason: 'a file name without folders' }]);

    const unknown = await h.api().post('/api/clients/NO-SUCH-CLIENT/billing-files').query({ fileName: 'a_padx.xml' }).set('Content-Type', 'application/xml').send('<x/>');
    expectJsonError(unknown, 404, 'not_found');
    expect(unknown.body.error.message).toBe('client NO-SUCH-CLIENT does not exist');

    const empty = await h.api().post(`/api/clients/${client.id}/billing-files`).query({ fileName: 'leer.csv' }).set('Content-Type', 'text/csv').send('');
    expectJsonError(empty, 400, 'empty_file');
    expect(empty.body.error.message).toBe('the billing file leer.csv is empty');
    expect(await h.db.submission.count({ where: { clientId: client.id } })).toBe(1);
  });

  test('an installment plan that does not add up to the open amount answers 422', async () => {
    const { id, totalCents } = claims[1];
    const installments = [
      { dueDate: '2030-01-01', amountCents: 1000 },
      { dueDate: '2030-02-01', amountCents: totalCents - 1000 + 1 },
    ];
    const res = await h.api().post(`/api/claims/${id}/installment-agreement`).send({ installments });
    expectJsonError(res, 422, 'plan_mismatch');
    expect(res.body.error.message).toBe(`the installments add up to ${totalCents + 1} cents but ${totalCents} cents are open`);
    expect(await h.db.claimAgreement.count({ where: { claimId: id } })).toBe(0);
    const one = await h.api().post(`/api/claims/${id}/installment-agreement`).send({ installments: [{ dueDate: '2030-01-01', amountCents: totalCents }] });
    expectJsonError(one, 400, 'invalid_request');
    expect(one.body.error.details.map((d: any) => d.field)).toEqual(['installments']);
  });
});

describe('payments', () => {
  test('the same Idempotency-Key books once; a different amount under it is a 409', async () => {
    const { id, totalCents } = claims[2];
    const key = `api-test-${id}`;
    const first = await h.api().post(`/api/claims/${id}/payments`).set('Idempotency-Key', key).send({ amountCents: 1234, reference: id });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ paymentId: expect.any(String), created: true, openCents: totalCents - 1234, signalled: true });

    const again = await h.api().post(`/api/claims/${id}/payments`).set('Idempotency-Key', key).send({ amountCents: 1234, reference: id });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ paymentId: first.body.paymentId, created: false, openCents: totalCents - 1234, signalled: true });

    const conflict = await h.api().post(`/api/claims/${id}/payments`).set('Idempotency-Key', key).send({ amountCents: 999 });
    expectJsonError(conflict, 409, 'idempotency_conflict');
    expect(conflict.body.error.message).toBe(`idempotency key ${key} was already used for a different payment`);
    // The same key on another claim is a conflict too, not a second payment.
    const otherClaim = await h.api().post(`/api/claims/${claims[1].id}/payments`).set('Idempotency-Key', key).send({ amountCents: 1234 });
    expectJsonError(otherClaim, 409, 'idempotency_conflict');

    const payments = await h.db.payment.findMany({ where: { claimId: { in: claims.map((x) => x.id) } } });
    expect(payments.map((p) => [p.id, p.claimId, p.idempotencyKey, p.amountCents, p.source])).toEqual([[first.body.paymentId, id, key, 1234, 'api']]);
    const paymentTx = await h.db.ledgerTransaction.findMany({ where: { kind: 'payment', postings: { some: { claimId: { in: claims.map((x) => x.id) } } } }, include: { postings: true } });
    expect(paymentTx.map((t) => t.idempotencyKey)).toEqual([`payment:${first.body.paymentId}`]);
    expect(paymentTx[0].postings.reduce((s, p) => s + p.amountCents, 0)).toBe(0);

    const detail = await h.api().get(`/api/claims/${id}`);
    expect(detail.body.balance).toMatchObject({ principalOpenCents: totalCents - 1234, openCents: totalCents - 1234 });
    expect(detail.body.payments.map((p: any) => [p.id, p.amountCents])).toEqual([[first.body.paymentId, 1234]]);
    // The workflow counted the payment once although it was signalled twice.
    await h.eventually('workflow sees the payment', async () => {
      const state = (await h.api().get(`/api/claims/${id}`)).body.workflow.state;
      return state?.openCents === totalCents - 1234 ? true : undefined;
    });
    expect((await h.db.claim.findUniqueOrThrow({ where: { id } })).stage).toBe('WAITING');
  });
});
