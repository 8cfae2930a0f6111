import { taskQueues } from '../contracts/task-queues';
import { backupToFile } from '../services/operations/backup-service';
import { reconcileWith } from '../services/operations/reconcile-claims';
import { restoreArchive } from '../services/operations/restore-service';

/** `--name value` options and the positional arguments of a command line. */
export function options(args: string[]): { flags: Map<string, string | true>; positional: string[] } {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) positional.push(a);
    else if (a === '--force' || a === '--json') flags.set(a, true);
    else flags.set(a, args[++i] ?? '');
  }
  return { flags, positional };
}

const str = (v: string | true | undefined) => (typeof v === 'string' && v ? v : undefined);

/** The documents live in the database unless an external DMS is configured. */
const source = (flags: Map<string, string | true>) => ({
  databaseUrl: process.env.DATABASE_URL ?? '',
  temporalDbFile: str(flags.get('--temporal-db')) ?? process.env.TEMPORAL_DB_FILE,
  externalDocuments: Boolean(process.env.DMS_URL),
  keyFile: str(flags.get('--key-file')),
});

/** `claimflow backup --out FILE [--key-file FILE] [--temporal-db FILE]`: one encrypted archive. */
export async function backupCommand(args: string[], out: (line: string) => void): Promise<number> {
  const { flags } = options(args);
  const file = str(flags.get('--out'));
  if (!file || !process.env.DATABASE_URL) return usage(out, file ? 'DATABASE_URL is not set' : 'backup needs --out FILE');
  const s = await backupToFile(source(flags), file, out);
  out(`${file}: ${Object.values(s.tables).reduce((a, b) => a + b, 0)} rows of ${Object.keys(s.tables).length} tables${s.files['temporal.sqlite'] ? ', the Temporal state' : ''}, ${s.bytes} bytes`);
  return 0;
}

/** `claimflow restore ARCHIVE [--force] [--key-file FILE] [--temporal-db FILE]`. */
export async function restoreCommand(args: string[], out: (line: string) => void): Promise<number> {
  const { flags, positional } = options(args);
  if (positional.length !== 1 || !process.env.DATABASE_URL) return usage(out, positional.length === 1 ? 'DATABASE_URL is not set' : 'restore needs one ARCHIVE');
  const r = await restoreArchive(positional[0], { ...source(flags), force: flags.has('--force') }, out);
  out(`restored ${Object.values(r.tables).reduce((a, b) => a + b, 0)} rows of ${Object.keys(r.tables).length} tables from the archive of ${r.manifest.createdAt}; run \`claimflow reconcile\` next`);
  return 0;
}

/** `claimflow reconcile [--json]`: restarts the workflows of open claims the Temporal server lacks. */
export async function reconcileCommand(args: string[], out: (line: string) => void): Promise<number> {
  const { flags } = options(args);
  const r = await reconcileWith({ databaseUrl: process.env.DATABASE_URL, temporalAddress: process.env.TEMPORAL_ADDRESS, queues: taskQueues() }, flags.has('--json') ? () => undefined : out);
  if (flags.has('--json')) out(JSON.stringify({ open: r.open, running: r.running, restarted: r.restarted.length, completedInTemporal: r.completedInTemporal }));
  else {
    out(`${r.open} open claims: ${r.running} running, ${r.restarted.length} restarted, ${r.completedInTemporal.length} completed in Temporal but open in the database`);
    for (const id of r.completedInTemporal) out(`  ${id}: its workflow completed; the database shows it open (look at it)`);
  }
  return 0;
}

function usage(out: (line: string) => void, why: string): number {
  out(`claimflow: ${why}`);
  return 2;
}
