import { randomUUID } from 'node:crypto';
import { generatePadnext } from '../../bench/gen/padnext-generator';
import type { Policy } from '../../domain/policy';
import { formatDate, formatEuro } from '../../domain/format';
import { saveTemplateVersion } from '../../persistence/documents/document-templates';
import { attachmentOf } from '../support/mail-attachment';
import { useHarness } from '../support/harness';
import { pdfText } from '../unit/documents-pdf-text';
import { billingFileWorkflowId, claimWorkflowId, sendDocumentWorkflowId } from '../../contracts/workflow-ids';

/**
 * The claim letters beyond invoice and dunning: sent by the claim workflow on a deferral, an
 * installment plan or a partial payment, and by staff through POST /api/claims/{id}/letters.
 * Checked by what arrives at the local SMTP server and the text of the attached PDF.
 */

jest.setTimeout(120_000);
const h = useHarness();

/** An invoiced claim whose person responsible agreed to email at a fresh address. */
async function invoicedClaim(policy: Partial<Policy>) {
  const client = await h.client('INKASSO', policy);
  const file = generatePadnext({ cases: 1, seed: 5, clientId: client.id });
  const res = await h.api().post(`/api/clients/${client.id}/billing-files`).query({ fileName: file.padxName }).set('Content-Type', 'application/xml').send(file.padx);
  await h.temporal.workflow.getHandle(billingFileWorkflowId(res.body.submissionId)).result();
  const claim = await h.db.claim.findFirstOrThrow({ where: { submissionId: res.body.submissionId } });
  await h.eventually('invoice sent', async () => ((await h.db.claim.findUniqueOrThrow({ where: { id: claim.id } })).stage === 'WAITING' ? true : undefined));
  const email = `zahler-${randomUUID().slice(0, 8)}@example.de`;
  await h.db.person.update({ where: { id: claim.responsibleId }, data: { email, emailConsent: true } });
  return { id: claim.id, totalCents: claim.totalCents, email };
}

/** The mail of document `kind` of the claim, once sent, with its PDF's text. */
async function letter(claimId: string, kind: string, key?: string) {
  const doc = await h.eventually(`${kind} sent`, async () => {
    const d = await h.db.document.findFirst({ where: { claimId, kind, ...(key ? { idempotencyKey: key } : {}) } });
    return d?.status === 'SENT' ? d : undefined;
  });
  const mails = h.mails().filter((m) => m.to === doc.recipient && m.subject === doc.subject);
  expect(mails).toHaveLength(1);
  return { doc, text: (await pdfText(attachmentOf(mails[0].raw)!.content)).text };
}

const open = async (id: string) => (await h.api().get(`/api/claims/${id}`)).body.balance.openCents as number;

test.concurrent('a deferral, a partial payment and an installment plan each reach the patient once', async () => {
  const c = await invoicedClaim({ paymentTerm: '1 hour' });
  const until = new Date(Date.now() + 10 * 86_400_000).toISOString();
  expect((await h.api().post(`/api/claims/${c.id}/deferral`).send({ until, reason: 'Patient im Krankenhaus' })).status).toBe(202);
  const deferral = await letter(c.id, 'DEFERRAL');
  expect(deferral.doc.idempotencyKey).toBe(`deferral:${c.id}:1`);
  expect(deferral.text).toContain(`Zahlungsaufschub bis zum ${formatDate(until)}`);

  const part = Math.floor(c.totalCents / 3);
  const paid = await h.api().post(`/api/claims/${c.id}/payments`).set('Idempotency-Key', randomUUID()).send({ amountCents: part });
  expect(paid.status).toBe(201);
  const partial = await letter(c.id, 'PARTIAL_PAYMENT');
  expect(partial.doc.idempotencyKey).toBe(`partial-payment:${c.id}:${paid.body.paymentId}`);
  expect(partial.text).toContain(`Zahlung von ${formatEuro(part)} vom ${formatDate(new Date())}`);
  expect(partial.text).toMatch(new RegExp(`Restbetrag\\s+${formatEuro(c.totalCents - part)}`));

  const rest = await open(c.id);
  const first = Math.floor(rest / 2);
  const dates = [20, 50].map((d) => new Date(Date.now() + d * 86_400_000).toISOString());
  const plan = { installments: [{ dueDate: dates[0], amountCents: first }, { dueDate: dates[1], amountCents: rest - first }] };
  expect((await h.api().post(`/api/claims/${c.id}/installment-agreement`).send(plan)).status).toBe(202);
  const agreement = await letter(c.id, 'INSTALLMENT_AGREEMENT');
  expect(agreement.doc.idempotencyKey).toBe(`installment_agreement:${c.id}:2`);
  expect(agreement.text).toMatch(new RegExp(`1\\.\\s+${formatDate(dates[0])}\\s+${formatEuro(first)}`));
  expect(agreement.text).toMatch(new RegExp(`Summe der Raten\\s+${formatEuro(rest)}`));

  // Paying the rest settles the claim: no further partial-payment letter, and nothing went twice.
  await h.api().post(`/api/claims/${c.id}/payments`).send({ amountCents: rest });
  expect(await h.temporal.workflow.getHandle(claimWorkflowId(c.id)).result()).toBe('PAID');
  expect((await h.db.document.findMany({ where: { claimId: c.id }, orderBy: { createdAt: 'asc' } })).map((d) => d.kind)).toEqual(['INVOICE', 'DEFERRAL', 'PARTIAL_PAYMENT', 'INSTALLMENT_AGREEMENT']);
  expect(h.mails().filter((m) => m.to === c.email)).toHaveLength(3);
});

test.concurrent('staff send the fee statement and the statement of claim; the same Idempotency-Key sends nothing twice', async () => {
  const c = await invoicedClaim({ paymentTerm: '1s', reminderInterval: '1 hour', reminderFeesCents: [250, 500] });
  await h.eventually('first reminder', async () => ((await h.db.claim.findUniqueOrThrow({ where: { id: c.id } })).dunningLevel === 1 ? true : undefined));
  const part = Math.floor(c.totalCents / 3);
  await h.api().post(`/api/claims/${c.id}/payments`).send({ amountCents: part });
  await letter(c.id, 'PARTIAL_PAYMENT');

  const key = randomUUID();
  const sent = await h.api('sachbearbeiterin').post(`/api/claims/${c.id}/letters`).set('Idempotency-Key', key).send({ kind: 'fee_statement' });
  expect(sent.status).toBe(202);
  expect(sent.body).toMatchObject({ kind: 'FEE_STATEMENT', channel: 'email' });
  const fees = await letter(c.id, 'FEE_STATEMENT');
  expect(fees.doc.id).toBe(sent.body.documentId);
  expect(fees.text).toMatch(/Mahngebühr Zahlungserinnerung\s+2,50 €/);
  expect(fees.text).toMatch(/Summe der Kosten\s+2,50 €/);

  const again = await h.api().post(`/api/claims/${c.id}/letters`).set('Idempotency-Key', key).send({ kind: 'fee_statement' });
  expect(again.status).toBe(200);
  expect(again.body.documentId).toBe(sent.body.documentId);
  await h.temporal.workflow.getHandle(sendDocumentWorkflowId(sent.body.documentId)).result();
  expect(h.mails().filter((m) => m.subject === fees.doc.subject && m.to === c.email)).toHaveLength(1);
  expect((await h.api().post(`/api/claims/${c.id}/letters`).set('Idempotency-Key', key).send({ kind: 'statement_of_claim' })).status).toBe(409);

  expect((await h.api().post(`/api/claims/${c.id}/letters`).send({ kind: 'statement_of_claim' })).status).toBe(202);
  const statement = await letter(c.id, 'STATEMENT_OF_CLAIM');
  expect(statement.text).toMatch(new RegExp(`Hauptforderung Rechnung ${c.id}\\s+${formatEuro(c.totalCents)}`));
  expect(statement.text).toMatch(new RegExp(`Zahlungen\\s+-${formatEuro(part)}`));
  expect(statement.text).toMatch(new RegExp(`Offene Gesamtforderung\\s+${formatEuro(c.totalCents + 250 - part)}`));

  const history = (await h.api().get(`/api/claims/${c.id}`)).body.history as Array<{ actor: string; action: string; data: { kind: string } }>;
  expect(history.filter((e) => e.action === 'letter').map((e) => [e.actor, e.data.kind])).toEqual([['sachbearbeiterin', 'fee_statement'], ['test.user', 'statement_of_claim']]);
});

test.concurrent('a free letter from a template; an unknown template is refused with 422', async () => {
  const c = await invoicedClaim({ paymentTerm: '1 hour' });
  const templateKey = `rueckfrage-${randomUUID().slice(0, 8)}`;
  await saveTemplateVersion(h.db, { key: templateKey, clientId: null, subject: 'Rückfrage zu {{claim.invoiceNumber}}', body: 'Guten Tag {{recipient.name}},\n\noffen sind {{claim.openAmount}}.', createdBy: 'test' });
  await saveTemplateVersion(h.db, { key: templateKey, clientId: null, subject: 'Neue Fassung', body: 'Zweite Fassung.', createdBy: 'test' });

  expect((await h.api().post(`/api/claims/${c.id}/letters`).send({ kind: 'free_letter', templateKey, version: 1 })).status).toBe(202);
  const free = await letter(c.id, 'FREE_LETTER');
  expect(free.doc.subject).toContain(`Rückfrage zu ${c.id}`);
  expect(free.text).toContain(`offen sind ${formatEuro(c.totalCents)}.`);
  expect(free.text).toMatch(new RegExp(`Vorlage\\s+${templateKey} v1`));

  const unknown = await h.api().post(`/api/claims/${c.id}/letters`).send({ kind: 'free_letter', templateKey: 'gibt-es-nicht' });
  expect(unknown.status).toBe(422);
  expect(unknown.body.error).toMatchObject({ code: 'unknown_template', message: expect.stringContaining('template "gibt-es-nicht" does not exist') });
  const noVersion = await h.api().post(`/api/claims/${c.id}/letters`).send({ kind: 'free_letter', templateKey, version: 9 });
  expect(noVersion.status).toBe(422);
  expect(noVersion.body.error.message).toContain(`version 9 of template "${templateKey}"`);
  expect((await h.api().post(`/api/claims/${c.id}/letters`).send({ kind: 'dunning' })).status).toBe(400);
  expect((await h.api().post('/api/claims/RE0000000000/letters').send({ kind: 'fee_statement' })).status).toBe(404);
  expect(await h.db.document.count({ where: { claimId: c.id, kind: 'FREE_LETTER' } })).toBe(1);
});
