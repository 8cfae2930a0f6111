import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { DEFAULT_DOCUMENT_POLICY } from '../../domain/documents/document-policy';
import { DocumentRequest, renderDocument } from '../../documents/render-document';
import { sampleRequest } from '../../documents/sample-documents';
import type { DocumentServicesConfig } from '../../infra/dms/document-services';
import { sha256Hex } from '../../domain/sha256';
import type { Mailer } from '../../infra/mailer';
import { createDocumentsService } from '../../services/documents/documents-service';
import { documentContent } from '../../services/documents/archive';
import { clientRecipient, personRecipient } from '../../domain/documents/recipients';
import { attachmentOf } from '../support/mail-attachment';
import { useHarness } from '../support/harness';
import { SMTPServer } from 'smtp-server';
import { createSmtpMailer } from '../../infra/mailer';
import { freePort } from '../../infra/local/free-port';
import { pdfText } from '../unit/documents-pdf-text';
import { ensurePrintRunSchedule } from '../../services/scheduling/print-run-schedule';
import { sendDocumentWorkflowId } from '../../contracts/workflow-ids';
import { executePrintRun } from '../../contracts/client/workflow-starts';

jest.setTimeout(120_000);

const h = useHarness();
const config = (): DocumentServicesConfig => JSON.parse(process.env.CF_TEST_DOCUMENTS!);
/** The documents service over the test's connections (a fax provider among them), with the given mail server. */
const documents = (mailer: Mailer = h.services.deps.mailer) => createDocumentsService({ ...h.services.deps, mailer });
/** Fast fax retries for these tests: two attempts, a second apart, polled every 200 ms. */
const FAX_POLICY = { documents: { ...DEFAULT_DOCUMENT_POLICY, faxMaxAttempts: 2, faxRetryInterval: '1s', faxPollInterval: '200ms' } };

async function person(email: string | null) {
  return h.db.person.create({ data: { id: randomUUID(), firstName: 'Erika', lastName: 'Mustermann', street: 'Hauptstr. 1', postalCode: '10115', city: 'Berlin', email } });
}

/** A client that has no email but a fax number, which the local fax service answers as told. */
async function faxClient(answer: { reason: string; times: number | null } | null) {
  const seed = await h.client('INKASSO', FAX_POLICY);
  const fax = `+49 30 ${Math.floor(1e6 + Math.random() * 9e6)}`;
  if (answer) await fetch(`${config().faxUrl}/numbers/${encodeURIComponent(fax)}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(answer) });
  return h.db.client.update({ where: { id: seed.id }, data: { email: null, fax } });
}

const mailsTo = (to: string) => h.mails().filter((m) => m.to === to);
const attempts = (documentId: string) => h.db.deliveryAttempt.findMany({ where: { documentId }, orderBy: [{ at: 'asc' }, { attempt: 'asc' }] });
const render = (n: number) => () => renderDocument(sampleRequest('invoice', n));

test('an invoice arrives at the SMTP server for its recipient, with its subject and the PDF attached', async () => {
  const to = `erika-${randomUUID().slice(0, 8)}@example.de`;
  const p = await person(to);
  const rendered = await render(1)();
  const key = `test-invoice:${randomUUID()}`;
  expect(await documents().deliver({ idempotencyKey: key, kind: 'INVOICE', recipient: personRecipient(p), from: 'abrechnung@pvs.example', render: render(1) })).toBe('SENT');

  const [mail] = mailsTo(to);
  expect(mail.subject).toBe(rendered.mail.subject);
  expect(mail.messageId).toBe(`<${key.replace(/[^A-Za-z0-9.:-]/g, '-')}@claimflow>`);
  const pdf = attachmentOf(mail.raw)!;
  expect(pdf.contentType).toBe('application/pdf');
  const { claim } = sampleRequest('invoice', 1) as Extract<DocumentRequest, { kind: 'invoice' }>;
  expect((await pdfText(pdf.content)).text).toContain(claim.invoiceNumber);
  const doc = await h.db.document.findUniqueOrThrow({ where: { idempotencyKey: key } });
  expect(doc).toMatchObject({ status: 'SENT', channel: 'email', recipient: to, personId: p.id, externalRef: mail.messageId, sha256: sha256Hex(pdf.content) });
  expect(await attempts(doc.id)).toMatchObject([{ channel: 'email', attempt: 1, status: 'ACCEPTED', externalRef: mail.messageId }]);
});

test('exactly once: a crash before the send, then one after it, and the server got one message: the archived one', async () => {
  const to = `max-${randomUUID().slice(0, 8)}@example.de`;
  const p = await person(to);
  const real = h.services.deps.mailer;
  let calls = 0;
  // The first try dies between archive and send; the second sends, then dies before it can report.
  const crashing: Mailer = {
    async send(mail) {
      calls += 1;
      if (calls === 1) throw Object.assign(new Error('injected crash before the send'), { code: 'ECONNECTION' });
      return real.send(mail);
    },
    close: () => undefined,
  };
  // Each rendering differs (as a real one may: its date), so the test sees which one was sent.
  let renderings = 0;
  const delivery = { idempotencyKey: `test-once:${randomUUID()}`, kind: 'INVOICE', recipient: personRecipient(p), from: 'abrechnung@pvs.example', render: () => render(20 + renderings++)() };
  await expect(documents(crashing).deliver(delivery)).rejects.toThrow('injected crash before the send');
  const archived = await h.db.document.findUniqueOrThrow({ where: { idempotencyKey: delivery.idempotencyKey } });
  expect(archived.status).toBe('PREPARED');
  expect(await documents(crashing).deliver(delivery)).toBe('SENT');
  // The activity's retry after the crash that followed the send: nothing goes out again.
  expect(await documents(crashing).deliver(delivery)).toBe('ALREADY_DONE');
  expect(calls).toBe(2);
  expect(renderings).toBe(2);

  const mails = mailsTo(to);
  expect(mails).toHaveLength(1);
  expect(sha256Hex(attachmentOf(mails[0].raw)!.content)).toBe(archived.sha256);
  expect(await h.db.document.count({ where: { idempotencyKey: delivery.idempotencyKey } })).toBe(1);
  expect(await attempts(archived.id)).toMatchObject([{ channel: 'email', status: 'ACCEPTED' }]);
});

test('a mailbox the mail server refuses for good: the letter falls back to post', async () => {
  // A second real SMTP server, one that knows no mailbox at all.
  const port = await freePort();
  const refusing = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo: (_address, _session, callback) => callback(Object.assign(new Error('5.1.1 mailbox unknown'), { responseCode: 550 })),
  });
  await new Promise<void>((resolve) => refusing.listen(port, '127.0.0.1', resolve));
  const mailer = createSmtpMailer(`smtp://127.0.0.1:${port}`);
  try {
    const p = await person(`gone-${randomUUID().slice(0, 8)}@example.de`);
    const key = `test-bounce:${randomUUID()}`;
    expect(await documents(mailer).deliver({ idempotencyKey: key, kind: 'INVOICE', recipient: personRecipient(p), from: 'abrechnung@pvs.example', render: render(5) })).toBe('QUEUED_FOR_PRINT');
    const doc = await h.db.document.findUniqueOrThrow({ where: { idempotencyKey: key } });
    expect(doc).toMatchObject({ status: 'QUEUED_FOR_PRINT', channel: 'post', recipient: 'Erika Mustermann, Hauptstr. 1, 10115 Berlin' });
    expect(await attempts(doc.id)).toMatchObject([
      { channel: 'email', status: 'FAILED', error: expect.stringContaining('550') },
      { channel: 'post', status: 'QUEUED' },
    ]);
  } finally {
    mailer.close();
    await new Promise<void>((resolve) => refusing.close(() => resolve()));
  }
});

test('no email address: the letter is queued for post and printed in a batch with a manifest', async () => {
  const p = await person(null);
  const client = await h.client('INKASSO');
  const key = `test-post:${randomUUID()}`;
  expect(await documents().deliver({ idempotencyKey: key, kind: 'INVOICE', clientId: client.id, recipient: personRecipient(p), from: 'abrechnung@pvs.example', render: render(3) })).toBe('QUEUED_FOR_PRINT');
  const doc = await h.db.document.findUniqueOrThrow({ where: { idempotencyKey: key } });
  expect(doc).toMatchObject({ channel: 'post', recipient: 'Erika Mustermann, Hauptstr. 1, 10115 Berlin', status: 'QUEUED_FOR_PRINT' });

  const printed = await executePrintRun(h.temporal, h.services.deps.queues, [client.id], `print-run-${randomUUID()}`);
  expect(printed).toBe(1);
  const after = await h.db.document.findUniqueOrThrow({ where: { id: doc.id }, include: { printBatch: true } });
  expect(after.status).toBe('PRINTED');
  expect(after.printBatch).toMatchObject({ status: 'WRITTEN', documentCount: 1 });
  const folder = after.printBatch!.folder!;
  expect(path.dirname(folder)).toBe(config().printDropDir);
  const manifest = fs.readFileSync(path.join(folder, 'manifest.csv'), 'utf8').trim().split('\r\n');
  expect(manifest).toEqual(['seq;file;document;recipient', `1;0001-${doc.fileName};${doc.id};Erika Mustermann, Hauptstr. 1, 10115 Berlin`]);
  expect(fs.readFileSync(path.join(folder, `0001-${doc.fileName}`))).toEqual(await documentContent(h.services.deps.documents, doc));
  expect(await attempts(doc.id)).toMatchObject([{ channel: 'post', status: 'PRINTED', externalRef: after.printBatchId }]);
  // Nothing left for this client: the next run makes no empty batch.
  expect(await executePrintRun(h.temporal, h.services.deps.queues, [client.id], `print-run-${randomUUID()}`)).toBe(0);
});

async function faxReceipt(client: Awaited<ReturnType<typeof faxClient>>) {
  const key = `test-fax:${randomUUID()}`;
  const outcome = await documents().deliver({
    idempotencyKey: key,
    kind: 'RECEIPT',
    clientId: client.id,
    recipient: clientRecipient(client),
    from: 'abrechnung@pvs.example',
    render: () => renderDocument(sampleRequest('receipt_confirmation', 4)),
  });
  expect(outcome).toBe('FAXING');
  const doc = await h.db.document.findUniqueOrThrow({ where: { idempotencyKey: key } });
  expect(doc).toMatchObject({ channel: 'fax', recipient: client.fax, status: 'FAXING' });
  return { doc, result: await h.temporal.workflow.getHandle(sendDocumentWorkflowId(doc.id)).result() };
}

test('fax: a busy line fails the first attempt; the retry is delivered', async () => {
  const client = await faxClient({ reason: 'busy', times: 1 });
  const { doc, result } = await faxReceipt(client);
  expect(result).toBe('SENT');
  const tries = await attempts(doc.id);
  expect(tries).toMatchObject([
    { channel: 'fax', attempt: 1, status: 'FAILED', error: 'busy' },
    { channel: 'fax', attempt: 2, status: 'DELIVERED', error: null },
  ]);
  expect(await h.db.document.findUniqueOrThrow({ where: { id: doc.id } })).toMatchObject({ status: 'SENT', externalRef: tries[1].externalRef });
});

test('fax: a number that never answers fails every attempt; the letter falls back to post', async () => {
  const client = await faxClient({ reason: 'no answer', times: null });
  const { doc, result } = await faxReceipt(client);
  expect(result).toBe('QUEUED_FOR_PRINT');
  expect(await attempts(doc.id)).toMatchObject([
    { channel: 'fax', attempt: 1, status: 'FAILED', error: 'no answer' },
    { channel: 'fax', attempt: 2, status: 'FAILED', error: 'no answer' },
    { channel: 'post', attempt: 1, status: 'QUEUED' },
  ]);
  expect(await h.db.document.findUniqueOrThrow({ where: { id: doc.id } })).toMatchObject({
    status: 'QUEUED_FOR_PRINT',
    channel: 'post',
    recipient: `${client.name}, ${client.street}, ${client.postalCode} ${client.city}`,
  });
  const audit = await h.db.auditEvent.findFirstOrThrow({ where: { entityType: 'document', entityId: doc.id, action: 'fallback_to_post' } });
  expect(audit.data).toEqual({ reason: 'fax failed 2 times, last: no answer' });
});

test('the print run is a Schedule on the claims queue, registered again without failing at each start', async () => {
  const queue = h.services.deps.queues.claims;
  await ensurePrintRunSchedule(h.temporal, h.db, queue);
  await ensurePrintRunSchedule(h.temporal, h.db, queue);
  const handle = h.temporal.schedule.getHandle('print-run');
  try {
    const described = await handle.describe();
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'printRunWorkflow', taskQueue: queue });
    expect(described.policies.overlap).toBe('SKIP');
  } finally {
    await handle.delete();
  }
});
