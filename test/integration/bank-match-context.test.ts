import { randomUUID } from 'node:crypto';
import { useHarness } from '../support/harness';
import { randomIban } from '../fixtures/bank-import/bank-test-kit';
import { Account, Posting } from '../../domain/ledger/accounts';
import * as entries from '../../domain/ledger/entries';
import { claimsPaidFrom, claimViews } from '../../persistence/bank/claim-views';

jest.setTimeout(120_000);

const h = useHarness();

interface Who {
  title?: string;
  firstName: string;
  lastName: string;
  postalCode: string;
}

/** The claims a bank statement is matched against, as the database holds them: what the import's set-based queries must read. */
describe('the bank match context read from the database', () => {
  const lastName = `Brückner-${randomUUID().slice(0, 8)}`;
  const payer: Who = { title: 'Dr.', firstName: 'Anna', lastName, postalCode: '50667' };
  // Same name, other postal code: somebody else.
  const namesake: Who = { firstName: 'Anna', lastName, postalCode: '10115' };
  const [ibanPaid, ibanRefund] = [randomIban(), randomIban()];
  const id = () => `T${randomUUID().slice(0, 11)}`;
  const ids = { paidBefore: id(), open: id(), partlyPaid: id(), namesakes: id() };
  let clientId: string;

  async function claim(claimId: string, who: Who, totalCents: number, closed = false): Promise<void> {
    const person = await h.db.person.create({ data: { id: randomUUID(), ...who, street: 'Hohe Straße 1', city: 'Köln' } });
    await h.db.claim.create({
      data: {
        id: claimId, clientId, externalId: claimId, doctorExternalId: 'D1', doctorName: 'Dr. Berger', patientId: person.id, responsibleId: person.id,
        treatmentFrom: '2026-10-01', treatmentTo: '2026-10-01', totalCents, stage: closed ? 'CLOSED' : 'WAITING', outcome: closed ? 'PAID' : null,
      },
    });
    await book(claimId, entries.recogniseClaim(totalCents));
  }

  function book(claimId: string, postings: Posting[]) {
    return h.db.ledgerTransaction.create({
      data: { id: randomUUID(), idempotencyKey: `test:${randomUUID()}`, kind: 'test', description: 'test', postings: { create: postings.map((p) => ({ id: randomUUID(), ...p, claimId, clientId })) } },
    });
  }

  /** A bank line from `iban` with one allocation of the given kind. */
  async function bankLine(fileId: string, iban: string | null, kind: 'CLAIM' | 'REFUND', claimId: string, amountCents: number): Promise<void> {
    const lineId = randomUUID();
    await h.db.bankLine.create({
      data: { id: lineId, fileId, dedupKey: lineId, accountId: 'DE89370400440532013000', bookingDate: '2026-10-15', amountCents, currency: 'EUR', kind: 'CREDIT', counterpartyIban: iban, remittance: claimId, source: 'test', status: 'MATCHED' },
    });
    await h.db.bankAllocation.create({ data: { id: randomUUID(), bankLineId: lineId, kind, claimId: kind === 'CLAIM' ? claimId : null, amountCents, automatic: false, actor: 'test' } });
  }

  beforeAll(async () => {
    clientId = (await h.client('INKASSO')).id;
    await claim(ids.paidBefore, payer, 120_00, true);
    await claim(ids.open, payer, 80_00);
    await claim(ids.partlyPaid, payer, 200_00);
    await book(ids.partlyPaid, [{ account: Account.BANK, amountCents: 50_00 }, { account: Account.RECEIVABLE_PRINCIPAL, amountCents: -50_00 }]);
    await claim(ids.namesakes, namesake, 60_00);
    const file = await h.db.bankStatementFile.create({ data: { id: randomUUID(), source: 'test', fileName: 'earlier.xml', sha256: randomUUID(), status: 'IMPORTED', content: Buffer.from('') } });
    // The payer paid an earlier claim from ibanPaid; a refund to ibanRefund and a line without an IBAN say nothing about who pays from where.
    await bankLine(file.id, ibanPaid, 'CLAIM', ids.paidBefore, 120_00);
    await bankLine(file.id, ibanRefund, 'REFUND', ids.open, 10_00);
    await bankLine(file.id, null, 'CLAIM', ids.open, 5_00);
  });

  test('a claim shows its open amount, its payer as printed, and the IBANs any claim of that payer was paid from', async () => {
    const views = await h.db.$transaction((tx) => claimViews(tx, [ids.partlyPaid, ids.open, ids.paidBefore, ids.namesakes, 'RE-UNKNOWN']));
    const byId = new Map(views.map((v) => [v.claimId, v]));
    expect(views).toHaveLength(4);
    expect(byId.get(ids.partlyPaid)).toEqual({ claimId: ids.partlyPaid, clientId, openCents: 150_00, totalCents: 200_00, payerName: `Dr. Anna ${lastName}`, payerIbans: [ibanPaid], open: true });
    expect(byId.get(ids.open)).toMatchObject({ openCents: 80_00, payerIbans: [ibanPaid], open: true });
    expect(byId.get(ids.paidBefore)).toMatchObject({ payerIbans: [ibanPaid], open: false });
    expect(byId.get(ids.namesakes)).toMatchObject({ openCents: 60_00, payerName: `Anna ${lastName}`, payerIbans: [] });
  });

  test("an IBAN a payer paid from before brings all of that payer's claims, and no namesake's", async () => {
    const views = await h.db.$transaction((tx) => claimsPaidFrom(tx, [ibanPaid]));
    expect(views.map((v) => v.claimId).sort()).toEqual([ids.paidBefore, ids.open, ids.partlyPaid].sort());
    expect(await h.db.$transaction((tx) => claimsPaidFrom(tx, [ibanRefund]))).toEqual([]);
  });
});
