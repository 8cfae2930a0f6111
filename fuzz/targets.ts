import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { z } from 'zod';
import { generateCsv, generatePadnext } from '../bench/gen/padnext-generator';
import { BankFileError } from '../domain/bank/bank-line';
import { parseBankFile } from '../domain/bank/parse-bank-file';
import { parseBillingFile } from '../domain/intake/parse-billing-file';
import { HttpError, parse } from '../api/errors';
import { AssignBody, NotOursBody, RefundBody } from '../api/bank/bank-schemas';
import { CancellationBody, DeferralBody, DisputeBody, InstallmentBody, PaymentBody } from '../api/schemas';
import { LawyerReportBody } from '../api/collection/collection-schemas';
import { parseLawyerFeedback } from '../domain/collection/lawyer-feedback-file';
import { lawyerFeedbackFile } from '../bench/gen/lawyer-feedback-writer';
import { formatInvoiceNumber } from '../domain/invoice-number';
import { OUTSIDE_MARKER } from './mutate';

/**
 * What one input did: a result or the project's own precise refusal are both fine; a crash (any
 * other exception, or content from outside the file in a parsed field) or a silent loss (the file
 * holds more transactions or cases than the parser produced, and nobody was told) are defects.
 */
export type Verdict = { kind: 'result' | 'refused' } | { kind: 'crash' | 'silent_loss'; detail: string };

export interface FuzzTarget {
  name: string;
  seeds(): Buffer[];
  check(input: Buffer): Verdict;
}

const ROOT = path.resolve(__dirname, '..');
const TESTDATA = path.resolve(ROOT, '../shared/testdata');

function filesUnder(dir: string, pattern: RegExp): Buffer[] {
  if (!fs.existsSync(dir)) return [];
  const found: Buffer[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (pattern.test(e.name)) found.push(fs.readFileSync(p));
    }
  };
  walk(dir);
  return found;
}

/** Counts a pattern in the bytes read as Latin-1 and as UTF-16: whichever the file is, one of them sees its tags. */
function rawCount(input: Buffer, pattern: RegExp): number {
  const count = (text: string) => text.match(pattern)?.length ?? 0;
  return Math.max(count(input.toString('latin1')), count(iconv.decode(input, 'utf16le')));
}

function leaked(result: unknown): boolean {
  return JSON.stringify(result ?? null).includes(OUTSIDE_MARKER);
}

function crash(e: unknown): Verdict {
  return { kind: 'crash', detail: e instanceof Error ? `${e.name}: ${e.message.slice(0, 300)}` : String(e) };
}

function billingTarget(name: 'padnext' | 'csv', seeds: () => Buffer[], fileName: string, cases: (input: Buffer) => number): FuzzTarget {
  return {
    name,
    seeds,
    check(input) {
      try {
        const parsed = parseBillingFile(input, fileName);
        if (leaked(parsed)) return { kind: 'crash', detail: 'content from outside the file in a parsed field' };
        if (parsed.fileErrors.length > 0) return { kind: 'refused' };
        const expected = cases(input);
        if (parsed.records.length < expected) return { kind: 'silent_loss', detail: `${expected} cases in the file, ${parsed.records.length} records read, no file error` };
        return { kind: 'result' };
      } catch (e) {
        return crash(e);
      }
    },
  };
}

/**
 * CAMT entries the bank has booked: a pending (PDNG) or informational (INFO) entry is no movement
 * of money yet, and the parser rightly reads no line from it.
 */
const BOOKED_CAMT_ENTRY = /<(\w+:)?Ntry>(?:(?!<\/(\w+:)?Ntry>)[\s\S])*?<(\w+:)?Sts>(?:\s*<(\w+:)?Cd>)?\s*(?!PDNG|INFO)[A-Z]{4}/g;

/** A bank statement parser: the lines it produced must cover every transaction element of the raw file. */
function bankTarget(name: 'camt' | 'mt940' | 'ofx', seeds: () => Buffer[], transactions: RegExp): FuzzTarget {
  return {
    name,
    seeds,
    check(input) {
      try {
        const parsed = parseBankFile(`fuzz.${name}`, input);
        if (leaked(parsed)) return { kind: 'crash', detail: 'content from outside the file in a parsed field' };
        const lines = parsed.statements.reduce((s, st) => s + st.lines.length, 0);
        const expected = rawCount(input, transactions);
        if (lines < expected) return { kind: 'silent_loss', detail: `${expected} transactions in the file, ${lines} lines read` };
        return { kind: 'result' };
      } catch (e) {
        return e instanceof BankFileError ? { kind: 'refused' } : crash(e);
      }
    },
  };
}

/** The REST API's JSON bodies: every staff action's schema, fed mutated JSON text. */
const BODIES: Array<[z.ZodType, unknown]> = [
  [PaymentBody, { amountCents: 12345, receivedAt: '2026-11-30', reference: 'RE 01-2026-000123' }],
  [DeferralBody, { until: '2027-01-15', reason: 'Patient im Krankenhaus' }],
  [InstallmentBody, { installments: [{ dueDate: '2027-01-01', amountCents: 5000 }, { dueDate: '2027-02-01', amountCents: 5000 }] }],
  [DisputeBody, { open: true, reason: 'Leistung bestritten' }],
  [CancellationBody, { reason: 'doppelt abgerechnet' }],
  [AssignBody, { allocations: [{ claimId: '01-2026-000123', amountCents: 100 }] }],
  [RefundBody, { iban: 'DE02120300000000202051' }],
  [NotOursBody, { note: 'Miete' }],
  [LawyerReportBody, { kind: 'installment_plan', claimId: 'RE0000100008', date: '2026-12-02', installments: [{ dueDate: '2027-01-15', amountCents: 10000 }] }],
];

const apiJson: FuzzTarget = {
  name: 'api-json',
  seeds: () => BODIES.map(([, body], i) => Buffer.from(JSON.stringify({ schema: i, body }))),
  check(input) {
    const text = input.toString('utf8');
    const schema = BODIES[Number(/"schema":(\d)/.exec(text)?.[1] ?? 0) % BODIES.length][0];
    const body = /"body":([\s\S]*)\}$/.exec(text)?.[1] ?? text;
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      return { kind: 'refused' }; // express answers a body that is no JSON with 400 invalid_body
    }
    try {
      parse(schema, value, 'body');
      return { kind: 'result' };
    } catch (e) {
      return e instanceof HttpError && e.status === 400 ? { kind: 'refused' } : crash(e);
    }
  },
};

/** A lawyer's feedback file: every line between header and trailer becomes a report or a problem, none is lost. */
const lawyerFeedback: FuzzTarget = {
  name: 'lawyer-feedback',
  seeds: () => [
    lawyerFeedbackFile([
      { lineId: 'M1', claimId: formatInvoiceNumber(1), date: '2026-12-02', kind: 'collected', amountCents: 12345, lawyerRef: 'AZ 1/26' },
      { lineId: 'M2', claimId: formatInvoiceNumber(2), date: '2026-12-02', kind: 'installment_plan', installments: [{ dueDate: '2027-01-15', amountCents: 100 }, { dueDate: '2027-02-15', amountCents: 200 }] },
      { lineId: 'M3', claimId: formatInvoiceNumber(3), date: '2026-12-03', kind: 'returned', note: 'Akte "zurück"; beendet' },
      { lineId: 'M4', claimId: formatInvoiceNumber(4), date: '2026-12-04', kind: 'uncollectable', reason: 'insolvency' },
    ]),
  ],
  check(input) {
    try {
      const parsed = parseLawyerFeedback('fuzz.csv', input);
      if (leaked(parsed)) return { kind: 'crash', detail: 'content from outside the file in a parsed field' };
      if (!parsed.ok) return { kind: 'refused' };
      const lines = input.toString('utf8').split(/\r?\n/).filter((l) => l.trim() !== '').length - 2;
      const read = parsed.reports.length + parsed.problems.length;
      return read < lines ? { kind: 'silent_loss', detail: `${lines} report lines in the file, ${read} reports and problems` } : { kind: 'result' };
    } catch (e) {
      return crash(e);
    }
  },
};

export const TARGETS: FuzzTarget[] = [
  billingTarget(
    'padnext',
    () => [...[1, 2, 3].map((seed) => Buffer.from(generatePadnext({ cases: 4, seed }).padx)), ...filesUnder(path.join(ROOT, 'test/fixtures/intake'), /\.xml$/)],
    'fuzz.padx.xml',
    (input) => rawCount(input, /<(\w+:)?rechnung[\s>]/g),
  ),
  billingTarget(
    'csv',
    () => [...[1, 2, 3].map((seed) => Buffer.from(generateCsv({ cases: 4, seed }).csv)), ...filesUnder(path.join(ROOT, 'test/fixtures/intake'), /\.csv$/)],
    'fuzz.csv',
    // Without its header or any data row a file has no cases to lose.
    (input) => (input.toString('latin1').split(/\r?\n/).filter((l) => l.replace(/[;\s"]/g, '') !== '').length > 1 ? 1 : 0),
  ),
  bankTarget('camt', () => [...filesUnder(path.join(ROOT, 'test/fixtures/bank'), /\.xml$/), ...filesUnder(path.join(TESTDATA, 'camt'), /\.xml$/)], BOOKED_CAMT_ENTRY),
  bankTarget('mt940', () => [...filesUnder(path.join(ROOT, 'test/fixtures/bank'), /\.sta$/), ...filesUnder(path.join(TESTDATA, 'mt940'), /\.(sta|mt940x?|txt)$/i)], /(^|[\r\n]):61:/g),
  bankTarget('ofx', () => [...filesUnder(path.join(ROOT, 'test/fixtures/bank'), /\.ofx$/), ...filesUnder(path.join(TESTDATA, 'ofx'), /\.(ofx|qfx)$/i)], /<STMTTRN>/gi),
  lawyerFeedback,
  apiJson,
];
