import { execFileSync } from 'node:child_process';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '../..');

/** Applies the committed migrations (prisma migrate deploy) to the database at `url`. */
export function migrate(url: string): void {
  execFileSync(path.join(REPO_ROOT, 'node_modules/.bin/prisma'), ['migrate', 'deploy'], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}
