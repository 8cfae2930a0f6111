import { randomUUID } from 'node:crypto';
import { friendlyFormatIBAN } from 'ibantools';
import { generatePadnext } from '../../bench/gen/padnext-generator';
import { camt053 } from '../../bench/gen/camt053-writer';
import { letterSpec, renderDocument } from '../../documents/render-document';
import { SAMPLE_CENTRE } from '../../documents/sample-documents';
import { billingFileWorkflowId } from '../../contracts/workflow-ids';
import type { Policy } from '../../domain/policy';
import type { CollectionAccount } from '../../domain/money/collection-account';
import { loadClaimDocument } from '../../persistence/documents/claim-document-data';
import { payoutAccountOf } from '../../persistence/money/payout-accounts';
import { SAMPLE_COLLECTION_ACCOUNTS } from '../../persistence/seed';
import type { Tariff } from '../../prisma/generated/client';
import { randomIban, ref, upload } from '../fixtures/bank-import/bank-test-kit';
import { useHarness } from '../support/harness';
import { pdfText } from '../unit/documents-pdf-text';

/**
 * The accounts money flows through: patients pay to the centre's collection account of the claim's
 * tariff (never to the client), clients are paid out to their own payout account (never to a
 * collection account), and the bank import knows which collection account a statement is for.
 */

jest.setTimeout(120_000);
const h = useHarness();

const [OWN, SHARED_TRUST] = SAMPLE_COLLECTION_ACCOUNTS as [CollectionAccount, CollectionAccount];
const putAccount = (id: string, body: object) => h.api('buchhaltung.k').put(`/api/collection-accounts/${id}`).send(body);
const putPayout = (clientId: string, body: object) => h.api('buchhaltung.k').put(`/api/clients/${clientId}/payout-account`).send(body);

/** A client of the tariff with its own payout account, and one claim of it, invoiced. */
async function clientWithClaim(tariff: Tariff, policy: Partial<Policy> = {}, beforeIntake: (clientId: string) => Promise<void> = async () => {}) {
  const client = await h.client(tariff, { paymentTerm: '1 hour', ...policy });
  const payoutIban = randomIban();
  expect((await putPayout(client.id, { iban: payoutIban, bic: 'DEUTDEDBKOE', holder: `Praxis ${client.number}` })).status).toBe(200);
  await beforeIntake(client.id);
  const file = generatePadnext({ cases: 3, seed: Math.floor(Math.random() * 1e6), clientId: client.id });
  const res = await h.api().post(`/api/clients/${client.id}/billing-files`).query({ fileName: file.padxName }).set('Content-Type', 'application/xml').send(file.padx);
  await h.temporal.workflow.getHandle(billingFileWorkflowId(res.body.submissionId)).result();
  const claim = await h.db.claim.findFirstOrThrow({ where: { submissionId: res.body.submissionId }, orderBy: { id: 'asc' } });
  await h.eventually('invoice sent', async () => ((await h.db.claim.findUniqueOrThrow({ where: { id: claim.id } })).invoiceDate ? true : undefined));
  return { clientId: client.id, payoutIban, claimId: claim.id, totalCents: claim.totalCents };
}

/** The invoice as printed (text) and its GiroCode payload. */
async function invoiceOf(claimId: string) {
  const base = await loadClaimDocument(h.db, claimId, SAMPLE_CENTRE);
  const req = { kind: 'invoice' as const, ...base };
  const giro = letterSpec(req).blocks.flatMap((b) => (b.type === 'giro_code' ? [b.payload] : []));
  expect(giro).toHaveLength(1);
  return { text: (await pdfText((await renderDocument(req)).pdf)).text, qr: giro[0]!.split('\n') };
}

/** The invoice names `account` in its payment request, footer and GiroCode, and nowhere the payout IBAN. */
async function expectPaidTo(c: { claimId: string; totalCents: number; payoutIban: string }, account: { iban: string; bic: string; holder: string }) {
  const { text: raw, qr } = await invoiceOf(c.claimId);
  const text = raw.replace(/\s+/g, ' ');
  const printed = friendlyFormatIBAN(account.iban)!;
  expect(text).toContain(`auf das Konto ${account.holder}, IBAN ${printed}, BIC ${account.bic}.`);
  expect(text).toContain(`Bankverbindung: ${account.holder} · IBAN ${printed} · BIC ${account.bic}`);
  const euros = `EUR${Math.floor(c.totalCents / 100)}.${String(c.totalCents % 100).padStart(2, '0')}`;
  expect(qr).toEqual(['BCD', '002', '1', 'SCT', account.bic, account.holder, account.iban, euros, '', '', c.claimId]);
  expect(raw.replace(/\s+/g, '')).not.toContain(c.payoutIban);
}

describe('the collection account of each tariff on the invoice', () => {
  it("Inkasso, shared trust account: the centre's trust account, not the client's", async () => {
    const c = await clientWithClaim('INKASSO');
    await expectPaidTo(c, { ...SHARED_TRUST, bic: SHARED_TRUST.bic! });
  });

  it("Inkasso, a trust account per client: the client's own trust account", async () => {
    const trust = { kind: 'TRUST', iban: randomIban(), bic: 'COBADEFFXXX', holder: 'PVS Musterstadt Treuhand Praxis', bankName: 'Commerzbank' };
    let trustId = '';
    const c = await clientWithClaim('INKASSO', { accounts: { inkassoTrust: 'per_client' } }, async (clientId) => {
      trustId = `CA-T-${clientId}`;
      const res = await putAccount(trustId, { ...trust, clientId });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ id: trustId, ...trust, clientId, active: true });
    });
    await expectPaidTo(c, trust);
    const audited = await h.db.auditEvent.findFirstOrThrow({ where: { entityType: 'collection-account', entityId: trustId } });
    expect(audited).toMatchObject({ actor: 'buchhaltung.k', action: 'create' });
  });

  it("Sofortfactoring: the centre's own account; the purchase price is paid out to the payout account", async () => {
    const c = await clientWithClaim('SOFORTFACTORING');
    await expectPaidTo(c, { ...OWN, bic: OWN.bic! });
    const payout = await h.eventually('purchase price paid out', () => h.db.payout.findFirst({ where: { claimId: c.claimId } }).then((p) => p ?? undefined));
    expect(payout.iban).toBe(c.payoutIban);
    expect((await payoutAccountOf(h.db, c.clientId)).account).toEqual({ iban: c.payoutIban, bic: 'DEUTDEDBKOE', holder: `Praxis ${(await h.db.client.findUniqueOrThrow({ where: { id: c.clientId } })).number}` });
  });

  it("Fälligkeitsfactoring: the centre's own account", async () => {
    const c = await clientWithClaim('FAELLIGKEITSFACTORING');
    await expectPaidTo(c, { ...OWN, bic: OWN.bic! });
  });
});

describe('payout accounts are never collection accounts', () => {
  it('refuses a payout IBAN that is a collection account, and a collection account that is a payout IBAN', async () => {
    const client = await h.client('INKASSO');
    const refused = await putPayout(client.id, { iban: friendlyFormatIBAN(OWN.iban) });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({ code: 'payout_to_collection_account', message: `IBAN ${OWN.iban} is collection account CA-OWN (${OWN.holder}): a client is never paid out to a collection account` });

    const payoutIban = randomIban();
    expect((await putPayout(client.id, { iban: payoutIban })).status).toBe(200);
    const clash = await putAccount(`CA-X-${client.id}`, { kind: 'TRUST', iban: payoutIban, holder: 'Treuhand', clientId: client.id });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('iban_is_payout_account');
    expect(clash.body.error.message).toBe(`IBAN ${payoutIban} is the payout account of client ${client.id} (${client.name}): a collection account is never a client's payout account`);
    expect(await h.db.collectionAccount.count({ where: { iban: payoutIban } })).toBe(0);
  });

  it('never pays out to a client whose stored payout IBAN is a collection account: the account is refused with the reason a run holds its line back for', async () => {
    const client = await h.client('SOFORTFACTORING');
    await h.db.client.update({ where: { id: client.id }, data: { payoutIban: SHARED_TRUST.iban } });
    expect(await payoutAccountOf(h.db, client.id)).toEqual({ account: null, problem: `client ${client.id}'s payout IBAN ${SHARED_TRUST.iban} is collection account CA-TRUST: no payout goes to a collection account` });
  });

  it('validates IBAN and BIC, and keeps one active account per place', async () => {
    const client = await h.client('INKASSO');
    const bad = await putPayout(client.id, { iban: 'DE89370400440532013001', bic: 'COBADEFF1' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field)).toEqual(['iban', 'bic']);
    const second = await putAccount(`CA-OWN-2-${client.id}`, { kind: 'OWN', iban: randomIban(), holder: 'PVS Musterstadt GmbH' });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: 'place_taken', message: 'collection account CA-OWN is already the active own account: deactivate it first' });
    const ownForClient = await putAccount(`CA-OWN-3-${client.id}`, { kind: 'OWN', iban: randomIban(), holder: 'X', clientId: client.id });
    expect(ownForClient.status).toBe(400);
    expect((await h.api().get('/api/collection-accounts/CA-none')).status).toBe(404);
    expect((await h.api().get('/api/collection-accounts')).body.accounts).toEqual(expect.arrayContaining([{ ...OWN }, { ...SHARED_TRUST }]));
  });
});

describe('the bank import knows the account', () => {
  it('records a trust account statement with its collection account, and books its payment', async () => {
    const trustIban = randomIban();
    let trustId = '';
    const c = await clientWithClaim('INKASSO', { accounts: { inkassoTrust: 'per_client' } }, async (clientId) => {
      trustId = `CA-T-${clientId}`;
      expect((await putAccount(trustId, { kind: 'TRUST', iban: trustIban, holder: 'Treuhand', clientId })).status).toBe(201);
    });
    const stmtId = `STMT-${randomUUID().slice(0, 8)}`;
    const file = camt053([{ iban: trustIban, id: stmtId, openingCents: 0, date: '2026-11-25', entries: [{ amountCents: c.totalCents, ref: ref(), name: 'Zahler', iban: randomIban(), remittance: c.claimId }] }]);
    const res = await upload(h, file);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'IMPORTED', lines: 1, matched: 1 });
    const stored = await h.db.bankStatementFile.findUniqueOrThrow({ where: { id: res.body.fileId } });
    expect(stored.statements).toEqual([expect.objectContaining({ accountId: trustIban, statementId: stmtId, collectionAccountId: trustId })]);
  });

  it('quarantines a statement of an account that is not a collection account, naming account and statement, and books nothing', async () => {
    const stranger = randomIban();
    const stmtId = `STMT-${randomUUID().slice(0, 8)}`;
    const file = camt053([{ iban: stranger, id: stmtId, openingCents: 0, date: '2026-11-25', entries: [{ amountCents: 12_34, ref: ref(), name: 'Zahler', iban: randomIban(), remittance: 'RE irgendwas' }] }]);
    const res = await upload(h, file, 'fremdes-konto.xml');
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('bank_file_rejected');
    expect(res.body.error.details).toMatchObject({ location: `statement 1 (${stmtId})`, reason: `account ${stranger} is not a collection account of the centre: a statement of it is not booked` });
    const stored = await h.db.bankStatementFile.findUniqueOrThrow({ where: { id: res.body.error.details.fileId } });
    expect(stored.status).toBe('QUARANTINED');
    expect(await h.db.bankLine.count({ where: { fileId: stored.id } })).toBe(0);
  });
});
