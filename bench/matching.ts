import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseBankFile } from '../domain/bank/parse-bank-file';
import { matchLines } from '../domain/matching/match-lines';
import { DEFAULT_MATCHING_POLICY } from '../domain/matching/matching-policy';
import { memoryMatchContext } from '../domain/matching/memory-context';
import type { BankLine } from '../domain/bank/bank-line';
import type { Allocation, MatchDecision } from '../domain/matching/types';
import { generateStatement, SCENARIOS, type LineTruth, type Scenario } from './gen/statement';

/**
 * npm run bench:matching: a generated CAMT.053 statement (BENCH_LINES lines, default 10,000; BENCH_SEED
 * picks another statement) with known truth is parsed with parseBankFile and matched with matchLines over an in-memory context
 * (the same engine the import runs; no database, no signalling). Prints per-scenario outcomes and,
 * as the last line, one JSON object:
 * - lines_per_s: bank lines per second for parse + context build + match (median of BENCH_RUNS runs);
 * - auto_match_rate: of the matchable lines — those whose truth is an allocation to claims — the
 *   share booked automatically with exactly the true allocations;
 * - wrong_bookings: automatic bookings (BOOK, or IGNORE of a line with money for us) that differ from the truth;
 * - wrong_reversals: automatic reversals (REVERSE) of payments the line does not take back;
 * - queue_size: lines sent to the unclear-payments queue.
 * BENCH_MISSES=1 prints every matchable line not booked right, with its text and the matcher's reasons.
 */

type Outcome = 'booked right' | 'reversed right' | 'ignored right' | 'queued' | 'WRONG' | 'WRONG REVERSAL';

function sameAllocations(a: readonly Allocation[], b: readonly Allocation[]): boolean {
  const key = (xs: readonly Allocation[]) => xs.map((x) => `${x.claimId}:${x.amountCents}`).sort().join(',');
  return key(a) === key(b);
}

function outcomeOf(decision: MatchDecision, truth: LineTruth): Outcome {
  switch (decision.action) {
    case 'QUEUE':
      return 'queued';
    case 'BOOK':
      return truth.kind === 'claims' && sameAllocations(decision.allocations, truth.allocations) ? 'booked right' : 'WRONG';
    case 'REVERSE':
      return truth.kind === 'reverse' && [...decision.paymentIds].sort().join() === [...truth.paymentIds].sort().join() ? 'reversed right' : 'WRONG REVERSAL';
    case 'IGNORE':
      return truth.kind === 'ignore' ? 'ignored right' : 'WRONG';
  }
}

function main(): void {
  const lineCount = Number(process.env.BENCH_LINES ?? 10_000);
  const seed = Number(process.env.BENCH_SEED ?? 20261125);
  let t = performance.now();
  const gen = generateStatement({ lines: lineCount, seed });
  console.log(`[bench] generated ${lineCount} lines over ${gen.claims.length} claims, ${(gen.camt.length / 1e6).toFixed(1)} MB CAMT.053, in ${((performance.now() - t) / 1000).toFixed(2)} s`);

  // Parse + match runs BENCH_RUNS times (default 3); the median is reported, so one run slowed by a
  // neighbour on this shared machine, or the first one still warming up the JIT, does not decide it.
  const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
  const seconds: number[] = [];
  let lines: BankLine[] = [];
  let decisions: MatchDecision[] = [];
  const cpuSeconds: number[] = [];
  for (let run = 1; run <= runs; run++) {
    t = performance.now();
    const cpuAt = process.cpuUsage();
    const parsed = parseBankFile(gen.fileName, gen.camt);
    const parsedAt = performance.now();
    lines = parsed.statements.flatMap((s) => s.lines);
    const decided = matchLines(lines, memoryMatchContext(gen.claims, gen.payments), DEFAULT_MATCHING_POLICY);
    const doneAt = performance.now();
    if (run > 1 && JSON.stringify(decided) !== JSON.stringify(decisions)) throw new Error(`run ${run} decided differently: the engine is not deterministic`);
    decisions = decided;
    const cpu = process.cpuUsage(cpuAt);
    seconds.push((doneAt - t) / 1000);
    cpuSeconds.push((cpu.user + cpu.system) / 1e6);
    console.log(
      `[bench] run ${run}: parse ${((parsedAt - t) / 1000).toFixed(2)} s, match ${((doneAt - parsedAt) / 1000).toFixed(2)} s: ${(lines.length / seconds[run - 1]).toFixed(0)} lines/s ` +
        `(${cpuSeconds[run - 1].toFixed(2)} s of CPU: ${(lines.length / cpuSeconds[run - 1]).toFixed(0)} lines per CPU-second)`,
    );
  }
  if (lines.length !== gen.truth.length) throw new Error(`parsed ${lines.length} lines, generated ${gen.truth.length}`);
  const median = [...seconds].sort((a, b) => a - b)[Math.floor(seconds.length / 2)];
  // Wall-clock time is what lines_per_s reports; on a machine shared with other work it also
  // counts time spent waiting for a core, which the CPU figure and the load average put in context.
  console.log(`[bench] median ${(lines.length / median).toFixed(0)} lines/s wall-clock; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);

  const table = new Map<Scenario, Map<Outcome, number>>();
  let matchable = 0;
  let autoMatched = 0;
  let wrong = 0;
  let wrongReversals = 0;
  decisions.forEach((d, i) => {
    const truth = gen.truth[i];
    const outcome = outcomeOf(d, truth);
    const row = table.get(gen.scenario[i]) ?? new Map<Outcome, number>();
    row.set(outcome, (row.get(outcome) ?? 0) + 1);
    table.set(gen.scenario[i], row);
    if (truth.kind === 'claims') matchable++;
    if (outcome === 'booked right') autoMatched++;
    else if (truth.kind === 'claims' && process.env.BENCH_MISSES) {
      console.log(`[bench] MISS ${gen.scenario[i]} ${lines[i].counterpartyName ?? '-'} ${lines[i].counterpartyIban ?? '-'}: "${lines[i].remittance}" → ${JSON.stringify(d.reasons)} truth ${JSON.stringify(truth)}`);
    }
    if (outcome === 'WRONG' || outcome === 'WRONG REVERSAL') {
      if (outcome === 'WRONG') wrong++;
      else wrongReversals++;
      console.log(`[bench] WRONG ${gen.scenario[i]} ${lines[i].source}: "${lines[i].remittance}" → ${JSON.stringify(d)} truth ${JSON.stringify(truth)}`);
    }
  });
  const queueSize = decisions.filter((d) => d.action === 'QUEUE').length;
  console.log('[bench] scenario           lines  outcomes');
  for (const s of Object.keys(SCENARIOS) as Scenario[]) {
    const row = table.get(s);
    if (!row) {
      // Every kind must be in the statement, or the figures say nothing about it.
      if (lineCount >= 5000) throw new Error(`the generated statement has no line of scenario ${s}`);
      continue;
    }
    const total = [...row.values()].reduce((a, b) => a + b, 0);
    console.log(`[bench] ${s.padEnd(18)} ${String(total).padStart(5)}  ${[...row].map(([o, n]) => `${o} ${n}`).join(', ')}`);
  }
  // Why lines were queued, with amounts, numbers and quoted text masked so like reasons count together.
  const why = new Map<string, number>();
  for (const d of decisions) {
    if (d.action !== 'QUEUE') continue;
    const reason = d.reasons[d.reasons.length - 1].replace(/"[^"]*"|RE\d{10}|[\d.,]+( €)?/g, '…').replace(/…(?:[\s,]*…)+/g, '…');
    why.set(reason, (why.get(reason) ?? 0) + 1);
  }
  console.log('[bench] queued because');
  for (const [reason, n] of [...why].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`[bench] ${String(n).padStart(5)}  ${reason}`);
  console.log(`[bench] matchable ${matchable}, booked automatically and right ${autoMatched}, wrong automatic bookings ${wrong}, wrong reversals ${wrongReversals}, queued ${queueSize}`);
  console.log(
    JSON.stringify({
      lines_per_s: Math.round(lines.length / median),
      auto_match_rate: Number((autoMatched / matchable).toFixed(4)),
      wrong_bookings: wrong,
      wrong_reversals: wrongReversals,
      queue_size: queueSize,
    }),
  );
}

main();
