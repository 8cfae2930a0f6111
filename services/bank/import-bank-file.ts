import type { Db, Tx } from '../../infra/db/prisma';
import { BankFileError, BankLine, ParsedBankFile } from '../../domain/bank/bank-line';
import type { BankFileLimits } from '../../domain/bank/bank-import-policy';
import { dedupKeysOf } from '../../domain/bank/dedup-key';
import type { MatchingPolicy } from '../../domain/matching/matching-policy';
import { audit } from '../../persistence/audit';
import { knownDedupKeys } from '../../persistence/bank/bank-lines';
import { bankFileSummary, lockFileForImport, markFileImported, QuarantineReason, quarantineFile } from '../../persistence/bank/statement-files';
import { loadSystemPolicy } from '../../persistence/policy';
import { bookDecisions, IMPORT_ACTOR } from './book-decisions';
import { separateLawyerTransfers, settleLawyerTransfers } from './lawyer-settlements';
import { matchWithDatabase } from './match-with-database';
import { parseWithinDeadline } from './parse-within-deadline';
import type { BankImportSummary } from '../../contracts/bank/bank-import-result';
import { newRowId } from '../../persistence/row-id';
import { allCollectionAccounts } from '../../persistence/money/collection-accounts';
import { statementAccounts } from '../../domain/money/statement-account';

/** The ledger is kept in euros: a statement of an account in another currency is not ours to book. */
const LEDGER_CURRENCY = 'EUR';

/** A 10,000-line statement is booked in one transaction; give it time. */
const IMPORT_TIMEOUT_MS = 10 * 60_000;

/**
 * Imports a received statement file atomically, in one transaction: a file already imported (or
 * quarantined) returns its earlier summary and books nothing; a file that cannot be read, or has a
 * statement of an account that is not one of the centre's collection accounts
 * (domain/money/statement-account.ts), is quarantined with where and why, nothing of it booked;
 * otherwise each statement is recorded with its collection account, every line is stored once (lines
 * known from an overlapping statement are skipped by their dedup key), matched, and booked.
 */
export async function importBankFile(db: Db, fileId: string): Promise<BankImportSummary> {
  return db.$transaction(
    async (tx) => {
      // The row lock makes a concurrent retry of the same import wait, then see it done.
      const file = await lockFileForImport(tx, fileId);
      if (!file) throw new Error(`bank statement file ${fileId} does not exist`);
      if (file.status !== 'RECEIVED') return bankFileSummary(tx, fileId);
      const policy = await loadSystemPolicy(tx);
      const parsed = await readFile(file.fileName, file.content, policy.bankImport.fileLimits);
      const ours = 'location' in parsed ? parsed : await withCollectionAccounts(tx, parsed);
      if ('location' in ours) {
        await quarantineFile(tx, fileId, ours);
        await audit(tx, IMPORT_ACTOR, 'quarantine', 'bank-file', fileId, ours);
        return bankFileSummary(tx, fileId);
      }
      await bookNewLines(tx, fileId, ours.parsed, ours.accountIds, policy.matching);
      return bankFileSummary(tx, fileId);
    },
    { timeout: IMPORT_TIMEOUT_MS, maxWait: 60_000 },
  );
}

/**
 * Parses the file (a ZIP of CAMT files too) on a thread bounded by the policy's deadline; a file
 * that cannot be read becomes a quarantine reason (the file is kept for review either way).
 */
async function readFile(fileName: string, content: Buffer, limits: BankFileLimits): Promise<ParsedBankFile | QuarantineReason> {
  try {
    const parsed = await parseWithinDeadline(fileName, content, limits);
    const foreign = parsed.statements.findIndex((s) => s.currency !== LEDGER_CURRENCY);
    if (foreign >= 0) {
      const s = parsed.statements[foreign];
      return { location: `statement ${foreign + 1} (${s.statementId ?? s.accountId})`, reason: `account currency ${s.currency}: only ${LEDGER_CURRENCY} accounts are booked` };
    }
    return parsed;
  } catch (e) {
    if (e instanceof BankFileError) return { location: e.location, reason: e.reason };
    throw e;
  }
}

/** The file with each statement's collection account, or why it is not the centre's to book. */
async function withCollectionAccounts(tx: Tx, parsed: ParsedBankFile): Promise<{ parsed: ParsedBankFile; accountIds: Array<string | null> } | QuarantineReason> {
  const accounts = statementAccounts(parsed.statements, await allCollectionAccounts(tx));
  return 'location' in accounts ? accounts : { parsed, accountIds: accounts.accountIds };
}

async function bookNewLines(tx: Tx, fileId: string, parsed: ParsedBankFile, collectionAccountIds: Array<string | null>, policy: MatchingPolicy): Promise<void> {
  const all = parsed.statements.flatMap((s) => {
    const keys = dedupKeysOf(s.lines);
    return s.lines.map((line, i) => ({ line, statementId: s.statementId, dedupKey: keys[i], id: newRowId() }));
  });
  // A line known from an overlapping statement (or twice in this file) is stored and booked once.
  const known = await knownDedupKeys(tx, all.map((l) => l.dedupKey));
  const fresh = all.filter((l) => {
    if (known.has(l.dedupKey)) return false;
    known.add(l.dedupKey);
    return true;
  });
  const { fromLawyers, others } = await separateLawyerTransfers(tx, fresh);
  const lines: BankLine[] = others.map((l) => l.line);
  const decisions = await matchWithDatabase(tx, lines, policy);
  const unsettled = await settleLawyerTransfers(tx, fileId, fromLawyers);
  await bookDecisions(tx, fileId, [...others.map((l, i) => ({ ...l, decision: decisions[i] })), ...unsettled]);
  const counts = { lines: all.length, duplicates: all.length - fresh.length };
  await markFileImported(tx, fileId, parsed, collectionAccountIds, counts);
  await audit(tx, IMPORT_ACTOR, 'import', 'bank-file', fileId, { format: parsed.format, ...counts });
}
