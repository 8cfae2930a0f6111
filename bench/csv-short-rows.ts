import { generateCsv } from './gen/csv-generator';
import { parseCsv } from '../domain/intake/csv-parser';

/**
 * npx tsx bench/csv-short-rows.ts: parseCsv on a file whose rows are all as long as the header and on
 * the same file with the trailing empty cells of every row left off (as hand-written or non-Excel
 * exports do). csv-parse built an error object for every row shorter than the header even with
 * relax_column_count (twice the time or more for short rows); the reader's own tokenizer
 * (domain/intake/csv-rows.ts) should take the same time for both. Last line: JSON figures.
 */
function main(): void {
  const cases = Number(process.env.BENCH_CASES ?? 30_000);
  const { csv } = generateCsv({ cases, seed: 1 });
  const short = csv.replace(/;+(?=\r?\n)/g, '');
  const rows = csv.split('\n').length - 1;
  const time = (text: string) => {
    const t = performance.now();
    const parsed = parseCsv(text, 'bench.csv');
    const ms = performance.now() - t;
    if (parsed.fileErrors.length) throw new Error(JSON.stringify(parsed.fileErrors));
    return Math.round(ms);
  };
  time(csv); // warm-up
  const full = time(csv);
  const shortMs = time(short);
  console.log(`${rows} rows: full rows ${full} ms, short rows ${shortMs} ms`);
  console.log(JSON.stringify({ rows, fullRowsMs: full, shortRowsMs: shortMs }));
}

main();
