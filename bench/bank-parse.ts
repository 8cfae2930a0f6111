import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BankFileError } from '../domain/bank/bank-line';
import { DEFAULT_BANK_FILE_LIMITS } from '../domain/bank/bank-import-policy';
import { readBankDelivery } from '../domain/bank/read-bank-delivery';
import { parseWithinDeadline } from '../services/bank/parse-within-deadline';
import { zipArchive } from '../test/support/zip-archive';
import { generateStatement } from './gen/statement';

/**
 * npx tsx bench/bank-parse.ts: how long one bank file takes to read or reject, for large files and
 * for the inputs that used to stall the import (an OFX tag missing its '>', long dotted tag runs,
 * deep nesting). BENCH_LINES sets the size of the large files (default 10,000 transactions). Prints
 * one line per file, then one JSON object with the milliseconds per file (median of BENCH_RUNS runs)
 * and the cost of the deadline thread around a small file.
 */
const LINES = Number(process.env.BENCH_LINES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const OFX_FIXTURE = readFileSync(path.resolve(__dirname, '../test/fixtures/bank/ofx1-sgml-cp1252.ofx'), 'latin1');

function ofx(transactions: number): string {
  const head = OFX_FIXTURE.slice(0, OFX_FIXTURE.indexOf('<STMTTRN>'));
  const tail = OFX_FIXTURE.slice(OFX_FIXTURE.indexOf('</BANKTRANLIST>'));
  const one = (i: number) => `<STMTTRN>\n<TRNTYPE>CREDIT\n<DTPOSTED>20261125\n<TRNAMT>${(i % 900) + 1},50\n<FITID>F${i}\n<NAME>Patient ${i}\n<MEMO>RE${String(i).padStart(10, '0')}\n<BANKACCTTO><BANKID>37040044<ACCTID>DE89370400440532013000<ACCTTYPE>CHECKING</BANKACCTTO>\n</STMTTRN>\n`;
  return head + Array.from({ length: transactions }, (_, i) => one(i)).join('') + tail;
}

function mt940(lines: number): string {
  const body = Array.from({ length: lines }, (_, i) => `:61:2611261126C1,00NTRFNONREF//B${i}\r\n:86:166?00GUTSCHRIFT?20EREF+RE${i}?21SVWZ+RE${String(i).padStart(10, '0')}?32Patient ${i}\r\n`).join('');
  const closing = (100000 + lines * 100) / 100;
  return `:20:STARTUMS\r\n:25:12030000/1234567890\r\n:28C:1/1\r\n:60F:C261125EUR1000,00\r\n${body}:62F:C261126EUR${closing.toFixed(2).replace('.', ',')}\r\n-\r\n`;
}

const big = ofx(LINES);
const camt = generateStatement({ lines: LINES, seed: 1 }).camt;
const FILES: Array<[string, Buffer]> = [
  [`OFX SGML, ${LINES} transactions`, Buffer.from(big, 'latin1')],
  [`OFX, ${LINES} transactions, one tag missing its '>'`, Buffer.from(big.replace('<ACCTID>DE89', '<ACCTID DE89'), 'latin1')],
  ['OFX, a dotted tag run of 100,000 characters', Buffer.from(OFX_FIXTURE.replace('<OFX>', `<OFX>\n<INTU.${'A.'.repeat(50_000)}BID>1\n`), 'latin1')],
  ['OFX, 1,000,000 nested elements', Buffer.from(`<OFX>${'<AGG>'.repeat(1_000_000)}${'</AGG>'.repeat(1_000_000)}</OFX>`)],
  [`CAMT.053, ${LINES} lines`, camt],
  ['CAMT, 1,000,000 nested elements', Buffer.from(`<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">${'<X>'.repeat(1_000_000)}${'</X>'.repeat(1_000_000)}</Document>`)],
  [`MT940, ${LINES} lines`, Buffer.from(mt940(LINES), 'latin1')],
  [`ZIP of 10 CAMT.053 files of ${LINES / 10} lines`, zipArchive(Array.from({ length: 10 }, (_, i) => ({ name: `${i}.xml`, content: generateStatement({ lines: LINES / 10, seed: i + 2 }).camt })))],
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timeOf(read: () => Promise<unknown>): Promise<{ ms: number; outcome: string }> {
  const times: number[] = [];
  let outcome = '';
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    try {
      const parsed = (await read()) as { statements: Array<{ lines: unknown[] }> };
      outcome = `read, ${parsed.statements.reduce((n, s) => n + s.lines.length, 0)} lines`;
    } catch (e) {
      if (!(e instanceof BankFileError)) throw e;
      outcome = `rejected: ${e.location}: ${e.reason.slice(0, 90)}`;
    }
    times.push(performance.now() - start);
  }
  return { ms: Math.round(median(times)), outcome };
}

async function main(): Promise<void> {
  const figures: Record<string, number> = {};
  for (const [name, content] of FILES) {
    const { ms, outcome } = await timeOf(() => readBankDelivery(name, content, DEFAULT_BANK_FILE_LIMITS));
    figures[name] = ms;
    console.log(`${name}: ${ms} ms (${(content.length / 1e6).toFixed(1)} MB) — ${outcome}`);
  }
  const small = Buffer.from(OFX_FIXTURE, 'latin1');
  const { ms } = await timeOf(() => parseWithinDeadline('umsaetze.ofx', small, DEFAULT_BANK_FILE_LIMITS));
  console.log(`a small OFX file on the deadline thread (thread start included): ${ms} ms`);
  console.log(JSON.stringify({ ms_per_file: figures, deadline_thread_small_file_ms: ms }));
}

void main();
