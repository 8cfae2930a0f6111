import fs from 'node:fs';
import path from 'node:path';
import { decodeBankText } from '../domain/bank/decode-bank-text';
import { detectBankFormat } from '../domain/bank/detect-bank-format';
import { formatEuro } from '../domain/format';
import { checkBankFile, type BankFileCheck } from '../services/bank/check-bank-file';
import { checkBillingFile, type BillingFileCheck } from '../services/intake/check-billing-file';

export type FileCheck = (BillingFileCheck | BankFileCheck) & { file: string };

/** 0: everything accepted; 1: some records rejected; 2: a file rejected whole. */
export type CheckExit = 0 | 1 | 2;

/** A bank statement is recognised by content (CAMT, MT940, OFX); anything else is read as a billing file. */
function isBankFile(content: Buffer): boolean {
  return detectBankFormat(decodeBankText(content)).ok;
}

export function checkFile(file: string): FileCheck {
  const content = fs.readFileSync(file);
  const name = path.basename(file);
  return { file, ...(isBankFile(content) ? checkBankFile(content, name) : checkBillingFile(content, name)) };
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
  if (c.fileErrors.length > 0) return [`${c.file}: rejected whole`, ...c.fileErrors.map((e) => `  ${e.field}: ${e.reason}`)];
  const accepted = c.records.filter((r) => r.ok);
  const total = accepted.reduce((s, r) => s + (r.totalCents ?? 0), 0);
  return [
    `${c.file}: ${c.records.length} records, ${accepted.length} accepted (${formatEuro(total)}), ${c.records.length - accepted.length} rejected`,
    ...c.notices.map((n) => `  notice: ${n}`),
    ...c.records.flatMap((r, i) => [
      ...r.errors.map((e) => `  record ${i + 1}${r.externalId ? ` (case ${r.externalId})` : ''}: ${e.field}: ${e.reason}`),
      ...r.warnings.map((w) => `  record ${i + 1}${r.externalId ? ` (case ${r.externalId})` : ''}: warning: ${w}`),
    ]),
  ];
}
