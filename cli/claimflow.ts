import { checkFile, describe, exitOf, type CheckExit } from './check-command';

const USAGE = `usage: claimflow check [--json] FILE [FILE…]

Parses, validates and prices billing files (PADneXt, CSV) or reads bank statements (CAMT, MT940,
OFX) exactly as an upload would, and stores nothing. Exit 0: all accepted; 1: some records
rejected; 2: a file rejected whole (or unreadable).`;

/** The command line: `claimflow check [--json] FILE…`; returns the exit code. */
export function main(args: string[], out: (line: string) => void = console.log): number {
  const [command, ...rest] = args;
  const json = rest.includes('--json');
  const files = rest.filter((a) => a !== '--json');
  if (command !== 'check' || files.length === 0 || files.some((f) => f.startsWith('--'))) {
    out(USAGE);
    return 2;
  }
  const checks = files.map((f) => {
    try {
      return checkFile(f);
    } catch (e) {
      return { file: f, kind: 'unreadable' as const, error: { location: 'file', reason: (e as Error).message } };
    }
  });
  if (json) out(JSON.stringify(checks.length === 1 ? checks[0] : checks));
  else for (const c of checks) for (const line of c.kind === 'unreadable' ? [`${c.file}: cannot be read: ${c.error.reason}`] : describe(c)) out(line);
  return Math.max(...checks.map((c): CheckExit => (c.kind === 'unreadable' ? 2 : exitOf(c))));
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
