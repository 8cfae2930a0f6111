import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { useHarness } from '../support/harness';
import { claimflowActivities } from '../../workers/claim-worker';
import { createOperationsService } from '../../services/operations/operations-service';
import { archiveName, backupToFolder, backupToSftp } from '../../services/operations/backup-service';
import { fetchFile } from '../../infra/sftp-folders';
import { uploadOnce, type SftpTarget } from '../../infra/sftp';
import { listArchives } from '../../infra/backup/sftp-archives';
import { restoreArchive, verifyArchive } from '../../services/operations/restore-service';
import { freshDatabase } from '../support/fresh-database';
import { ensureBackupSchedule } from '../../services/scheduling/backup-schedule';
import { main } from '../../cli/claimflow';

jest.setTimeout(240_000);

const h = useHarness();
const DAY = 86_400_000;

function folders() {
  const keys = fs.mkdtempSync(path.join(os.tmpdir(), 'cf-keys-'));
  const keyFile = path.join(keys, 'backup.key');
  fs.writeFileSync(keyFile, randomBytes(32).toString('base64'));
  return { keyFile, dir: fs.mkdtempSync(path.join(os.tmpdir(), 'cf-archives-')) };
}

test('the nightly backup runs as a workflow on the claims queue: an archive that opens with the key, in the folder', async () => {
  const { keyFile, dir } = folders();
  const operations = createOperationsService({ db: h.db, backup: { dir, keyFile, databaseUrl: process.env.DATABASE_URL!, externalDocuments: false } });
  await h.stopWorker();
  await h.startWorker({ ...claimflowActivities(h.services.services), nightlyBackup: () => operations.nightlyBackup(() => undefined) });
  const result = await h.temporal.workflow.execute('backupWorkflow', { workflowId: `backup-${randomUUID()}`, taskQueue: h.services.deps.queues.claims });
  expect(result).toMatchObject({ pruned: [] });
  expect(path.dirname(result.archive)).toBe(dir);
  expect(path.basename(result.archive)).toMatch(/^claimflow-\d{8}T\d{6}Z\.cfbackup$/);
  expect(fs.statSync(result.archive).size).toBe(result.bytes);
  const { manifest, end } = await verifyArchive(result.archive, { keyFile });
  expect(Object.values(end.tables).reduce((a, b) => a + b, 0)).toBe(result.rows);
  expect(manifest.documents).toBe('in the database');
  // Recorded, for the last-backup gauge of /metrics.
  const recorded = await h.db.auditEvent.findFirst({ where: { entityType: 'backup-archive', entityId: path.basename(result.archive) } });
  expect(recorded).toMatchObject({ action: 'backup', actor: 'nightly-backup', data: { rows: result.rows, bytes: result.bytes, pruned: 0 } });
  expect((await h.services.services.monitoring.figures()).lastBackupAt?.getTime()).toBeGreaterThanOrEqual(recorded!.at.getTime());

  // The Schedule: at the system policy's cron, on the claims queue.
  await ensureBackupSchedule(h.temporal, h.db, h.services.deps.queues.claims);
  const schedule = await h.temporal.schedule.getHandle('nightly-backup').describe();
  // `30 2 * * *` (UTC), as the server describes it.
  expect(schedule.spec.calendars?.[0]).toMatchObject({ hour: [{ start: 2, end: 2 }], minute: [{ start: 30, end: 30 }] });
  expect(schedule.action).toMatchObject({ type: 'startWorkflow', workflowType: 'backupWorkflow', taskQueue: h.services.deps.queues.claims });
});

test('retention: after a new archive, those of days beyond the policy are deleted; other files are left alone', async () => {
  const { keyFile, dir } = folders();
  const now = new Date();
  const older = Array.from({ length: 9 }, (_, i) => archiveName(new Date(now.getTime() - (i + 1) * DAY)));
  for (const name of [...older, 'notes.txt']) fs.writeFileSync(path.join(dir, name), 'old');
  const r = await backupToFolder({ keyFile, databaseUrl: process.env.DATABASE_URL!, externalDocuments: false }, dir, { daily: 3, weekly: 0, monthly: 0 }, () => undefined, now);
  expect([...r.pruned].sort()).toEqual(older.slice(2).sort());
  expect(fs.readdirSync(dir).sort()).toEqual([archiveName(now), older[0], older[1], 'notes.txt'].sort());
});

test('the command line: `claimflow backup` writes the archive and says what it holds; `claimflow restore` with another key is refused, exit 1', async () => {
  const { keyFile, dir } = folders();
  const archive = path.join(dir, 'cli.cfbackup');
  const out: string[] = [];
  expect(await main(['backup', '--out', archive, '--key-file', keyFile], (l) => out.push(l))).toBe(0);
  expect(out.at(-1)).toMatch(new RegExp(`^${archive.replace(/[.]/g, '\\.')}: \\d+ rows of \\d+ tables, ${fs.statSync(archive).size} bytes$`));
  const other = folders().keyFile;
  const refused: string[] = [];
  expect(await main(['restore', archive, '--key-file', other], (l) => refused.push(l))).toBe(1);
  expect(refused).toEqual([`verifying ${archive}`, 'claimflow restore: the backup key does not open this archive: wrong key (or the archive header is damaged)']);
  expect(await main(['backup'], (l) => refused.push(l))).toBe(2);
  expect(refused.at(-1)).toBe('claimflow: backup needs --out FILE');
});

test('onto an SFTP server: the archive streamed up (nothing left in staging), the server folder pruned by the retention', async () => {
  const { keyFile, dir } = folders();
  const target = JSON.parse(process.env.CF_TEST_SFTP!) as SftpTarget;
  const folder = `backups-${randomUUID().slice(0, 8)}`;
  const now = new Date();
  const older = Array.from({ length: 5 }, (_, i) => archiveName(new Date(now.getTime() - (i + 1) * DAY)));
  for (const name of older) await uploadOnce(target, `${folder}/${name}`, Buffer.from('old'));
  const r = await backupToSftp({ keyFile, databaseUrl: process.env.DATABASE_URL!, externalDocuments: false }, dir, { target, folder }, { daily: 3, weekly: 0, monthly: 0 }, () => undefined, now);
  expect([...r.pruned].sort()).toEqual(older.slice(2).sort());
  expect(await listArchives({ target, folder })).toEqual([older[1], older[0], archiveName(now)].sort());
  expect(fs.readdirSync(dir)).toEqual([]);
  const copy = path.join(dir, 'fetched.cfbackup');
  fs.writeFileSync(copy, await fetchFile(target, folder, archiveName(now)));
  expect(fs.statSync(copy).size).toBe(r.summary.bytes);
  expect((await verifyArchive(copy, { keyFile })).end.tables).toEqual(r.summary.tables);
});

test('the Temporal dev server\'s state file travels with the archive (sqlite3 online backup) and is written back on restore, never over an existing one without --force', async () => {
  const { keyFile, dir } = folders();
  const state = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cf-temporal-')), 'temporal.sqlite');
  execFileSync('sqlite3', [state, "CREATE TABLE executions (id TEXT); INSERT INTO executions VALUES ('claim-RE1'), ('claim-RE2');"]);
  const archive = path.join(dir, 'with-state.cfbackup');
  const out: string[] = [];
  expect(await main(['backup', '--out', archive, '--key-file', keyFile, '--temporal-db', state], (l) => out.push(l))).toBe(0);
  expect(out.at(-1)).toMatch(/rows of \d+ tables, the Temporal state, \d+ bytes$/);
  const { manifest, end } = await verifyArchive(archive, { keyFile });
  expect(manifest.files).toEqual(['temporal.sqlite']);
  expect(end.files['temporal.sqlite']).toBe(fs.statSync(state).size);
  const target = await freshDatabase();
  const restoredState = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cf-temporal-')), 'temporal.sqlite');
  fs.writeFileSync(restoredState, 'in use');
  await expect(restoreArchive(archive, { databaseUrl: target, force: false, keyFile, temporalDbFile: restoredState }, () => undefined)).rejects.toThrow(`the Temporal state file ${restoredState} exists: pass --force to replace it`);
  fs.rmSync(restoredState);
  await restoreArchive(archive, { databaseUrl: target, force: false, keyFile, temporalDbFile: restoredState }, () => undefined);
  expect(execFileSync('sqlite3', [restoredState, 'SELECT id FROM executions ORDER BY id'], { encoding: 'utf8' })).toBe('claim-RE1\nclaim-RE2\n');
});
