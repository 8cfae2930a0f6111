import { generatePadnext } from '../../bench/gen/padnext-generator';
import { formatEuro } from '../../domain/format';
import type { Document } from '../../prisma/generated/client';
import type { ClientSeed } from '../../persistence/seed';
import { previousMonth } from '../../domain/documents/journal-period';
import type { ClientJournalRunResult } from '../../contracts/documents/client-journal-run';
import { ensureJournalRunSchedule, JOURNAL_SCHEDULE_ID } from '../../services/scheduling/journal-run-schedule';
import { useHarness } from '../support/harness';
import { attachmentOf } from '../support/mail-attachment';
import { pdfText } from '../unit/documents-pdf-text';
import { billingFileWorkflowId } from '../../contracts/workflow-ids';
import { executeClientJournalRun } from '../../contracts/client/workflow-starts';

/**
 * The monthly client journal run: each client gets its journals for the period by email, once
 * (a second run sends nothing), empty journals are skipped, and staff can send one on demand.
 */

jest.setTimeout(180_000);
const h = useHarness();

// Yesterday to tomorrow: a run across midnight (UTC) still finds today's entries.
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const period = { from: day(-1), to: day(1) };
const label = `${period.from}_${period.to}`;

let factoring: ClientSeed;
let inkasso: ClientSeed;
let paidClaimId: string;
let paidCents: number;

async function billedClient(tariff: 'SOFORTFACTORING' | 'INKASSO', seed: number): Promise<ClientSeed> {
  const client = await h.client(tariff, { paymentTerm: '1 hour' });
  const file = generatePadnext({ cases: 3, seed, clientId: client.id });
  const res = await h.api().post(`/api/clients/${client.id}/billing-files`).query({ fileName: file.padxName }).set('Content-Type', 'application/xml').send(file.padx);
  expect(res.status).toBe(202);
  await h.temporal.workflow.getHandle(billingFileWorkflowId(res.body.submissionId)).result();
  const claims = await h.db.claim.count({ where: { clientId: client.id } });
  await h.eventually('invoices issued (and under factoring the purchase price paid out)', async () => {
    const [issued, payouts] = await Promise.all([h.db.claim.count({ where: { clientId: client.id, invoiceDate: { not: null } } }), h.db.payout.count({ where: { clientId: client.id } })]);
    return issued === claims && (tariff === 'INKASSO' || payouts === claims) ? true : undefined;
  });
  return client;
}

async function runJournals(workflowId: string): Promise<ClientJournalRunResult> {
  return executeClientJournalRun(h.temporal, h.services.deps.queues, { period }, workflowId);
}

/** The client's journal documents and the text of the PDF each email carried. */
async function journalMails(clientId: string): Promise<Array<{ doc: Document; text: string }>> {
  const docs = await h.db.document.findMany({ where: { clientId, idempotencyKey: { startsWith: 'journal:' } }, orderBy: { kind: 'asc' } });
  return Promise.all(docs.map(async (doc) => ({ doc, text: await mailedPdfText(doc) })));
}

/** The text of the PDF attached to the one email that carried the document (the SMTP stand-in writes it just after accepting). */
async function mailedPdfText(doc: Document): Promise<string> {
  // A Message-ID this long arrives folded onto the next header line, which h.mails() does not unfold.
  const carried = () => h.mails().filter((m) => m.raw.includes(`Message-ID:\r\n ${doc.externalRef}\r\n`) || m.messageId === doc.externalRef);
  const mail = await h.eventually(`the email of ${doc.idempotencyKey}`, async () => carried()[0]);
  expect(carried()).toHaveLength(1);
  expect(mail.to).toBe(doc.recipient);
  return (await pdfText(attachmentOf(mail.raw)!.content)).text;
}

beforeAll(async () => {
  [factoring, inkasso] = await Promise.all([billedClient('SOFORTFACTORING', 31), billedClient('INKASSO', 32)]);
  const claim = await h.db.claim.findFirstOrThrow({ where: { clientId: inkasso.id }, orderBy: { id: 'asc' } });
  paidClaimId = claim.id;
  // A partial payment (at most the claim's total), so the claim stays open.
  paidCents = Math.min(10_000, claim.totalCents - 1);
  const paid = await h.api().post(`/api/claims/${paidClaimId}/payments`).set('Idempotency-Key', `journal-test-${paidClaimId}`).send({ amountCents: paidCents });
  expect(paid.status).toBe(201);
});

describe('monthly client journal run', () => {
  it('emails each client the journals of its tariff for the period, with amounts and invoice numbers', async () => {
    const result = await runJournals(`journals-${factoring.id}-1`);
    expect(result.period).toEqual(period);
    expect(result.journalsSent).toBeGreaterThanOrEqual(5);

    const claims = await h.db.claim.findMany({ where: { clientId: factoring.id }, orderBy: { id: 'asc' } });
    const f = await journalMails(factoring.id);
    expect(f.map((m) => m.doc.idempotencyKey)).toEqual(['outgoing_invoice_journal', 'payout_journal', 'purchase_journal'].map((k) => `journal:${k}:${factoring.id}:${label}`));
    expect(f.every((m) => m.doc.status === 'SENT' && m.doc.recipient === factoring.email)).toBe(true);
    const [outgoing, payout, purchase] = f.map((m) => m.text);
    for (const c of claims) {
      expect(outgoing).toContain(c.id);
      expect(outgoing).toContain(formatEuro(c.totalCents));
      expect(purchase).toContain(c.id);
    }
    const paidOut = await h.db.payout.aggregate({ where: { clientId: factoring.id }, _sum: { amountCents: true } });
    expect(payout).toContain(formatEuro(paidOut._sum.amountCents!));

    // Inkasso: no purchase journal but the client invoice of the fee on the partial payment; the
    // claim is still open, nothing was paid out, so the empty payout journal is skipped.
    expect(await h.db.payout.count({ where: { clientId: inkasso.id } })).toBe(0);
    const i = await journalMails(inkasso.id);
    expect(i.map((m) => m.doc.kind)).toEqual(['CLIENT_INVOICE', 'OUTGOING_INVOICE_JOURNAL']);
    const invoice = i[0]!.text;
    const fee = Math.round((paidCents * 6) / 100);
    expect(invoice).toContain(`MR-${inkasso.number}-${label}`);
    expect(invoice).toContain(paidClaimId);
    expect(invoice).toContain(formatEuro(paidCents));
    expect(invoice).toContain(formatEuro(fee));
    expect(invoice).toContain(formatEuro(Math.round((fee * 19) / 100)));
  });

  it('a second run for the same period sends nothing again', async () => {
    const before = h.mails().length;
    const result = await runJournals(`journals-${factoring.id}-2`);
    expect(result.journalsSent).toBe(0);
    expect(h.mails()).toHaveLength(before);
  });

  it('the schedule starts a run for the previous calendar month', async () => {
    await ensureJournalRunSchedule(h.temporal, h.db, h.services.deps.queues.claims);
    const schedule = h.temporal.schedule.getHandle(JOURNAL_SCHEDULE_ID);
    try {
      const described = await schedule.describe();
      expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'clientJournalRunWorkflow', taskQueue: h.services.deps.queues.claims });
      await schedule.trigger();
      const workflowId = await h.eventually('the triggered run', async () => (await schedule.describe()).info.recentActions[0]?.action.workflow.workflowId);
      const result = (await h.temporal.workflow.getHandle(workflowId).result()) as ClientJournalRunResult;
      expect(result.period).toEqual(previousMonth(new Date()));
      // Nothing happened last month in this fresh database: every journal would be empty, none is sent.
      expect(result.journalsSent).toBe(0);
    } finally {
      await schedule.delete();
    }
  });
});

describe('POST /api/clients/{id}/journals', () => {
  const send = (clientId: string, body: object, key?: string) => {
    const req = h.api().post(`/api/clients/${clientId}/journals`);
    return (key ? req.set('Idempotency-Key', key) : req).send(body);
  };

  it('renders, archives and sends the journal now; the same Idempotency-Key answers the same document', async () => {
    const key = `staff-${factoring.id}`;
    const res = await send(factoring.id, { kind: 'purchase_journal', ...period }, key);
    expect(res.status).toBe(202);
    const documentId = res.body.documentId as string;
    const doc = await h.eventually('the journal sent', async () => {
      const d = await h.db.document.findUniqueOrThrow({ where: { id: documentId } });
      return d.status === 'SENT' ? d : undefined;
    });
    expect(doc).toMatchObject({ kind: 'PURCHASE_JOURNAL', clientId: factoring.id, channel: 'email', recipient: factoring.email });
    const text = await mailedPdfText(doc);
    for (const c of await h.db.claim.findMany({ where: { clientId: factoring.id } })) expect(text).toContain(c.id);

    const again = await send(factoring.id, { kind: 'purchase_journal', ...period }, key);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ documentId });
  });

  it('refuses a journal the tariff does not have, an empty journal, a bad period and an unknown client', async () => {
    const wrongKind = await send(factoring.id, { kind: 'client_invoice', ...period });
    expect(wrongKind.status).toBe(422);
    expect(wrongKind.body.error.code).toBe('kind_not_for_tariff');
    const empty = await send(inkasso.id, { kind: 'outgoing_invoice_journal', from: '2020-01-01', to: '2020-01-31' });
    expect(empty.status).toBe(422);
    expect(empty.body.error.code).toBe('empty_journal');
    const reversed = await send(inkasso.id, { kind: 'client_invoice', from: period.to, to: period.from });
    expect(reversed.status).toBe(400);
    expect(JSON.stringify(reversed.body.error)).toContain('from must not be after to');
    const badDate = await send(inkasso.id, { kind: 'client_invoice', from: '2026-02-30', to: period.to });
    expect(badDate.status).toBe(400);
    expect((await send('no-such-client', { kind: 'client_invoice', ...period })).status).toBe(404);
  });
});
