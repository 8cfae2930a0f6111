import { randomUUID } from 'node:crypto';
import { renderDocument } from '../../documents/render-document';
import { sampleRequest } from '../../documents/sample-documents';
import { sha256Hex } from '../../domain/sha256';
import { personRecipient } from '../../domain/documents/recipients';
import { binary } from '../support/binary-body';
import { attachmentOf } from '../support/mail-attachment';
import { useHarness } from '../support/harness';
import { generatePadnext } from '../../bench/gen/padnext-generator';
import { pdfText } from '../unit/documents-pdf-text';
import { billingFileWorkflowId, sendDocumentWorkflowId } from '../../contracts/workflow-ids';

jest.setTimeout(120_000);

const h = useHarness();

/** An invoice emailed to a fresh person of a fresh client; returns its document. */
async function sentInvoice() {
  const client = await h.client('INKASSO');
  const to = `anna-${randomUUID().slice(0, 8)}@example.de`;
  const person = await h.db.person.create({ data: { id: randomUUID(), firstName: 'Anna', lastName: 'Schmidt', street: 'Ring 2', postalCode: '80331', city: 'München', email: to } });
  const key = `test-api:${randomUUID()}`;
  await h.services.services.documents.deliver({ idempotencyKey: key, kind: 'INVOICE', clientId: client.id, recipient: personRecipient(person), from: 'abrechnung@pvs.example', render: () => renderDocument(sampleRequest('invoice', 7)) });
  return { client, person, to, doc: await h.db.document.findUniqueOrThrow({ where: { idempotencyKey: key } }) };
}

const mailsTo = (to: string) => h.mails().filter((m) => m.to === to);

test('list with filters and paging, metadata with attempts, content from the store (audited)', async () => {
  const { client, person, doc } = await sentInvoice();
  const list = await h.api().get('/api/documents').query({ personId: person.id });
  expect(list.status).toBe(200);
  expect(list.body.documents.map((d: { id: string }) => d.id)).toEqual([doc.id]);
  expect((await h.api().get('/api/documents').query({ clientId: client.id, kind: 'REMINDER_1' })).body.documents).toEqual([]);
  // A second document for the same person: pages of one, newest first.
  const again = await h.api().post(`/api/documents/${doc.id}/resend`).send({ channel: 'post' });
  const page1 = await h.api().get('/api/documents').query({ personId: person.id, limit: 1 });
  expect(page1.body).toMatchObject({ documents: [{ id: again.body.id }], next: again.body.id });
  const page2 = await h.api().get('/api/documents').query({ personId: person.id, limit: 1, after: page1.body.next });
  expect(page2.body).toMatchObject({ documents: [{ id: doc.id }], next: doc.id });
  expect((await h.api().get('/api/documents').query({ personId: person.id, limit: 1, after: doc.id })).body).toEqual({ documents: [], next: null });
  expect((await h.api().get('/api/documents').query({ after: 'no-such-document' })).body.error.details).toEqual([{ field: 'after', reason: 'unknown document id' }]);

  const meta = await h.api().get(`/api/documents/${doc.id}`);
  expect(meta.body).toMatchObject({ id: doc.id, status: 'SENT', channel: 'email', attempts: [{ channel: 'email', status: 'ACCEPTED' }] });

  const content = await h.api('staff:mueller').get(`/api/documents/${doc.id}/content`).buffer(true).parse(binary);
  expect(content.status).toBe(200);
  expect(content.type).toBe('application/pdf');
  expect(sha256Hex(content.body)).toBe(doc.sha256);
  expect(await h.db.auditEvent.count({ where: { entityType: 'document', entityId: doc.id, action: 'read_content', actor: 'staff:mueller' } })).toBe(1);

  const missing = await h.api().get('/api/documents/no-such-document/content');
  expect(missing.status).toBe(404);
  expect(missing.body.error.code).toBe('not_found');
});

test('re-send: the same content again as a new document, once per Idempotency-Key', async () => {
  const { to, doc } = await sentInvoice();
  const first = await h.api().post(`/api/documents/${doc.id}/resend`).set('Idempotency-Key', 'k1').send({});
  expect(first.status).toBe(202);
  expect(first.body).toMatchObject({ sourceId: doc.id, sha256: doc.sha256, channel: 'email', recipient: to, subject: doc.subject });
  const again = await h.api().post(`/api/documents/${doc.id}/resend`).set('Idempotency-Key', 'k1').send({});
  expect(again.status).toBe(200);
  expect(again.body.id).toBe(first.body.id);
  expect(await h.temporal.workflow.getHandle(sendDocumentWorkflowId(first.body.id)).result()).toBe('SENT');
  const mails = mailsTo(to);
  expect(mails).toHaveLength(2);
  expect(mails.map((m) => sha256Hex(attachmentOf(m.raw)!.content))).toEqual([doc.sha256, doc.sha256]);
  expect(await h.db.auditEvent.findFirst({ where: { entityType: 'document', entityId: doc.id, action: 'resend' } })).toMatchObject({ data: { documentId: first.body.id, channel: 'email' } });
});

test('duplicate by post: marked "Duplikat", queued for print; impossible channels are refused', async () => {
  const { doc } = await sentInvoice();
  const dup = await h.api().post(`/api/documents/${doc.id}/duplicate`).send({ channel: 'post' });
  expect(dup.status).toBe(202);
  expect(dup.body).toMatchObject({ subject: `Duplikat: ${doc.subject}`, channel: 'post', recipient: 'Anna Schmidt, Ring 2, 80331 München', sourceId: doc.id });
  expect(await h.temporal.workflow.getHandle(sendDocumentWorkflowId(dup.body.id)).result()).toBe('QUEUED_FOR_PRINT');

  const noFax = await h.api().post(`/api/documents/${doc.id}/resend`).send({ channel: 'fax' });
  expect(noFax.status).toBe(422);
  expect(noFax.body.error).toMatchObject({ code: 'no_fax', message: `the recipient of document ${doc.id} has no fax number` });
  const bad = await h.api().post(`/api/documents/${doc.id}/resend`).send({ channel: 'pigeon' });
  expect(bad.status).toBe(400);
  expect(bad.body.error.details[0].field).toBe('channel');
});

test('the duplicate of an invoice is rendered again, marked "Duplikat" on the PDF', async () => {
  const client = await h.client('INKASSO', { paymentTerm: '1 hour' });
  const file = generatePadnext({ cases: 1, seed: 11, clientId: client.id });
  const upload = await h.api().post(`/api/clients/${client.id}/billing-files`).query({ fileName: file.padxName }).set('Content-Type', 'application/xml').send(file.padx);
  await h.temporal.workflow.getHandle(billingFileWorkflowId(upload.body.submissionId)).result();
  const claim = await h.db.claim.findFirstOrThrow({ where: { submissionId: upload.body.submissionId } });
  const invoice = await h.eventually('invoice archived', async () => (await h.db.document.findFirst({ where: { claimId: claim.id, kind: 'INVOICE', status: { not: 'PREPARED' } } })) ?? undefined);

  const dup = await h.api().post(`/api/documents/${invoice.id}/duplicate`).send({ channel: 'post' });
  expect(dup.status).toBe(202);
  expect(dup.body).toMatchObject({ kind: 'INVOICE', claimId: claim.id, sourceId: invoice.id, subject: `Duplikat: ${invoice.subject}`, channel: 'post' });
  expect(dup.body.sha256).not.toBe(invoice.sha256);
  const content = await h.api().get(`/api/documents/${dup.body.id}/content`).buffer(true).parse(binary);
  const { text } = await pdfText(content.body);
  expect(text).toContain('DUPLIKAT');
  expect(text).toContain(claim.id);
});
