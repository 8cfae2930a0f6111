import { randomUUID } from 'node:crypto';
import { createDb } from '../../infra/db/prisma';
import type { Tariff } from '../../prisma/generated/client';
import { claimLifecycle } from '../../services/claims/claim-lifecycle';
import { createSplittingService } from '../../services/money/splitting-service';
import { recordPayment } from '../../persistence/payments';
import { leviesOwed } from '../../persistence/money/levies-owed';
import { setSystemPolicy, upsertClient, upsertDoctor } from '../../persistence/seed';
import { SYSTEM_POLICY } from '../../domain/policy';
import { LevyRecipientInput } from '../../domain/splitting/levy-recipient';
import { accountBalances, unbalancedEntries } from '../support/ledger-checks';
import { goaeClaim } from '../support/goae-claim';

/**
 * Splitting and levies with exact cents, through the claim's bookkeeping steps as its workflow
 * takes them (split, recognise, purchase, payment, payout) on the real database.
 */

const db = createDb(process.env.DATABASE_URL!);
beforeAll(() => setSystemPolicy(db, SYSTEM_POLICY));
afterAll(() => db.$disconnect());
const steps = claimLifecycle(db);
const splitting = createSplittingService({ db });

async function client(tariff: Tariff): Promise<string> {
  const n = randomUUID().slice(0, 8);
  await upsertClient(db, { id: `S-${n}`, number: `s${n}`, name: `Praxis ${n}`, tariff, email: `s-${n}@example.de`, payoutIban: 'DE02120300000000202051', street: 'Teststraße 1', postalCode: '10115', city: 'Berlin', policy: { inkassoFeeRate: '0.06', factoringFeeRate: '0.035' } });
  return `S-${n}`;
}

const claimOf = (clientId: string, doctorExternalId?: string) => goaeClaim(db, clientId, doctorExternalId);

/** A claim's postings on one account per client. */
async function perClient(claimId: string, account: string): Promise<Record<string, number>> {
  const rows = await db.ledgerPosting.groupBy({ by: ['clientId'], where: { claimId, account }, _sum: { amountCents: true } });
  return Object.fromEntries(rows.map((r) => [r.clientId!, r._sum.amountCents ?? 0]));
}

async function sharesOf(claimId: string) {
  return (await db.claimShare.findMany({ where: { claimId }, orderBy: { stage: 'asc' } })).map((s) => [s.stage, s.clientId, s.amountCents]);
}

test('multi-stage: lab codes to the lab, 40 % of section O to the radiologist, the rest to the treating doctor; levies by percentage and fixed; paid in full and paid out', async () => {
  const [group, lab, radiology, doctor] = [await client('INKASSO'), await client('INKASSO'), await client('INKASSO'), await client('INKASSO')];
  await upsertDoctor(db, { submitterId: group, externalId: 'ARZT-1', clientId: doctor, name: 'Dr. med. Beispiel' });
  const hospital = await splitting.createLevyRecipient(LevyRecipientInput.parse({ name: 'Klinikum Süd', iban: 'DE89 3704 0044 0532 0130 00', bic: 'cobadeffxxx' }), 'test');
  const pool = await splitting.createLevyRecipient(LevyRecipientInput.parse({ name: 'Mitarbeiterpool', iban: 'DE02120300000000202051' }), 'test');
  expect(hospital.iban).toBe('DE89370400440532013000');
  await splitting.saveSplitRules(group, [
    { label: 'Labor', match: { sections: ['M'] }, to: { clientId: lab } },
    { label: 'Radiologie', match: { sections: ['O'] }, rate: '0.40', to: { clientId: radiology } },
  ], 'test');
  await splitting.saveLevyRules(radiology, [{ label: 'Chefarztabgabe', recipientId: hospital.id, match: { sections: ['O'] }, rate: '0.35' }], 'test');
  await splitting.saveLevyRules(doctor, [{ label: 'Pool', recipientId: pool.id, match: { all: true }, fixedCents: 500 }], 'test');
  const id = await claimOf(group);

  // The invoice stays one claim, now the treating doctor's; its liability is three shares.
  expect((await steps.split(id)).clientId).toBe(doctor);
  await steps.split(id);
  // 40 % of 1749 = 699.6 -> 699 (floor); the rest takes the rounding cent: 4941 - 1048 - 699 = 3194.
  expect(await sharesOf(id)).toEqual([[0, lab, 1048], [1, radiology, 699], [2, doctor, 3194]]);
  // 35 % of the radiologist's 699 cents of section O = 244.65 -> 244; the pool's fixed 5 EUR, spread
  // over the doctor's 1072 + 1072 + 1050 cents (167.8, 167.8, 164.4 -> 168, 168, 164).
  const levies = await db.claimLevy.findMany({ where: { claimId: id }, orderBy: { amountCents: 'asc' } });
  expect(levies.map((l) => [l.clientId, l.recipientId, l.amountCents, l.lines])).toEqual([
    [radiology, hospital.id, 244, [{ lineNo: 5, cents: 244 }]],
    [doctor, pool.id, 500, [{ lineNo: 1, cents: 168 }, { lineNo: 2, cents: 168 }, { lineNo: 5, cents: 164 }]],
  ]);

  await steps.recognise(id);
  expect(await perClient(id, 'client_claims')).toEqual({ [lab]: -1048, [radiology]: -699, [doctor]: -3194 });

  // Paid in full: 6 % Inkasso fee of 4941 = 296.46 -> 296; the 4645 owed apportioned by the shares
  // (985.24, 657.13, 3002.64: the leftover cent to the largest remainder, the doctor's).
  await recordPayment(db, { idempotencyKey: `pay-${id}`, claimId: id, amountCents: 4941, receivedAt: new Date(), source: 'test', actor: 'test' });
  expect(await perClient(id, 'client_claims')).toEqual({ [lab]: 0, [radiology]: 0, [doctor]: 0 });
  expect(await perClient(id, 'client_payable')).toEqual({ [lab]: -985, [radiology]: -657, [doctor]: -3003 });

  // The payout step takes the levies first and releases the rest to the payout run: the
  // radiologist 657 - 244, the doctor 3003 - 500.
  expect(await steps.payOut(id, 'final')).toBe(985 + 413 + 2503);
  expect(await steps.payOut(id, 'final')).toBe(0);
  const payouts = await db.payout.findMany({ where: { claimId: id } });
  expect(Object.fromEntries(payouts.map((p) => [p.clientId, p.amountCents]))).toEqual({ [lab]: 985, [radiology]: 413, [doctor]: 2503 });
  expect(await perClient(id, 'client_payable')).toEqual({ [lab]: 0, [radiology]: 0, [doctor]: 0 });
  expect(await perClient(id, 'levy_payable')).toEqual({ [radiology]: -244, [doctor]: -500 });
  expect(await perClient(id, 'client_payout_due')).toEqual({ [lab]: -985, [radiology]: -413, [doctor]: -2503 });

  const balances = await accountBalances(db, [id]);
  expect(balances).toEqual({ receivable_principal: 0, client_claims: 0, client_payable: 0, client_payout_due: -3901, levy_payable: -744, fee_income: -296, bank: 4941 });
  expect(Object.values(balances).reduce((a, b) => a + b, 0)).toBe(0);
  expect(await unbalancedEntries(db, [id])).toBe(0);

  // What the payout run pays the recipients, per recipient with its claim-level rows.
  // Any cut-off ahead: another test file's DATEV export may lock today, dating these bookings into the next open day.
  const owed = (await leviesOwed(db, { until: new Date('2999-12-31') })).filter((o) => o.recipientId === hospital.id || o.recipientId === pool.id);
  expect(owed.map((o) => ({ name: o.name, iban: o.iban, bic: o.bic, cents: o.cents, rows: o.rows.map((r) => [r.claimId, r.clientId, r.cents]) }))).toEqual([
    { name: 'Klinikum Süd', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', cents: 244, rows: [[id, radiology, 244]] },
    { name: 'Mitarbeiterpool', iban: 'DE02120300000000202051', bic: null, cents: 500, rows: [[id, doctor, 500]] },
  ]);
  expect(await leviesOwed(db, { until: new Date('2000-01-01') })).toEqual([]);
});

test('by code: GOÄ 5000 to the radiologist, the rest stays with the submitter; Sofortfactoring purchase and payout released per share', async () => {
  const [practice, radiology] = [await client('SOFORTFACTORING'), await client('SOFORTFACTORING')];
  await splitting.saveSplitRules(practice, [{ label: 'Röntgen', match: { codes: ['5000'] }, to: { clientId: radiology } }], 'test');
  const id = await claimOf(practice);
  expect((await steps.split(id)).clientId).toBe(practice);
  expect(await sharesOf(id)).toEqual([[0, radiology, 1749], [1, practice, 3192]]);
  await steps.recognise(id);
  // The purchase price 4941 - 3.5 % (172.94 -> 173) = 4768, apportioned 1687.76 / 3080.24 -> 1688 / 3080.
  await steps.purchase(id);
  expect(await perClient(id, 'client_payable')).toEqual({ [radiology]: -1688, [practice]: -3080 });
  expect(await steps.payOut(id, 'purchase')).toBe(4768);
  expect(await perClient(id, 'client_claims')).toEqual({ [radiology]: 0, [practice]: 0 });
  expect(await perClient(id, 'client_payable')).toEqual({ [radiology]: 0, [practice]: 0 });
  const balances = await accountBalances(db, [id]);
  expect(await perClient(id, 'client_payout_due')).toEqual({ [radiology]: -1688, [practice]: -3080 });
  expect(balances).toEqual({ receivable_principal: 4941, client_claims: 0, client_payable: 0, client_payout_due: -4768, fee_income: -173 });
  expect(await unbalancedEntries(db, [id])).toBe(0);
});

test('by section and partial payments: each client\'s ledger follows its share and clears to the cent', async () => {
  const [practice, lab] = [await client('INKASSO'), await client('INKASSO')];
  await splitting.saveSplitRules(practice, [{ label: 'Labor', match: { sections: ['M'] }, to: { clientId: lab } }], 'test');
  const id = await claimOf(practice);
  await steps.split(id);
  expect(await sharesOf(id)).toEqual([[0, lab, 1048], [1, practice, 3893]]);
  await steps.recognise(id);
  // Three partial payments whose apportioned parts would round apart one by one.
  for (const [n, cents] of [[1, 1001], [2, 1001], [3, 2939]]) {
    await recordPayment(db, { idempotencyKey: `pay-${id}-${n}`, claimId: id, amountCents: cents, receivedAt: new Date(), source: 'test', actor: 'test' });
  }
  expect(await perClient(id, 'client_claims')).toEqual({ [lab]: 0, [practice]: 0 });
  // Fees 60.06 + 60.06 + 176.34 -> 60 + 60 + 176 = 296; 4645 owed, apportioned 985.24 / 3659.76.
  expect(await perClient(id, 'client_payable')).toEqual({ [lab]: -985, [practice]: -3660 });
  expect(await steps.payOut(id, 'final')).toBe(4645);
  expect(await perClient(id, 'client_payable')).toEqual({ [lab]: 0, [practice]: 0 });
  expect(await unbalancedEntries(db, [id])).toBe(0);
});

test('configuration is refused when it names an unknown client or recipient, or an invalid IBAN', async () => {
  const practice = await client('INKASSO');
  await expect(splitting.saveSplitRules(practice, [{ label: 'x', match: { all: true }, to: { clientId: 'no-such-client' } }], 'test')).rejects.toThrow('name clients that do not exist: no-such-client');
  await expect(splitting.saveLevyRules(practice, [{ label: 'x', recipientId: 'nobody', match: { all: true }, rate: '0.1' }], 'test')).rejects.toThrow('name levy recipients that do not exist: nobody');
  expect(LevyRecipientInput.safeParse({ name: 'x', iban: 'DE89370400440532013001' }).error?.issues[0].message).toBe('not a valid IBAN (country, length or check digits)');
  expect((await db.auditEvent.findMany({ where: { entityType: 'client', entityId: practice } })).length).toBe(0);
});
