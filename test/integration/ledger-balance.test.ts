import { randomUUID } from 'node:crypto';
import { createDb } from '../../infra/db/prisma';
import { book, bookNew, type JournalEntry } from '../../persistence/ledger';

/** The database's own guard: no ledger transaction that does not balance is ever stored. */

const db = createDb(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

const entry = (amounts: number[]): JournalEntry => ({
  idempotencyKey: `balance-test:${randomUUID()}`,
  kind: 'test',
  description: 'balance test',
  postings: amounts.map((amountCents, i) => ({ account: i === 0 ? 'bank' : 'payer_credit', amountCents })),
});
const postingsOf = (key: string) => db.ledgerPosting.count({ where: { transaction: { idempotencyKey: key } } });

test('one entry that does not balance is refused with its transaction and the cents it is off', async () => {
  const bad = entry([1000, -999]);
  await expect(db.$transaction((tx) => book(tx, bad))).rejects.toThrow(/ledger transaction \S+ does not balance: postings sum to 1 cents/);
  expect(await postingsOf(bad.idempotencyKey)).toBe(0);
  const good = entry([1000, -600, -400]);
  expect(await db.$transaction((tx) => book(tx, good))).toBe(true);
  expect(await postingsOf(good.idempotencyKey)).toBe(3);
});

test('many entries in one statement: one that does not balance refuses them all; all balanced, all are stored', async () => {
  const batch = [entry([250, -250]), entry([-70, 30, 40]), entry([5, -4])];
  await expect(db.$transaction((tx) => bookNew(tx, batch))).rejects.toThrow(/does not balance: postings sum to 1 cents/);
  expect(await Promise.all(batch.map((e) => postingsOf(e.idempotencyKey)))).toEqual([0, 0, 0]);
  const balanced = [entry([250, -250]), entry([-70, 30, 40])];
  await db.$transaction((tx) => bookNew(tx, balanced));
  expect(await Promise.all(balanced.map((e) => postingsOf(e.idempotencyKey)))).toEqual([2, 3]);
});

test('a posting added later to a balanced transaction is refused: the whole transaction is checked, not the statement’s rows alone', async () => {
  const e = entry([100, -100]);
  await db.$transaction((tx) => book(tx, e));
  const { id } = await db.ledgerTransaction.findUniqueOrThrow({ where: { idempotencyKey: e.idempotencyKey } });
  await expect(db.ledgerPosting.create({ data: { id: randomUUID(), transactionId: id, account: 'bank', amountCents: 1 } })).rejects.toThrow(/does not balance: postings sum to 1 cents/);
  // Two rows that balance each other keep the transaction balanced, and are allowed.
  await db.ledgerPosting.createMany({ data: [{ id: randomUUID(), transactionId: id, account: 'bank', amountCents: 7 }, { id: randomUUID(), transactionId: id, account: 'payer_credit', amountCents: -7 }] });
  expect(await postingsOf(e.idempotencyKey)).toBe(4);
});
