import { randomUUID } from 'node:crypto';
import type { Db } from '../../infra/db/prisma';
import { bulkInsert, ColumnType } from '../../persistence/bulk-insert';
import { seedCollectionAccounts } from '../../persistence/seed';
import { formatInvoiceNumber } from '../../domain/invoice-number';
import { Account, Posting } from '../../domain/ledger/accounts';
import * as entries from '../../domain/ledger/entries';
import { claimBalanceFrom } from '../../domain/ledger/claim-balance';
import type { PaymentMethod } from '../../domain/bank/payment-method';
import type { BookedBankPayment, ClaimView } from '../../domain/matching/types';
import { FIRST_NAMES_F, FIRST_NAMES_M, LAST_NAMES, TITLES } from './fake-data';
import { Prng } from './prng';
import { cents, germanIban } from './statement';

/**
 * A billing centre's database at a given size, written with bulk SQL (not through intake): the
 * claims of a generated statement's population plus as many other open claims as asked for, each
 * with its own Person row (as intake stores them), its ledger entries, and a history of closed
 * claims and bank payments in realistic proportions. Half the payers have paid from their account
 * before (their earlier bank lines are how the import finds their IBAN); those have closed claims
 * paid by bank. Claim lines, documents and workflows are left out: the bank import reads none.
 */

export interface CentreSize {
  /** Open claims in all, the statement's population included. */
  openClaims: number;
  /** Closed (paid) claims per open claim, the centre's history. */
  closedPerOpen: number;
}

interface Payer {
  first: string;
  last: string;
  title?: string;
  postalCode: string;
  /** Set when the payer has paid from this account before. */
  iban?: string;
}

const CHUNK_ROWS = 10_000;
const OUR_ACCOUNT = 'DE75512108001245126199';
/** Invoice numbers of the other claims start here, far above the generated statement's. */
const FILLER_SEQUENCE = 10_000_000;

const COLUMNS: Record<string, Record<string, ColumnType>> = {
  Person: { id: 'text', title: 'text', firstName: 'text', lastName: 'text', street: 'text', postalCode: 'text', city: 'text' },
  Claim: {
    id: 'text', clientId: 'text', externalId: 'text', doctorExternalId: 'text', doctorName: 'text', patientId: 'text', responsibleId: 'text',
    treatmentFrom: 'text', treatmentTo: 'text', totalCents: 'int4', stage: { enum: 'ClaimStage' }, outcome: 'text', updatedAt: 'timestamp',
  },
  LedgerTransaction: { id: 'text', idempotencyKey: 'text', kind: 'text', description: 'text' },
  LedgerPosting: { id: 'text', transactionId: 'text', account: 'text', amountCents: 'int4', claimId: 'text', clientId: 'text' },
  Payment: { id: 'text', idempotencyKey: 'text', claimId: 'text', amountCents: 'int4', receivedAt: 'timestamp', source: 'text', reference: 'text' },
  BankLine: {
    id: 'text', fileId: 'text', dedupKey: 'text', accountId: 'text', bookingDate: 'text', amountCents: 'int4', currency: 'text', kind: 'text',
    endToEndId: 'text', mandateId: 'text', counterpartyName: 'text', counterpartyIban: 'text', remittance: 'text', bankCode: 'text', source: 'text', status: { enum: 'BankLineStatus' },
  },
  BankAllocation: { id: 'text', bankLineId: 'text', kind: 'text', claimId: 'text', paymentId: 'text', amountCents: 'int4', automatic: 'bool', actor: 'text' },
};

/** Rows collected per table and written in chunks, parents before children. */
class Rows {
  private readonly tables = new Map<string, Array<Record<string, unknown>>>(Object.keys(COLUMNS).map((t) => [t, []]));
  written = 0;

  constructor(private readonly db: Db) {}

  add(table: string, row: Record<string, unknown>): void {
    this.tables.get(table)!.push(row);
  }

  async flushIfFull(): Promise<void> {
    if (this.tables.get('LedgerPosting')!.length >= CHUNK_ROWS) await this.flush();
  }

  async flush(): Promise<void> {
    await this.db.$transaction(
      async (tx) => {
        for (const [table, rows] of this.tables) {
          // One statement per table: the ledger checks each statement's transactions for balance.
          await bulkInsert(tx, table, COLUMNS[table], rows);
          this.written += rows.length;
          rows.length = 0;
        }
      },
      { timeout: 120_000 },
    );
  }
}

/** The generator writes "title first last"; titles come from a known list. */
function splitName(payerName: string): Pick<Payer, 'title' | 'first' | 'last'> {
  const title = [...TITLES].sort((a, b) => b.length - a.length).find((t) => payerName.startsWith(`${t} `));
  const rest = (title ? payerName.slice(title.length + 1) : payerName).split(' ');
  return { title, first: rest.slice(0, -1).join(' '), last: rest[rest.length - 1] };
}

class Centre {
  private externalId = 0;
  private bankLines = 0;

  constructor(
    private readonly rows: Rows,
    private readonly rng: Prng,
    private readonly feeRate: string,
  ) {}

  private entry(kind: string, key: string, claimId: string, clientId: string, postings: Posting[]): void {
    const id = randomUUID();
    this.rows.add('LedgerTransaction', { id, idempotencyKey: key, kind, description: `${kind} ${claimId}` });
    for (const p of postings) this.rows.add('LedgerPosting', { id: randomUUID(), transactionId: id, account: p.account, amountCents: p.amountCents, claimId, clientId });
  }

  /** A claim with its person and recognition; `paidCents` of it paid (by bank from the payer's IBAN when known). */
  claim(c: { id: string; clientId: string; totalCents: number; paidCents: number; closed: boolean }, payer: Payer): void {
    const personId = randomUUID();
    this.rows.add('Person', { id: personId, title: payer.title ?? null, firstName: payer.first, lastName: payer.last, street: 'Hauptstraße 1', postalCode: payer.postalCode, city: 'Köln' });
    this.rows.add('Claim', {
      id: c.id, clientId: c.clientId, externalId: `X${++this.externalId}`, doctorExternalId: 'D1', doctorName: 'Dr. med. Berger', patientId: personId, responsibleId: personId,
      treatmentFrom: '2026-08-01', treatmentTo: '2026-08-01', totalCents: c.totalCents, stage: c.closed ? 'CLOSED' : 'WAITING', outcome: c.closed ? 'PAID' : null, updatedAt: new Date(),
    });
    this.entry('recognise', `recognise:${c.id}`, c.id, c.clientId, entries.recogniseClaim(c.totalCents));
    if (c.paidCents > 0) {
      const payment = { paymentId: randomUUID(), claimId: c.id, amountCents: c.paidCents, bankLineId: randomUUID(), counterpartyIban: payer.iban, bookingDate: '2026-09-01' };
      this.payment(payment, c.clientId, c.totalCents, payer.iban ? `${payer.first} ${payer.last}` : undefined);
    }
  }

  /** A payment booked on a claim as the import books one; from a bank line when it came from an account. */
  payment(p: Omit<BookedBankPayment, 'counterpartyIban'> & { counterpartyIban?: string }, clientId: string, totalCents: number, name?: string): void {
    const balance = claimBalanceFrom(entries.recogniseClaim(totalCents));
    const source = p.counterpartyIban ? 'bank' : 'manual';
    this.rows.add('Payment', { id: p.paymentId, idempotencyKey: `seed:${p.paymentId}`, claimId: p.claimId, amountCents: p.amountCents, receivedAt: new Date(p.bookingDate), source, reference: p.claimId });
    this.entry('payment', `payment:${p.paymentId}`, p.claimId, clientId, entries.payment(balance, p.amountCents, this.feeRate, Account.BANK));
    if (!p.counterpartyIban) return;
    this.rows.add('BankLine', {
      id: p.bankLineId, fileId: HISTORY_FILE_ID, dedupKey: `history:${p.bankLineId}`, accountId: OUR_ACCOUNT, bookingDate: p.bookingDate, amountCents: p.amountCents, currency: 'EUR',
      kind: 'CREDIT', endToEndId: p.endToEndId ?? null, mandateId: p.mandateId ?? null, counterpartyName: name ?? null, counterpartyIban: p.counterpartyIban, remittance: `Rechnung ${p.claimId}`,
      bankCode: BANK_CODE_OF[p.method ?? 'TRANSFER'], source: `history line ${++this.bankLines}`, status: 'MATCHED',
    });
    this.rows.add('BankAllocation', { id: randomUUID(), bankLineId: p.bankLineId, kind: 'CLAIM', claimId: p.claimId, paymentId: p.paymentId, amountCents: p.amountCents, automatic: true, actor: 'seed' });
  }

  /** Closed claims of a payer, paid in full (by bank when the payer's account is known). */
  history(payer: Payer, count: number, nextId: () => string, clientId: string): void {
    for (let i = 0; i < count; i++) {
      const total = cents(this.rng, 25, 1500);
      this.claim({ id: nextId(), clientId, totalCents: total, paidCents: total, closed: true }, payer);
    }
  }
}

const HISTORY_FILE_ID = 'history-statements';

/** The bank code a booked payment's line carried: how a return tells a collection of ours from a transfer. */
const BANK_CODE_OF: Record<PaymentMethod, string> = { TRANSFER: 'PMNT/RCDT/ESCT', DIRECT_DEBIT: 'PMNT/IDDT/ESDD' };

/** The client ids the generated statement's claims belong to. */
export function clientIdsOf(claims: ClaimView[]): string[] {
  return [...new Set(claims.map((c) => c.clientId))].sort();
}

/**
 * Writes the statement's population (its claims, its booked payments for returns) and other payers'
 * claims up to `size`. Returns the number of rows written.
 */
export async function seedCentre(db: Db, gen: { claims: ClaimView[]; payments: BookedBankPayment[] }, size: CentreSize, opts: { seed: number; feeRate: string }): Promise<number> {
  const rng = new Prng(opts.seed);
  const rows = new Rows(db);
  const centre = new Centre(rows, rng, opts.feeRate);
  const clients = clientIdsOf(gen.claims);
  let sequence = FILLER_SEQUENCE;
  const nextId = () => formatInvoiceNumber(sequence++);
  // Known payers are half of all, with 1.33 open claims each on average: 2 × 1.33 × the ratio
  // closed claims each (on average) keeps the ratio.
  const closedPerKnownPayer = () => Math.max(1, Math.round(rng.next() * 4 * size.closedPerOpen * 1.33));
  // Every entry comes from domain/ledger/entries (which refuses an unbalanced one): checking each
  // again at commit, row by row, would double the seeding time.
  await db.$executeRawUnsafe('ALTER TABLE "LedgerPosting" DISABLE TRIGGER "LedgerPosting_balanced"');
  await db.$executeRaw`INSERT INTO "BankStatementFile" (id, source, "fileName", sha256, status, content) VALUES (${HISTORY_FILE_ID}, 'seed', 'history', 'history', 'IMPORTED', '')`;
  // The generated statements are for the centre's own account: the import knows it.
  await seedCollectionAccounts(db, [{ id: 'CA-BENCH', kind: 'OWN', iban: OUR_ACCOUNT, bic: null, holder: 'PVS Bench GmbH', bankName: null, clientId: null, active: true }]);

  // The statement's payers: consecutive claims with the same name and IBANs are one payer's.
  const byName = new Map<string, Payer>();
  let payer: Payer | undefined;
  let payerKey = '';
  const claimsById = new Map(gen.claims.map((c) => [c.claimId, c]));
  let open = 0;
  for (const c of gen.claims) {
    const key = `${c.payerName}|${c.payerIbans.join()}`;
    if (c.open && key !== payerKey) {
      payer = { ...splitName(c.payerName), postalCode: String(rng.int(1001, 99998)).padStart(5, '0'), iban: c.payerIbans[0] };
      payerKey = key;
      if (!byName.has(c.payerName)) byName.set(c.payerName, payer);
      if (payer.iban) centre.history(payer, closedPerKnownPayer(), nextId, c.clientId);
    }
    const owner = c.open ? payer! : byName.get(c.payerName)!;
    centre.claim({ id: c.claimId, clientId: c.clientId, totalCents: c.totalCents, paidCents: c.open ? c.totalCents - c.openCents : c.totalCents, closed: !c.open }, owner);
    if (c.open) open++;
    await rows.flushIfFull();
  }
  for (const p of gen.payments) centre.payment(p, claimsById.get(p.claimId)!.clientId, claimsById.get(p.claimId)!.totalCents);

  // Everybody else the centre bills.
  while (open < size.openClaims) {
    const female = rng.chance(0.5);
    const other: Payer = {
      first: rng.pick(female ? FIRST_NAMES_F : FIRST_NAMES_M),
      last: rng.pick(LAST_NAMES),
      title: rng.chance(0.08) ? rng.pick(TITLES) : undefined,
      postalCode: String(rng.int(1001, 99998)).padStart(5, '0'),
      iban: rng.chance(0.5) ? germanIban(rng) : undefined,
    };
    const clientId = rng.pick(clients);
    if (other.iban) centre.history(other, closedPerKnownPayer(), nextId, clientId);
    const count = Math.min(size.openClaims - open, rng.chance(0.75) ? 1 : rng.chance(0.7) ? 2 : 3);
    for (let i = 0; i < count; i++) {
      const total = cents(rng, 25, 1500);
      centre.claim({ id: nextId(), clientId, totalCents: total, paidCents: rng.chance(0.12) ? Math.round(total * (0.2 + 0.4 * rng.next())) : 0, closed: false }, other);
    }
    open += count;
    await rows.flushIfFull();
  }
  await rows.flush();
  await db.$executeRawUnsafe('ALTER TABLE "LedgerPosting" ENABLE TRIGGER "LedgerPosting_balanced"');
  return rows.written;
}
