import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SEARCH_ATTRIBUTE_TYPES } from '../../contracts/search-attributes';
import { waitForPort } from './free-port';
import { stopChild } from './stop-child';
import type { LocalService } from './postgres';

const REPO_ROOT = path.resolve(__dirname, '../..');

/** Path of the Temporal CLI, built once by scripts/ensure-temporal-cli.sh when missing. */
export function temporalCliPath(): string {
  return execFileSync(path.join(REPO_ROOT, 'scripts/ensure-temporal-cli.sh'), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

/**
 * A real Temporal server (`temporal server start-dev`: the full server on SQLite plus the Web UI)
 * with claimflow's search attributes registered. dbFile undefined = in memory (tests).
 */
export async function startTemporalDevServer(opts: { port: number; uiPort?: number; dbFile?: string; logFile: string }): Promise<LocalService & { uiUrl?: string }> {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(opts.port), '--log-level', 'warn'];
  if (opts.uiPort) args.push('--ui-port', String(opts.uiPort), '--ui-ip', '127.0.0.1');
  else args.push('--headless');
  if (opts.dbFile) {
    fs.mkdirSync(path.dirname(opts.dbFile), { recursive: true });
    args.push('--db-filename', opts.dbFile);
  }
  for (const [name, type] of Object.entries(SEARCH_ATTRIBUTE_TYPES)) args.push('--search-attribute', `${name}=${type}`);
  fs.mkdirSync(path.dirname(opts.logFile), { recursive: true });
  const log = fs.openSync(opts.logFile, 'a');
  const child = spawn(temporalCliPath(), args, { stdio: ['ignore', log, log], detached: false });
  try {
    await waitForPort(opts.port, 60_000);
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`Temporal dev server did not start (see ${opts.logFile}): ${(e as Error).message}`);
  }
  return {
    url: `127.0.0.1:${opts.port}`,
    uiUrl: opts.uiPort ? `http://localhost:${opts.uiPort}` : undefined,
    stop: () => stopChild(child),
  };
}
