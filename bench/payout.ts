import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { createDb, type Db } from '../infra/db/prisma';
import { migrate } from '../infra/db/migrate';
import { freePort } from '../infra/local/free-port';
import { startEmbeddedPostgres } from '../infra/local/postgres';
import { configuredCentre } from '../infra/centre';
import { SYSTEM_POLICY } from '../domain/policy';
import { Account } from '../domain/ledger/accounts';
import { applyRate } from '../domain/decimal-rate';
import { bulkInsert, type ColumnType } from '../persistence/bulk-insert';
import { setSystemPolicy, upsertClient, SAMPLE_CLIENT } from '../persistence/seed';
import { approveRun, beginExecution, prepareRun } from '../services/money/payout-run-approval';
import { payoutRunExecution } from '../services/money/payout-run-execution';
import { exportPeriod } from '../services/accounting/datev-export';
import type { SftpTarget } from '../infra/sftp';
import { Prng } from './gen/prng';
import { cents, germanIban } from './gen/statement';

/**
 * npm run bench:payout: BENCH_CLAIMS (100,000) settled claims across BENCH_CLIENTS (1,000) clients,
 * half Inkasso (paid, 6 % fee) and half Sofortfactoring (bought), each claim with a levy of 2 % to
 * one of 20 levy recipients, seeded in bulk into a fresh embedded PostgreSQL as the claims' payout
 * steps leave them (booked the day before: released payables, levies taken). Then one payout run
 * through the services the workflow's activities call: prepare (the preview), approve, the SEPA
 * file, the postings (client lines with the Inkasso invoices' VAT, levy recipients), the journals
 * and invoices (rendered as PDF; the stand-in `deliver` keeps them in memory instead of archiving
 * and mailing), then the DATEV export of the run's day. No Temporal, no upload (policy: no folder).
 *
 * floor_s, measured on the same data before the run: PostgreSQL alone aggregating the released
 * payables per client and claim, and the levies per recipient, and inserting the transfer postings
 * in one INSERT … SELECT into a scratch table.
 * Last line, one JSON object: run_s, claims_per_s, floor_s, ratio (run_s / floor_s), the phases'
 * seconds, sepa_file and datev_file (names and bytes).
 */

const COLUMNS: Record<string, Record<string, ColumnType>> = {
  Person: { id: 'text', firstName: 'text', lastName: 'text', street: 'text', postalCode: 'text', city: 'text' },
  Claim: { id: 'text', clientId: 'text', externalId: 'text', doctorExternalId: 'text', doctorName: 'text', patientId: 'text', responsibleId: 'text', treatmentFrom: 'text', treatmentTo: 'text', totalCents: 'int4', stage: { enum: 'ClaimStage' }, outcome: 'text', updatedAt: 'timestamp' },
  ClaimLevy: { id: 'text', claimId: 'text', clientId: 'text', recipientId: 'text', ruleIndex: 'int4', amountCents: 'int4', rule: 'text', lines: 'jsonb' },
  LedgerTransaction: { id: 'text', idempotencyKey: 'text', kind: 'text', description: 'text', occurredAt: 'timestamp', bookingDate: 'date' },
  LedgerPosting: { id: 'text', transactionId: 'text', account: 'text', amountCents: 'int4', claimId: 'text', clientId: 'text' },
  Payout: { id: 'text', idempotencyKey: 'text', clientId: 'text', claimId: 'text', amountCents: 'int4', createdAt: 'timestamp' },
};

const CHUNK_CLAIMS = 5_000;
const RECIPIENTS = 20;
const LEVY_RATE = '0.02';

interface Seeded {
  clients: Array<{ id: string; inkasso: boolean }>;
}

async function seed(db: Db, claims: number, clientCount: number, rng: Prng): Promise<Seeded> {
  const clients = Array.from({ length: clientCount }, (_, i) => ({ id: `B${String(i + 1).padStart(5, '0')}`, inkasso: i % 2 === 0 }));
  for (const c of clients) {
    await upsertClient(db, { ...SAMPLE_CLIENT, id: c.id, number: c.id, name: `Praxis ${c.id}`, tariff: c.inkasso ? 'INKASSO' : 'SOFORTFACTORING', payoutIban: germanIban(rng), payoutBic: undefined });
  }
  const recipients = Array.from({ length: RECIPIENTS }, (_, i) => ({ id: `LR${i + 1}`, name: `Abgabenempfänger ${i + 1}`, iban: germanIban(rng), bic: null }));
  await db.levyRecipient.createMany({ data: recipients });
  // The claims were settled and released the day before the run.
  const day = new Date(Date.now() - 24 * 3600 * 1000);
  const bookingDate = day.toISOString().slice(0, 10);
  const fee = SYSTEM_POLICY.inkassoFeeRate;
  for (let start = 0; start < claims; start += CHUNK_CLAIMS) {
    const rows = new Map<string, Array<Record<string, unknown>>>(Object.keys(COLUMNS).map((t) => [t, []]));
    const add = (table: string, row: Record<string, unknown>) => rows.get(table)!.push(row);
    const entry = (key: string, kind: string, claimId: string, clientId: string, postings: Array<[string, number]>) => {
      const id = randomUUID();
      add('LedgerTransaction', { id, idempotencyKey: key, kind, description: kind, occurredAt: day, bookingDate });
      for (const [account, amountCents] of postings) add('LedgerPosting', { id: randomUUID(), transactionId: id, account, amountCents, claimId, clientId });
    };
    for (let n = start; n < Math.min(claims, start + CHUNK_CLAIMS); n++) {
      const client = clients[n % clientCount];
      const claimId = `BP${String(n + 1).padStart(8, '0')}`;
      const total = cents(rng, 20, 900);
      const feeCents = applyRate(total, client.inkasso ? fee : SYSTEM_POLICY.factoringFeeRate);
      const levy = applyRate(total, LEVY_RATE);
      const released = total - feeCents - levy;
      const levyId = `L-${claimId}`;
      add('Person', { id: `P-${claimId}`, firstName: 'Erika', lastName: `Muster ${n}`, street: 'Weg 1', postalCode: '50667', city: 'Köln' });
      add('Claim', { id: claimId, clientId: client.id, externalId: claimId, doctorExternalId: 'ARZT-1', doctorName: 'Dr. med. Beispiel', patientId: `P-${claimId}`, responsibleId: `P-${claimId}`, treatmentFrom: '2026-08-01', treatmentTo: '2026-08-01', totalCents: total, stage: 'CLOSED', outcome: 'PAID', updatedAt: day });
      add('ClaimLevy', { id: levyId, claimId, clientId: client.id, recipientId: recipients[n % RECIPIENTS].id, ruleIndex: 0, amountCents: levy, rule: 'Poolabgabe 2 %', lines: [] });
      entry(`recognise:${claimId}`, 'recognise', claimId, client.id, [[Account.RECEIVABLE_PRINCIPAL, total], [Account.CLIENT_CLAIMS, -total]]);
      if (client.inkasso) {
        entry(`payment:${claimId}`, 'payment', claimId, client.id, [[Account.BANK, total], [Account.RECEIVABLE_PRINCIPAL, -total], [Account.CLIENT_CLAIMS, total], [Account.CLIENT_PAYABLE, -(total - feeCents)], [Account.FEE_INCOME, -feeCents]]);
      } else {
        entry(`purchase:${claimId}`, 'purchase', claimId, client.id, [[Account.CLIENT_CLAIMS, total], [Account.CLIENT_PAYABLE, -(total - feeCents)], [Account.FEE_INCOME, -feeCents]]);
      }
      entry(`levy:${levyId}:final`, 'levy', claimId, client.id, [[Account.CLIENT_PAYABLE, levy], [Account.LEVY_PAYABLE, -levy]]);
      entry(`payout:${claimId}:final`, 'payout_release', claimId, client.id, [[Account.CLIENT_PAYABLE, released], [Account.CLIENT_PAYOUT_DUE, -released]]);
      add('Payout', { id: randomUUID(), idempotencyKey: `payout:${claimId}:final`, clientId: client.id, claimId, amountCents: released, createdAt: day });
    }
    await db.$transaction(async (tx) => {
      for (const [table, r] of rows) await bulkInsert(tx, table, COLUMNS[table], r);
    }, { timeout: 300_000 });
  }
  await db.$executeRawUnsafe('VACUUM ANALYZE');
  return { clients };
}

/** PostgreSQL alone: the same aggregation per client, claim and levy recipient, and the transfer postings written in one INSERT … SELECT. */
async function floorSeconds(db: Db): Promise<number> {
  await db.$executeRawUnsafe('CREATE UNLOGGED TABLE floor_postings (id text, account text, "claimId" text, "clientId" text, "amountCents" int)');
  const t = performance.now();
  await db.$executeRawUnsafe(`
    INSERT INTO floor_postings
    WITH due AS (
      SELECT p."clientId", p."claimId", -SUM(p."amountCents") AS cents FROM "LedgerPosting" p WHERE p.account = 'client_payout_due' GROUP BY p."clientId", p."claimId"
    ), levies AS (
      SELECT l."recipientId", l.id AS "claimLevyId", l."claimId", l."clientId", -SUM(p."amountCents") AS cents
      FROM "LedgerPosting" p JOIN "LedgerTransaction" t ON t.id = p."transactionId" JOIN "ClaimLevy" l ON l.id = split_part(t."idempotencyKey", ':', 2)
      WHERE p.account = 'levy_payable' GROUP BY l."recipientId", l.id
    )
    SELECT gen_random_uuid()::text, 'client_payout_due', "claimId", "clientId", cents FROM due
    UNION ALL SELECT gen_random_uuid()::text, 'bank', NULL, "clientId", -SUM(cents) FROM due GROUP BY "clientId"
    UNION ALL SELECT gen_random_uuid()::text, 'levy_payable', "claimId", "clientId", cents FROM levies
    UNION ALL SELECT gen_random_uuid()::text, 'bank', "claimId", "clientId", -cents FROM levies`);
  const seconds = (performance.now() - t) / 1000;
  await db.$executeRawUnsafe('DROP TABLE floor_postings');
  return seconds;
}

async function main(): Promise<void> {
  const claims = Number(process.env.BENCH_CLAIMS ?? 100_000);
  const clientCount = Number(process.env.BENCH_CLIENTS ?? 1_000);
  const log = (s: string) => console.log(`[bench] ${s}`);
  const pg = await startEmbeddedPostgres({ name: `bench-payout-${process.pid}`, port: await freePort(), persistent: false, fsync: false });
  let db: Db | undefined;
  try {
    migrate(pg.url);
    db = createDb(pg.url);
    await setSystemPolicy(db, { ...SYSTEM_POLICY, payout: { ...SYSTEM_POLICY.payout, sftpFolder: null } });
    let t = performance.now();
    await seed(db, claims, clientCount, new Prng(20261203));
    log(`seeded ${claims} settled claims of ${clientCount} clients in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const floor = floorSeconds(db);
    const floor_s = await floor;
    log(`floor: ${floor_s.toFixed(2)} s`);

    const phases: Record<string, number> = {};
    const phase = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
      const start = performance.now();
      const result = await f();
      phases[name] = Number(((performance.now() - start) / 1000).toFixed(2));
      log(`${name}: ${phases[name]} s`);
      return result;
    };
    let documents = 0;
    let documentBytes = 0;
    const deliver = async (d: { render: () => Promise<{ pdf: Buffer }> }) => {
      documentBytes += (await d.render()).pdf.length;
      documents++;
      return 'SENT' as const;
    };
    const execution = payoutRunExecution(db, {} as SftpTarget, { deliver: deliver as never }, { ...configuredCentre(), email: 'abrechnung@pvs-musterstadt.example' });
    const started = performance.now();
    const runId = (await phase('prepare_s', () => prepareRun(db!, {}, 'bench-preparer')))!;
    await phase('approve_s', async () => {
      await approveRun(db!, runId, 'bench-approver');
      await beginExecution(db!, runId, 'bench-approver');
    });
    const sepa = await phase('sepa_s', () => execution.writeSepaFile(runId));
    await phase('postings_s', () => execution.bookTransfers(runId));
    await phase('journals_s', () => execution.sendJournals(runId));
    const result = await phase('finish_s', () => execution.finish(runId));
    const today = new Date().toISOString().slice(0, 10);
    const datev = await phase('datev_s', () => exportPeriod(db!, { from: today, to: today }, 'bench'));
    const run_s = (performance.now() - started) / 1000;
    const sepaBytes = (await db.payoutRun.findUniqueOrThrow({ where: { id: runId } })).sepaFile!.length;
    log(`run ${result.number}: ${result.lineCount} transfers, ${(result.totalCents / 100).toFixed(2)} EUR; ${documents} documents (${documentBytes} bytes); load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
    console.log(
      JSON.stringify({
        claims,
        clients: clientCount,
        run_s: Number(run_s.toFixed(2)),
        claims_per_s: Math.round(claims / run_s),
        floor_s: Number(floor_s.toFixed(2)),
        ratio: Number((run_s / floor_s).toFixed(1)),
        ...phases,
        transfers: result.lineCount,
        documents,
        sepa_file: { name: `${sepa.msgId}.xml`, bytes: sepaBytes },
        datev_file: { name: datev.export.fileName, rows: datev.export.rowCount ?? null },
      }),
    );
  } finally {
    await db?.$disconnect();
    await pg.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
