import { performance } from 'node:perf_hooks';
import { parseLawyerFeedback } from '../domain/collection/lawyer-feedback-file';
import type { LawyerReport } from '../domain/collection/lawyer-report';
import { formatInvoiceNumber } from '../domain/invoice-number';
import { lawyerFeedbackFile } from './gen/lawyer-feedback-writer';

/**
 * npx tsx bench/lawyer-feedback-parse.ts: how long reading a lawyer's feedback file takes.
 * BENCH_LINES reports (default 10,000, every kind in turn, one line in 100 damaged); prints one
 * JSON object with the median milliseconds of BENCH_RUNS runs and the lines read per second.
 */
const LINES = Number(process.env.BENCH_LINES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function report(i: number): LawyerReport {
  const base = { lineId: `M${i}`, claimId: formatInvoiceNumber(i + 1), date: '2026-12-02', lawyerRef: `AZ ${i}/26` };
  const kinds: LawyerReport[] = [
    { ...base, kind: 'acknowledged' },
    { ...base, kind: 'collected', amountCents: 12_345 + i },
    { ...base, kind: 'installment_plan', installments: [{ dueDate: '2027-01-15', amountCents: 10_000 }, { dueDate: '2027-02-15', amountCents: 2_345 }] },
    { ...base, kind: 'dunning_order' },
    { ...base, kind: 'title' },
    { ...base, kind: 'costs', amountCents: 8_354 },
    { ...base, kind: 'uncollectable', reason: 'insolvency' },
    { ...base, kind: 'returned', note: 'Mandat niedergelegt; Akte zurück' },
  ];
  return kinds[i % kinds.length];
}

const text = lawyerFeedbackFile(Array.from({ length: LINES }, (_, i) => report(i))).toString('utf8');
// One line in a hundred gets a date that does not exist: the reader reports it and goes on.
const file = Buffer.from(text.split('\r\n').map((l, i) => (i > 0 && i % 100 === 0 ? l.replace('02.12.2026', '31.11.2026') : l)).join('\r\n'), 'utf8');
const times: number[] = [];
let result = parseLawyerFeedback('bench.csv', file);
for (let run = 0; run < RUNS; run++) {
  const start = performance.now();
  result = parseLawyerFeedback('bench.csv', file);
  times.push(performance.now() - start);
}
if (!result.ok) throw new Error(result.problem.reason);
const median = times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
console.log(JSON.stringify({ lines: LINES, bytes: file.length, reports: result.reports.length, problems: result.problems.length, parse_ms: Math.round(median * 10) / 10, lines_per_s: Math.round(LINES / (median / 1000)) }));
