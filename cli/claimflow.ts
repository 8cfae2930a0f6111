import { auditCommand } from './audit-command';
import { USERS_USAGE, usersCommand } from './users-command';
import { checkFiles, describe, exitOf, type CheckExit } from './check-command';

const USAGE = `usage: claimflow check [--json] FILE [ORDER_FILE] [FILE…]
       claimflow audit seal|verify [--json]
       ${USERS_USAGE}

Parses, validates and prices billing files (PADneXt, CSV) or reads bank statements (CAMT, MT940,
OFX) exactly as an upload would, and stores nothing. A PADneXt order file (*_auf.xml) given right
after its billing file is checked with it (length, SHA-1); a ZIP holding both is one delivery.
Exit 0: all accepted; 1: some records rejected; 2: a file rejected whole (or unreadable).

audit (against DATABASE_URL): seal the audit trail's new events into its hash chain, or verify the
chain from its start. Exit 0: sealed / intact; 1: the chain is broken (each break printed).

users add (against DATABASE_URL): a local user of the embedded login, e.g. the first administrator
(--role admin); the password is the first line of --password-file. Exit 0: created; 1: refused.`;

/** The command line: `claimflow check [--json] FILE…`; resolves to the exit code. */
export async function main(args: string[], out: (line: string) => void = console.log): Promise<number> {
  const [command, ...rest] = args;
  const json = rest.includes('--json');
  const files = rest.filter((a) => a !== '--json');
  if (command === 'users' && rest[0] === 'add') return usersCommand(rest.slice(1), out);
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
