import { randomUUID } from 'node:crypto';
import type { Db } from '../../infra/db/prisma';
import type { Prisma } from '../../prisma/generated/client';
import { BankFileError, BankLine, ParsedBankFile } from '../../domain/bank/bank-line';
import { parseBankFile } from '../../domain/bank/parse-bank-file';
import { dedupKeysOf } from '../../domain/bank/dedup-key';
import { matchLines } from '../../domain/matching/match-lines';
import type { MatchingPolicy } from '../../domain/matching/matching-policy';
import { audit } from '../../persistence/audit';
import { bankFileSummary } from '../../persistence/bank/statement-files';
import { bookDecisions } from './book-decisions';
import { matchWithDatabase } from './match-with-database';
import { bulkInsertNew, ColumnType } from '../../persistence/bulk-insert';
import { loadSystemPolicy } from '../../persistence/bank/system-policy';
import type { BankImportSummary } from '../../contracts/bank/bank-import-result';

type Tx = Prisma.TransactionClient;

/** The ledger is kept in euros: a statement of an account in another currency is not ours to book. */
const LEDGER_CURRENCY = 'EUR';

/** A 10,000-line statement is booked in one transaction; give it time. */
const IMPORT_TIMEOUT_MS = 10 * 60_000;

const LINE_COLUMNS: Record<string, ColumnType> = {
  id: 'text', fileId: 'text', dedupKey: 'text', accountId: 'text', statementId: 'text', bookingDate: 'text', valueDate: 'text',
  amountCents: 'int4', currency: 'text', originalAmountCents: 'int4', originalCurrency: 'text', kind: 'text', entryRef: 'text',
  endToEndId: 'text', counterpartyName: 'text', counterpartyIban: 'text', remittance: 'text', bankCode: 'text', returnReason: 'text',
  source: 'text', status: { enum: 'BankLineStatus' },
};

/**
 * Imports a received statement file atomically, in one transaction: a file already imported (or
 * quarantined) returns its earlier summary and books nothing; a file that cannot be read is
 * quarantined with where and why, nothing of it booked; otherwise every line is stored once (lines
 * known from an overlapping statement are skipped by their dedup key), matched, and booked.
 */
export async function importBankFile(db: Db, fileId: string): Promise<BankImportSummary> {
  return db.$transaction(
    async (tx) => {
      // The row lock makes a concurrent retry of the same import wait, then see it done.
      // Content as base64: the driver hands a bytea back as an array of numbers, slow for megabytes.
      const [file] = await tx.$queryRaw<Array<{ status: string; fileName: string; content: string }>>`
        SELECT status::text, "fileName", encode(content, 'base64') AS content FROM "BankStatementFile" WHERE id = ${fileId} FOR UPDATE`;
      if (!file) throw new Error(`bank statement file ${fileId} does not exist`);
      if (file.status !== 'RECEIVED') return bankFileSummary(tx, fileId);
      const parsed = readFile(file.fileName, Buffer.from(file.content, 'base64'));
      if ('location' in parsed) {
        await tx.bankStatementFile.update({ where: { id: fileId }, data: { status: 'QUARANTINED', error: parsed } });
        await audit(tx, 'bank-import', 'quarantine', 'bank-file', fileId, parsed);
        return bankFileSummary(tx, fileId);
      }
      const policy = await loadSystemPolicy(tx);
      await bookNewLines(tx, fileId, parsed, policy.matching);
      return bankFileSummary(tx, fileId);
    },
    { timeout: IMPORT_TIMEOUT_MS, maxWait: 60_000 },
  );
}

/** Parses the file; any failure becomes a quarantine reason (the file is kept for review either way). */
function readFile(fileName: string, content: Buffer): ParsedBankFile | { location: string; reason: string } {
  try {
    const parsed = parseBankFile(fileName, content);
    const foreign = parsed.statements.findIndex((s) => s.currency !== LEDGER_CURRENCY);
    if (foreign >= 0) {
      const s = parsed.statements[foreign];
      return { location: `statement ${foreign + 1} (${s.statementId ?? s.accountId})`, reason: `account currency ${s.currency}: only ${LEDGER_CURRENCY} accounts are booked` };
    }
    return parsed;
  } catch (e) {
    if (e instanceof BankFileError) return { location: e.location, reason: e.reason };
    return { location: 'file', reason: `unreadable: ${(e as Error).message}` };
  }
}

async function bookNewLines(tx: Tx, fileId: string, parsed: ParsedBankFile, policy: MatchingPolicy): Promise<void> {
  const all = parsed.statements.flatMap((s) => {
    const keys = dedupKeysOf(s.lines);
    return s.lines.map((line, i) => ({ line, statementId: s.statementId, dedupKey: keys[i], id: randomUUID() }));
  });
  const rows = all.map(({ line, statementId, dedupKey, id }) => ({
    ...line,
    id,
    fileId,
    dedupKey,
    statementId,
    originalAmountCents: line.original?.amountCents,
    originalCurrency: line.original?.currency,
    // Set to its real status with the decision below, in the same transaction.
    status: 'UNCLEAR',
  }));
  const inserted = await bulkInsertNew(tx, 'BankLine', LINE_COLUMNS, rows, 'dedupKey');
  const fresh = all.filter((l) => inserted.has(l.id));
  const lines: BankLine[] = fresh.map((l) => l.line);
  const decisions = await matchWithDatabase(tx, lines, (ctx) => matchLines(lines, ctx, policy));
  await bookDecisions(tx, fresh.map((l, i) => ({ lineId: l.id, line: l.line, decision: decisions[i] })));
  await tx.bankStatementFile.update({
    where: { id: fileId },
    data: {
      status: 'IMPORTED',
      format: parsed.format,
      statementCount: parsed.statements.length,
      lineCount: all.length,
      duplicateLineCount: all.length - fresh.length,
      statements: parsed.statements.map(({ lines: ls, ...s }) => ({ ...s, lines: ls.length })),
    },
  });
  await audit(tx, 'bank-import', 'import', 'bank-file', fileId, { format: parsed.format, lines: all.length, duplicates: all.length - fresh.length });
}
