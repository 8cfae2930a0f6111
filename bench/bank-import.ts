import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client } from '@temporalio/client';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../prisma/generated/client';
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
 * BENCH_REUSE=1 seeds each size once and keeps it (see main). BENCH_EXPLAIN=<ms> prints the EXPLAIN ANALYZE plan (auto_explain) of every statement of the
 * import that took longer than that, and the total time of the import's statements by kind.
 */

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Total Time': number;
  'Actual Rows': number;
  'Actual Loops': number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

/** One line per plan node: what it did, on what, how long, how many rows, which pages it read. */
function renderPlan(node: PlanNode, depth = 0): string[] {
  const on = [node['Relation Name'] && ` on ${node['Relation Name']}`, node['Index Name'] && ` using ${node['Index Name']}`].filter(Boolean).join('');
  const line = `[explain] ${'  '.repeat(depth)}${node['Node Type']}${on}: ${node['Actual Total Time']} ms, ${node['Actual Rows']} rows × ${node['Actual Loops']} loops, pages hit ${node['Shared Hit Blocks'] ?? 0} read ${node['Shared Read Blocks'] ?? 0}`;
  return [line, ...(node.Plans ?? []).flatMap((p) => renderPlan(p, depth + 1))];
}

/** A client whose sessions run auto_explain and report slow statements' plans as notices. */
function explainingDb(url: string, minMs: number): { db: Db; report: () => void; end: () => Promise<void> } {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const totals = new Map<string, { ms: number; count: number }>();
  pool.on('connect', (client) => {
    const settings = { log_min_duration: 0, log_analyze: 'on', log_buffers: 'on', log_nested_statements: 'on', log_format: 'json', log_level: 'notice' };
    void client.query(`LOAD 'auto_explain'; ${Object.entries(settings).map(([k, v]) => `SET auto_explain.${k} = ${v};`).join(' ')} SET client_min_messages = notice`);
    client.on('notice', (n) => {
      const m = /^duration: ([\d.]+) ms\s+plan:\s*([\s\S]*)$/.exec(n.message ?? '');
      if (!m) return;
      const ms = Number(m[1]);
      const plan = JSON.parse(m[2]) as { 'Query Text': string; Plan: PlanNode };
      const query = plan['Query Text'].replace(/\s+/g, ' ').trim();
      const kind = query.slice(0, 70);
      const t = totals.get(kind) ?? { ms: 0, count: 0 };
      totals.set(kind, { ms: t.ms + ms, count: t.count + 1 });
      if (ms >= minMs) console.log(`[explain] ${ms.toFixed(0)} ms: ${query.slice(0, 400)}\n${renderPlan(plan.Plan).join('\n')}`);
    });
  });
  const report = () => {
    for (const [kind, t] of [...totals].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15)) console.log(`[explain] ${t.ms.toFixed(0).padStart(7)} ms in ${String(t.count).padStart(4)} × ${kind}`);
    totals.clear();
  };
  const db = new PrismaClient({ adapter: new PrismaPg(pool), omit: { submission: { content: true }, bankStatementFile: { content: true } } }) as unknown as Db;
  return { db, report, end: () => pool.end() };
}

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

  // BENCH_REUSE=1 keeps the seeded centres in a cluster that outlives the run (seeding 300,000 open
  // claims takes minutes); each run imports into a copy of them, migrated to the current schema.
  // After changing the seed itself, delete the cluster ($TMPDIR/claimflow-pg/bench-bank-centres).
  const reuse = process.env.BENCH_REUSE === '1';
  const pg = await startEmbeddedPostgres({ name: reuse ? 'bench-bank-centres' : `bench-bank-${process.pid}`, port: await freePort(), persistent: reuse, fsync: false });
  const admin = createDb(pg.url, 1);
  const urlOf = (name: string) => pg.url.replace(/\/claimflow$/, `/${name}`);
  const results: Array<{ open: number; seconds: number }> = [];
  try {
    for (const open of sizes) {
      const seeded = `centre_${open}_${closedPerOpen}_${lineCount}_${seed}`;
      const known = await admin.$queryRaw<unknown[]>`SELECT 1 FROM pg_database WHERE datname = ${seeded}`;
      if (!reuse || known.length === 0) {
        await admin.$executeRawUnsafe(`CREATE DATABASE ${seeded}`);
        migrate(urlOf(seeded));
        const db = createDb(urlOf(seeded));
        await setSystemPolicy(db, SYSTEM_POLICY);
        for (const id of clientIdsOf(gen.claims)) await upsertClient(db, { ...SAMPLE_CLIENT, id, number: id });
        t = performance.now();
        const rows = await seedCentre(db, gen, { openClaims: open, closedPerOpen }, { seed, feeRate: SYSTEM_POLICY.inkassoFeeRate });
        // As autovacuum would have by the time a statement arrives: the planner knows the tables.
        await db.$executeRawUnsafe('VACUUM ANALYZE');
        await db.$disconnect();
        log(`${open} open claims: seeded ${rows} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      }
      let url = urlOf(seeded);
      if (reuse) {
        await admin.$executeRawUnsafe(`DROP DATABASE IF EXISTS run_${open}`);
        await admin.$executeRawUnsafe(`CREATE DATABASE run_${open} TEMPLATE ${seeded} STRATEGY FILE_COPY`);
        url = urlOf(`run_${open}`);
        migrate(url);
      }
      const db = createDb(url);
      const explain = process.env.BENCH_EXPLAIN ? explainingDb(url, Number(process.env.BENCH_EXPLAIN)) : undefined;
      const { seconds, summary } = await timeImport(explain?.db ?? db, gen);
      log(`${open} open claims: imported in ${seconds.toFixed(2)} s (${(lineCount / seconds).toFixed(0)} lines/s): ${JSON.stringify(summary)}`);
      explain?.report();
      results.push({ open, seconds });
      await explain?.db.$disconnect();
      await explain?.end();
      await db.$disconnect();
    }
  } finally {
    await admin.$disconnect();
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
