import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client } from '@temporalio/client';
import { createDb, Db } from '../infra/db/prisma';
import { migrate } from '../infra/db/migrate';
import { freePort } from '../infra/local/free-port';
import { startEmbeddedPostgres } from '../infra/local/postgres';
import { noChannelsInApi } from '../infra/channels/no-channels';
import { documentStore } from '../infra/dms/document-services';
import { configuredCentre } from '../infra/centre';
import { taskQueues } from '../contracts/task-queues';
import { SYSTEM_POLICY } from '../domain/policy';
import { parseBankFile } from '../domain/bank/parse-bank-file';
import { matchLines } from '../domain/matching/match-lines';
import { memoryMatchContext } from '../domain/matching/memory-context';
import { createBankService } from '../services/bank/bank-service';
import { receiveBankFile } from '../services/bank/receive-bank-file';
import { SAMPLE_CLIENT, setSystemPolicy, upsertClient } from '../persistence/seed';
import { generateStatement, GeneratedStatement } from './gen/statement';
import { clientIdsOf, seedCentre } from './gen/centre-seed';

/**
 * npm run bench:bank-import: a generated 10,000-line CAMT.053 (BENCH_LINES, BENCH_SEED) imported
 * through the bank service's importFile — the one transaction the import activity runs: parse,
 * match against the database, book — into a centre of BENCH_SMALL (15,000) and then BENCH_LARGE
 * (300,000) open claims, each a fresh database on embedded PostgreSQL seeded in bulk, with
 * BENCH_CLOSED_PER_OPEN (1) closed claims per open one, their payers, bank payments and postings.
 * No Temporal server: importFile does not signal (the workflow's next activity does).
 * Last line, one JSON object:
 * - lines_per_s_15k, lines_per_s_300k: statement lines per second of importFile, wall-clock;
 * - growth: import time at the large size ÷ time at the small size;
 * - memory_lines_per_s: the pure matcher (parse + in-memory context + match) on the same file,
 *   median of BENCH_RUNS runs, in the same process.
 */

async function timeImport(db: Db, gen: GeneratedStatement): Promise<{ seconds: number; summary: object }> {
  // The service as a process builds it; this one never sends, signals or archives.
  const bank = createBankService({ db, temporal: new Client(), queues: taskQueues(), documents: documentStore(db, { encryptionKeys: randomBytes(32).toString('base64') }), centre: configuredCentre(), ...noChannelsInApi });
  const { fileId } = await receiveBankFile(db, { fileName: gen.fileName, content: gen.camt, source: 'bench', actor: 'bench' });
  const t = performance.now();
  const summary = await bank.importFile(fileId);
  return { seconds: (performance.now() - t) / 1000, summary };
}

function memoryRuns(gen: GeneratedStatement, runs: number): number {
  const seconds: number[] = [];
  for (let run = 0; run < runs; run++) {
    const t = performance.now();
    const lines = parseBankFile(gen.fileName, gen.camt).statements.flatMap((s) => s.lines);
    matchLines(lines, memoryMatchContext(gen.claims, gen.payments), SYSTEM_POLICY.matching);
    seconds.push((performance.now() - t) / 1000);
  }
  return [...seconds].sort((a, b) => a - b)[Math.floor(runs / 2)];
}

async function main(): Promise<void> {
  const lineCount = Number(process.env.BENCH_LINES ?? 10_000);
  const seed = Number(process.env.BENCH_SEED ?? 20261125);
  const sizes = [Number(process.env.BENCH_SMALL ?? 15_000), Number(process.env.BENCH_LARGE ?? 300_000)];
  const closedPerOpen = Number(process.env.BENCH_CLOSED_PER_OPEN ?? 1);
  const log = (s: string) => console.log(`[bench] ${s}`);

  let t = performance.now();
  const gen = generateStatement({ lines: lineCount, seed });
  log(`generated ${lineCount} lines over ${gen.claims.length} claims in ${((performance.now() - t) / 1000).toFixed(2)} s`);
  // The matcher runs first: it also warms up the parser and matcher code both imports run.
  const memorySeconds = memoryRuns(gen, Math.max(1, Number(process.env.BENCH_RUNS ?? 3)));
  log(`pure matcher: ${(lineCount / memorySeconds).toFixed(0)} lines/s`);

  const pg = await startEmbeddedPostgres({ name: `bench-bank-${process.pid}`, port: await freePort(), persistent: false });
  const results: Array<{ open: number; seconds: number }> = [];
  try {
    for (const open of sizes) {
      const dbName = `centre_${open}`;
      const admin = createDb(pg.url, 1);
      await admin.$executeRawUnsafe(`CREATE DATABASE ${dbName}`);
      await admin.$disconnect();
      const url = pg.url.replace(/\/claimflow$/, `/${dbName}`);
      migrate(url);
      const db = createDb(url);
      await setSystemPolicy(db, SYSTEM_POLICY);
      for (const id of clientIdsOf(gen.claims)) await upsertClient(db, { ...SAMPLE_CLIENT, id, number: id });
      t = performance.now();
      const rows = await seedCentre(db, gen, { openClaims: open, closedPerOpen }, { seed, feeRate: SYSTEM_POLICY.inkassoFeeRate });
      // As autovacuum would have by the time a statement arrives: the planner knows the tables.
      await db.$executeRawUnsafe('VACUUM ANALYZE');
      log(`${open} open claims: seeded ${rows} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      const { seconds, summary } = await timeImport(db, gen);
      log(`${open} open claims: imported in ${seconds.toFixed(2)} s (${(lineCount / seconds).toFixed(0)} lines/s): ${JSON.stringify(summary)}`);
      results.push({ open, seconds });
      await db.$disconnect();
    }
  } finally {
    await pg.stop();
  }
  log(`load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
  const [small, large] = results;
  console.log(
    JSON.stringify({
      lines: lineCount,
      open_claims: sizes,
      lines_per_s_15k: Math.round(lineCount / small.seconds),
      lines_per_s_300k: Math.round(lineCount / large.seconds),
      growth: Number((large.seconds / small.seconds).toFixed(2)),
      memory_lines_per_s: Math.round(lineCount / memorySeconds),
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
