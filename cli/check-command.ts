import fs from 'node:fs';
import path from 'node:path';
import { isBankDelivery } from '../domain/bank/read-bank-delivery';
import { formatEuro } from '../domain/format';
import { checkBankFile, type BankFileCheck } from '../services/bank/check-bank-file';
import { isOrderFile } from '../domain/intake/billing-delivery';
import { SYSTEM_POLICY } from '../domain/policy';
import { checkBillingDelivery, type BillingFileCheck } from '../services/intake/check-billing-file';

/** file: the billing or bank file checked; orderFile: the order file checked with it. */
export type FileCheck = (BillingFileCheck | BankFileCheck) & { file: string; orderFile?: string };

/** 0: everything accepted; 1: some records rejected; 2: a file rejected whole. */
export type CheckExit = 0 | 1 | 2;

interface Given {
  file: string;
  content: Buffer;
  /** A bank statement (or a ZIP of them) is recognised by content; anything else is read as billing. */
  bank: boolean;
}

const BANK_LIMITS = SYSTEM_POLICY.bankImport.fileLimits;

/**
 * The files of a command line as deliveries: an order file (Auftragsdatei) is checked with the
 * billing file given just before it (`check BILLING ORDER`), else just after it; a ZIP is one
 * delivery. The pairs go through the upload's own reading (checkBillingDelivery), with the
 * system policy's ZIP bounds (the command reads no database).
 */
export async function checkFiles(files: string[]): Promise<Array<FileCheck | Unreadable>> {
  const given = await Promise.all(
    files.map(async (file): Promise<Given | Unreadable> => {
      let content: Buffer;
      try {
        content = fs.readFileSync(file);
      } catch (e) {
        return { file, kind: 'unreadable', error: { location: 'file', reason: (e as Error).message } };
      }
      return { file, content, bank: await isBankDelivery(content, BANK_LIMITS) };
    }),
  );
  const order = (g: Given | Unreadable | undefined): g is Given => g !== undefined && 'content' in g && isOrderFile(g.content);
  const billing = (g: Given | Unreadable | undefined): g is Given => g !== undefined && 'content' in g && !isOrderFile(g.content) && !g.bank;
  const checks: Array<Promise<FileCheck | Unreadable>> = [];
  for (let i = 0; i < given.length; i++) {
    const g = given[i];
    if (!('content' in g)) checks.push(Promise.resolve(g));
    else if (g.bank) checks.push(checkBankFile(g.content, path.basename(g.file), BANK_LIMITS).then((check) => ({ file: g.file, ...check })));
    else {
      const next = given[i + 1];
      const partner = billing(g) ? (order(next) ? next : undefined) : billing(next) ? next : undefined;
      if (partner) i++;
      checks.push(checkDelivery(billing(g) ? g : partner, order(g) ? g : partner, g));
    }
  }
  return Promise.all(checks);
}

async function checkDelivery(billingFile: Given | undefined, orderFile: Given | undefined, first: Given): Promise<FileCheck> {
  const files = [billingFile, orderFile].flatMap((f) => (f ? [{ name: path.basename(f.file), content: f.content }] : []));
  const check = await checkBillingDelivery(files, SYSTEM_POLICY.intake.deliveryZip);
  return { file: (billingFile ?? first).file, ...(orderFile && billingFile ? { orderFile: orderFile.file } : {}), ...check };
}

/** A file the command could not read at all. */
export interface Unreadable {
  file: string;
  kind: 'unreadable';
  error: { location: string; reason: string };
}

export function exitOf(c: FileCheck): CheckExit {
  if ('error' in c || ('fileErrors' in c && c.fileErrors.length > 0)) return 2;
  if ('records' in c && c.records.some((r) => !r.ok)) return 1;
  return 0;
}

/** What a person reads: per file its verdict, every rejected record with its reasons, each statement's figures. */
export function describe(c: FileCheck): string[] {
  if ('error' in c) return [`${c.file}: rejected: ${c.error.location}: ${c.error.reason}`];
  if ('statements' in c) {
    return [
      `${c.file}: ${c.format}, ${c.statements.length} statement(s), readable`,
      ...c.statements.map((s) => `  ${s.statementId ?? '(no id)'} ${s.currency}: ${s.lines} lines, sum ${formatEuro(s.sumCents)}, opening ${s.openingCents === null ? '–' : formatEuro(s.openingCents)}, closing ${s.closingCents === null ? '–' : formatEuro(s.closingCents)}`),
    ];
  }
  const name = c.orderFile ? `${c.file} (with order file ${c.orderFile})` : c.file;
  if (c.fileErrors.length > 0) return [`${name}: rejected whole`, ...c.fileErrors.map((e) => `  ${e.field}: ${e.reason}`)];
  const accepted = c.records.filter((r) => r.ok);
  const total = accepted.reduce((s, r) => s + (r.totalCents ?? 0), 0);
  return [
    `${name}: ${c.records.length} records, ${accepted.length} accepted (${formatEuro(total)}), ${c.records.length - accepted.length} rejected`,
    ...c.notices.map((n) => `  notice: ${n}`),
    ...c.records.flatMap((r, i) => [
      ...r.errors.map((e) => `  record ${i + 1}${r.externalId ? ` (case ${r.externalId})` : ''}: ${e.field}: ${e.reason}`),
      ...r.warnings.map((w) => `  record ${i + 1}${r.externalId ? ` (case ${r.externalId})` : ''}: warning: ${w}`),
    ]),
  ];
}
