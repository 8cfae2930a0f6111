import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { main } from '../../cli/claimflow';
import { SCHEDULED_WORKFLOW_IDS } from '../../contracts/workflow-ids';
import { useHarness } from '../support/harness';
import { reachesStage, waitingClaim } from '../support/claim-kit';
import { accountBalances, unbalancedEntries } from '../support/ledger-checks';
import { pdfText } from '../unit/documents-pdf-text';

/**
 * The GDPR duties: Art. 15 access (everything held about a person, JSON and PDF), Art. 18
 * restriction (letters held), the retention sweep (anonymisation, erasure) that leaves the books
 * balanced and the audit chain intact, and before/after values in the audit trail.
 */

jest.setTimeout(180_000);
const h = useHarness();

/** A claim paid in full by staff and closed: an invoice, a payment, a history. */
async function paidClaim() {
  const c = await waitingClaim(h, 'INKASSO', { paymentTerm: '1 hour' });
  const key = randomUUID();
  const paid = await h.api('kasse.m').post(`/api/claims/${c.id}/payments`).set('Idempotency-Key', key).send({ amountCents: c.claim.totalCents, receivedAt: '2026-11-30', reference: `Rechnung ${c.id}` });
  expect(paid.status).toBe(201);
  expect(await c.result()).toBe('PAID');
  return { ...c, paymentId: paid.body.paymentId as string };
}

test('Art. 15: the export holds the person, the claim with its lines, the invoice by number, the payment and the audit entries; JSON, PDF and CLI; audited as reads', async () => {
  const c = await paidClaim();
  const person = await h.db.person.findUniqueOrThrow({ where: { id: c.claim.responsibleId } });
  const invoice = await h.db.document.findFirstOrThrow({ where: { claimId: c.id, kind: 'INVOICE' } });
  const lines = await h.db.claimLine.findMany({ where: { claimId: c.id }, orderBy: { lineNo: 'asc' } });
  const res = await h.api('datenschutz.b').get(`/api/persons/${person.id}/gdpr-export`);
  expect(res.status).toBe(200);
  const x = res.body;
  expect(x.person).toEqual({
    id: person.id,
    salutation: person.salutation,
    title: person.title,
    firstName: person.firstName,
    lastName: person.lastName,
    birthDate: person.birthDate,
    street: person.street,
    postalCode: person.postalCode,
    city: person.city,
    country: 'DE',
    email: person.email,
    emailConsent: person.emailConsent,
    fax: null,
    business: false,
    restrictedAt: null,
    restrictionReason: null,
    anonymisedAt: null,
    createdAt: person.createdAt.toISOString(),
  });
  expect(x.claims).toEqual([
    {
      id: c.id,
      roles: c.claim.patientId === person.id ? ['patient', 'responsible'] : ['responsible'],
      client: c.client.name,
      doctorName: c.claim.doctorName,
      treatmentFrom: c.claim.treatmentFrom,
      treatmentTo: c.claim.treatmentTo,
      diagnosis: c.claim.diagnosis,
      totalCents: c.claim.totalCents,
      stage: 'CLOSED',
      outcome: 'PAID',
      invoiceDate: expect.any(String),
      dueDate: expect.any(String),
      lines: lines.map((l) => ({ lineNo: l.lineNo, date: l.date, code: l.code, text: l.text, count: l.count, amountCents: l.amountCents })),
    },
  ]);
  expect(x.claims[0].lines.reduce((s: number, l: { amountCents: number }) => s + l.amountCents, 0)).toBe(c.claim.totalCents);
  expect(x.letters).toEqual([{ documentNumber: invoice.id, kind: 'INVOICE', claimId: c.id, channel: invoice.channel, recipient: invoice.recipient, subject: invoice.subject, status: invoice.status, createdAt: invoice.createdAt.toISOString(), sentAt: invoice.sentAt?.toISOString() ?? null }]);
  expect(x.payments).toEqual([{ id: c.paymentId, claimId: c.id, amountCents: c.claim.totalCents, receivedAt: '2026-11-30T00:00:00.000Z', source: 'api', reference: `Rechnung ${c.id}` }]);
  const entries = x.auditEntries as Array<{ actor: string; action: string; entityType: string; entityId: string; data: any; before: any; after: any }>;
  const stages = entries.filter((e) => e.action === 'stage').map((e) => [e.before.stage, e.after.stage]);
  expect(stages[0]).toEqual(['INTAKE', expect.any(String)]);
  expect(stages[stages.length - 1]).toEqual([expect.any(String), 'CLOSED']);
  expect(entries.find((e) => e.action === 'payment')).toMatchObject({ actor: 'kasse.m', entityType: 'claim', entityId: c.id, data: { paymentId: c.paymentId, amountCents: c.claim.totalCents }, before: { openCents: c.claim.totalCents }, after: { openCents: 0 } });
  expect(entries.find((e) => e.action === 'archive')).toMatchObject({ entityType: 'document', entityId: invoice.id, before: null, after: { kind: 'INVOICE', claimId: c.id, personId: person.id } });
  // Nothing of the person's name or address is in the audit trail: it refers to them by id.
  expect(JSON.stringify(entries)).not.toContain(person.lastName);
  // The export itself is on record as a read.
  expect(await h.db.auditEvent.findMany({ where: { entityType: 'person', entityId: person.id }, select: { actor: true, action: true, data: true } })).toEqual([{ actor: 'datenschutz.b', action: 'gdpr_export', data: { format: 'json' } }]);

  const pdf = await h.api().get(`/api/persons/${person.id}/gdpr-export?format=pdf`).buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = [];
    r.on('data', (d: Buffer) => chunks.push(d));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  });
  expect(pdf.status).toBe(200);
  expect(pdf.type).toBe('application/pdf');
  const text = (await pdfText(pdf.body as Buffer)).text;
  for (const s of ['Auskunft über Ihre gespeicherten Daten', person.lastName, c.id, invoice.id, 'Zahlungen', 'Protokoll (Audit-Trail)']) expect(text).toContain(s);
  const out = process.env.CF_GDPR_PDF_DIR;
  if (out) fs.writeFileSync(path.join(out, 'gdpr-export.pdf'), pdf.body as Buffer);

  const printed: string[] = [];
  expect(await main(['gdpr', 'export', person.id], (l) => printed.push(l))).toBe(0);
  expect(JSON.parse(printed[0]).payments).toEqual(x.payments);
  expect(await main(['gdpr', 'export', 'no-such-person'], () => undefined)).toBe(1);
  expect((await h.db.auditEvent.findMany({ where: { entityType: 'person', entityId: person.id }, orderBy: { id: 'asc' } })).map((e) => e.data)).toEqual([{ format: 'json' }, { format: 'pdf' }, { format: 'json' }]);
  expect((await h.api().get('/api/persons/no-such-person/gdpr-export')).status).toBe(404);
  expect((await h.api().get(`/api/persons/${person.id}/gdpr-export?format=xml`)).status).toBe(400);
});

test('Art. 18: a restricted person gets no reminder: it is held, then sent once the restriction is lifted; both audited with before and after', async () => {
  const c = await waitingClaim(h, 'INKASSO', { paymentTerm: '3s', reminderInterval: '1 hour' });
  const personId = c.claim.responsibleId;
  const restricted = await h.api('datenschutz.b').post(`/api/persons/${personId}/restriction`).send({ reason: 'Richtigkeit bestritten (Art. 18 (1) a)' });
  expect(restricted.status).toBe(200);
  expect(restricted.body).toEqual({ personId, restrictedAt: expect.any(String), restrictionReason: 'Richtigkeit bestritten (Art. 18 (1) a)' });
  await reachesStage(h, c.id, 'REMINDER');
  const reminder = await h.eventually('reminder held', async () => {
    const d = await h.db.document.findFirst({ where: { claimId: c.id, kind: 'REMINDER_1' } });
    return d?.status === 'HELD' ? d : undefined;
  });
  expect(await h.db.deliveryAttempt.count({ where: { documentId: reminder.id } })).toBe(0);
  expect(reminder.printBatchId).toBeNull();
  expect(await h.db.auditEvent.findMany({ where: { entityType: 'document', entityId: reminder.id, action: 'held_restricted' }, select: { before: true, after: true } })).toEqual([{ before: { status: 'PREPARED' }, after: { status: 'HELD' } }]);
  expect((await h.api().post(`/api/persons/${personId}/restriction`).send({ reason: ' ' })).status).toBe(400);

  const lifted = await h.api('datenschutz.b').delete(`/api/persons/${personId}/restriction`);
  expect(lifted.body).toEqual({ personId, restrictedAt: null, restrictionReason: null, releasedDocuments: [reminder.id] });
  // The patient has no email address: the released reminder goes to the print queue, once.
  expect(reminder.channel).toBe('post');
  expect(await h.db.document.findUniqueOrThrow({ where: { id: reminder.id }, select: { status: true } })).toEqual({ status: 'QUEUED_FOR_PRINT' });
  expect(await h.db.deliveryAttempt.count({ where: { documentId: reminder.id } })).toBe(1);
  const trail = await h.db.auditEvent.findMany({ where: { entityType: 'person', entityId: personId }, orderBy: { id: 'asc' }, select: { actor: true, action: true, before: true, after: true } });
  expect(trail).toEqual([
    { actor: 'datenschutz.b', action: 'restrict', before: { restrictedAt: null, restrictionReason: null }, after: { restrictedAt: restricted.body.restrictedAt, restrictionReason: 'Richtigkeit bestritten (Art. 18 (1) a)' } },
    { actor: 'datenschutz.b', action: 'lift_restriction', before: { restrictedAt: restricted.body.restrictedAt, restrictionReason: 'Richtigkeit bestritten (Art. 18 (1) a)' }, after: { restrictedAt: null, restrictionReason: null } },
  ]);
});

test('a policy change is audited with the data before and after; an invalid one is refused and changes nothing', async () => {
  const client = await h.client('INKASSO');
  const id = `client-${client.id}`;
  const before = (await h.api().get(`/api/policies/${id}`)).body.data;
  const changed = { ...before, paymentTerm: '21 days' };
  const res = await h.api('admin.p').put(`/api/policies/${id}`).send(changed);
  expect(res.status).toBe(200);
  expect(await h.db.auditEvent.findMany({ where: { entityType: 'policy', entityId: id }, select: { actor: true, action: true, before: true, after: true } })).toEqual([{ actor: 'admin.p', action: 'policy_change', before, after: changed }]);
  const invalid = await h.api().put(`/api/policies/${id}`).send({ ...changed, reminderLevels: 9 });
  expect(invalid.status).toBe(422);
  expect(invalid.body.error.message).toMatch(/reminderLevels/);
  expect((await h.api().get(`/api/policies/${id}`)).body.data).toEqual(changed);
  expect((await h.api().put('/api/policies/no-such-policy').send(changed)).status).toBe(404);
});

test('retention: a person whose claim closed over ten years ago is anonymised and the invoice erased by the scheduled workflow; the ledger stays balanced, the audit chain intact', async () => {
  const c = await paidClaim();
  const personIds = [...new Set([c.claim.patientId, c.claim.responsibleId])];
  const invoice = await h.db.document.findFirstOrThrow({ where: { claimId: c.id, kind: 'INVOICE' } });
  const booked = await accountBalances(h.db, [c.id]);
  // Back-dated: the claim last changed, and its invoice archived, in 2015 (ten years end on 1 January 2026).
  await h.db.$executeRaw`UPDATE "Claim" SET "updatedAt" = '2015-03-02' WHERE id = ${c.id}`;
  await h.db.$executeRaw`UPDATE "Document" SET "createdAt" = '2015-03-02' WHERE id = ${invoice.id}`;

  const result = await h.temporal.workflow.execute('retentionSweepWorkflow', { taskQueue: h.services.deps.queues.claims, workflowId: `${SCHEDULED_WORKFLOW_IDS.retentionSweep}-${randomUUID()}` });
  expect(result).toEqual({ anonymisedPersons: personIds.length, erasedDocuments: 1 });
  for (const id of personIds) {
    expect(await h.db.person.findUniqueOrThrow({ where: { id } })).toMatchObject({ firstName: 'anonymisiert', lastName: 'anonymisiert', birthDate: null, street: '', postalCode: '', city: '', email: null, fax: null, anonymisedAt: expect.any(Date) });
    expect(await h.db.auditEvent.findFirst({ where: { entityType: 'person', entityId: id, action: 'anonymise' }, select: { actor: true, before: true, after: true } })).toEqual({ actor: 'retention-sweep', before: { anonymised: false }, after: { anonymised: true } });
  }
  const erased = await h.db.document.findUniqueOrThrow({ where: { id: invoice.id } });
  expect(erased).toMatchObject({ status: 'ERASED', recipient: 'anonymisiert' });
  await expect(h.services.services.documents.content(erased)).rejects.toThrow();

  // The books are untouched: every entry balanced, every account as before.
  expect(await unbalancedEntries(h.db, [c.id])).toBe(0);
  expect(await accountBalances(h.db, [c.id])).toEqual(booked);
  expect(await h.db.claim.findUniqueOrThrow({ where: { id: c.id }, select: { stage: true, outcome: true, totalCents: true } })).toEqual({ stage: 'CLOSED', outcome: 'PAID', totalCents: c.claim.totalCents });
  // The audit trail still verifies: nothing in it was changed, the sweep only appended.
  expect(await main(['audit', 'seal'], () => undefined)).toBe(0);
  const check = await h.api().get('/api/audit-events/verification');
  expect(check.body).toMatchObject({ intact: true, breaks: [] });
  // A second run finds nothing left.
  expect(await h.services.services.persons.sweepRetention()).toEqual({ anonymisedPersons: 0, erasedDocuments: 0 });
  // Art. 15 after erasure: the person is anonymous, the letter's number and kind remain.
  const x = (await h.api().get(`/api/persons/${c.claim.responsibleId}/gdpr-export`)).body;
  expect(x.person).toMatchObject({ firstName: 'anonymisiert', street: '' });
  expect(x.letters).toEqual([expect.objectContaining({ documentNumber: invoice.id, status: 'ERASED', recipient: 'anonymisiert' })]);
});

afterAll(() => {
  const out = process.env.CF_GDPR_PDF_DIR;
  if (out && fs.existsSync(path.join(out, 'gdpr-export.pdf'))) execFileSync('pdftoppm', ['-png', '-r', '60', path.join(out, 'gdpr-export.pdf'), path.join(out, 'page')]);
});
