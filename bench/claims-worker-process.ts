import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Environment } from '../infra/environment';
import { stopChild } from '../infra/local/stop-child';
import type { TaskQueues } from '../contracts/task-queues';

/** The document services the parent resolved, as the worker process reads them. */
function documentEnv(env: Environment): Record<string, string> {
  const d = env.documents;
  return Object.fromEntries(
    Object.entries({ DOCUMENT_ENCRYPTION_KEY: d.encryptionKeys, DMS_URL: d.dmsUrl, FAX_URL: d.faxUrl, PRINT_DROP_DIR: d.printDropDir }).filter((e): e is [string, string] => e[1] !== undefined),
  );
}

/**
 * Runs workers/main.ts with WORKER_ROLE=claims in a child process under `nice`, connected to the
 * same services. Resolves once the worker reports it is running.
 */
export async function startClaimsWorkerProcess(env: Environment, dataDir: string, queues: TaskQueues): Promise<{ pid: number; stop(): Promise<void> }> {
  const keyFile = path.join(dataDir, 'sftp-client-key');
  fs.writeFileSync(keyFile, env.collectionSftp.privateKey ?? '', { mode: 0o600 });
  const s = env.collectionSftp;
  const repo = path.resolve(__dirname, '..');
  const child = spawn('nice', ['-n', '10', path.join(repo, 'node_modules/.bin/tsx'), path.join(repo, 'workers/main.ts')], {
    env: {
      ...process.env,
      WORKER_ROLE: 'claims',
      WORKER_MAX_WORKFLOW_TASKS: process.env.WORKER_MAX_WORKFLOW_TASKS ?? '5',
      WORKER_MAX_LOCAL_ACTIVITIES: process.env.WORKER_MAX_LOCAL_ACTIVITIES ?? '10',
      WORKER_MAX_ACTIVITIES: process.env.WORKER_MAX_ACTIVITIES ?? '10',
      TASK_QUEUE_BASE: queues.claims.replace(/-claims$/, ''),
      DATABASE_URL: env.databaseUrl,
      TEMPORAL_ADDRESS: env.temporalAddress,
      SMTP_URL: env.smtpUrl,
      SFTP_URL: `sftp://${encodeURIComponent(s.username)}@${s.host}:${s.port}${s.baseDir}`,
      SFTP_KEY_FILE: keyFile,
      ...documentEnv(env),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`claims worker exited with ${code}`)));
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('worker running')) resolve();
    });
  });
  return {
    pid: child.pid!,
    stop: () => {
      child.removeAllListeners('exit');
      return stopChild(child);
    },
  };
}
