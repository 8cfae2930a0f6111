import { auditCommand } from './audit-command';
import { gdprCommand } from './gdpr-command';
import { USERS_USAGE, usersCommand } from './users-command';
import { checkFiles, describe, exitOf, type CheckExit } from './check-command';
import { backupCommand, reconcileCommand, restoreCommand } from './operations-commands';

const USAGE = `usage: claimflow check [--json] FILE [ORDER_FILE] [FILE…]
       claimflow audit seal|verify [--json]
       claimflow gdpr export PERSON_ID [--pdf FILE]
       claimflow backup --out FILE [--key-file KEY] [--temporal-db FILE]
       claimflow restore ARCHIVE [--force] [--key-file KEY] [--temporal-db FILE]
       claimflow reconcile [--json]
       ${USERS_USAGE}

Parses, validates and prices billing files (PADneXt, CSV) or reads bank statements (CAMT, MT940,
OFX) exactly as an upload would, and stores nothing. A PADneXt order file (*_auf.xml) given right
after its billing file is checked with it (length, SHA-1); a ZIP holding both is one delivery.
Exit 0: all accepted; 1: some records rejected; 2: a file rejected whole (or unreadable).

audit (against DATABASE_URL): seal the audit trail's new events into its hash chain, or verify the
chain from its start. Exit 0: sealed / intact; 1: the chain is broken (each break printed).

gdpr export (against DATABASE_URL): everything held about a person (Art. 15 GDPR) as JSON, or as a
PDF letter into FILE; audited as a read by CLAIMFLOW_ACTOR. Exit 1: no such person.

backup: one encrypted archive of the database at DATABASE_URL (documents of the built-in store
included) and the local Temporal server's state file (--temporal-db or TEMPORAL_DB_FILE). The key:
--key-file, BACKUP_KEY_FILE or BACKUP_KEY (32 bytes, base64), never in the archive's folder.
restore: into an empty database (--force replaces one that holds data); a wrong key or a damaged
archive is refused before the database is touched. reconcile (DATABASE_URL, TEMPORAL_ADDRESS):
starts the workflows of open claims the Temporal server lacks. See docs/operations.md.

users add (against DATABASE_URL): a local user of the embedded login, e.g. the first administrator
(--role admin); the password is the first line of --password-file. Exit 0: created; 1: refused.`;

const OPERATIONS: Record<string, (args: string[], out: (line: string) => void) => Promise<number>> = { backup: backupCommand, restore: restoreCommand, reconcile: reconcileCommand };

/** The command line: `claimflow check [--json] FILE…`; resolves to the exit code. */
export async function main(args: string[], out: (line: string) => void = console.log): Promise<number> {
  const [command, ...rest] = args;
  const json = rest.includes('--json');
  const files = rest.filter((a) => a !== '--json');
  if (command === 'users' && rest[0] === 'add') return usersCommand(rest.slice(1), out);
  if (command === 'gdpr' && rest[0] === 'export' && rest[1] && (rest.length === 2 || (rest.length === 4 && rest[2] === '--pdf'))) return gdprCommand(rest[1], rest[3], out);
  const operation = Object.hasOwn(OPERATIONS, command) ? OPERATIONS[command] : undefined;
  if (operation) {
    try {
      return await operation(rest, out);
    } catch (e) {
      out(`claimflow ${command}: ${(e as Error).message}`);
      return 1;
    }
  }
  if (command === 'audit' && files.length === 1 && (files[0] === 'seal' || files[0] === 'verify')) return auditCommand(files[0], json, out);
  if (command !== 'check' || files.length === 0 || files.some((f) => f.startsWith('--'))) {
    out(USAGE);
    return 2;
  }
  const checks = await checkFiles(files);
  if (json) out(JSON.stringify(checks.length === 1 ? checks[0] : checks));
  else for (const c of checks) for (const line of c.kind === 'unreadable' ? [`${c.file}: cannot be read: ${c.error.reason}`] : describe(c)) out(line);
  return Math.max(...checks.map((c): CheckExit => (c.kind === 'unreadable' ? 2 : exitOf(c))));
}

if (require.main === module) void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
