import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { PassThrough, Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { Client } from 'pg';
import { migrate } from '../db/migrate';
import { decryptArchive, encryptArchive, type BackupKey } from './archive-cipher';
import type { ArchiveLine, Manifest } from './archive-lines';
import { openSnapshot } from './database-dump';
import { loadDatabase, tablesWithData } from './database-load';

const FILE_PIECE = 3 << 18;

export interface BackupSource {
  databaseUrl: string;
  /** The local Temporal dev server's SQLite file, when it has one. */
  temporalDbFile?: string;
  /** Documents live in an external DMS: the archive cannot hold them. */
  externalDocuments: boolean;
}

export interface BackupSummary {
  tables: Record<string, number>;
  files: Record<string, number>;
  bytes: number;
}

/** Prints at most one progress line a second (and the last one). */
function throttled(progress: (line: string) => void): (line: string, force?: boolean) => void {
  let last = 0;
  return (line, force = false) => {
    if (!force && Date.now() - last < 1000) return;
    last = Date.now();
    progress(line);
  };
}

/**
 * Writes one encrypted archive to `out`: a consistent snapshot of the database (documents of the
 * built-in store are rows of it) and the Temporal dev server's state file, as gzipped JSON lines.
 */
export async function writeBackupArchive(source: BackupSource, key: BackupKey, out: Writable, progress: (line: string) => void): Promise<BackupSummary> {
  const say = throttled(progress);
  const temporalCopy = source.temporalDbFile ? snapshotSqlite(source.temporalDbFile) : undefined;
  const snapshot = await openSnapshot(source.databaseUrl);
  let bytes = 0;
  const counted = new PassThrough();
  counted.on('data', (b: Buffer) => (bytes += b.length));
  const files: Record<string, number> = {};
  try {
    const total = Object.values(snapshot.tables).reduce((a, b) => a + b, 0);
    progress(`backing up ${Object.keys(snapshot.tables).length} tables, ${total} rows${temporalCopy ? ', and the Temporal state' : ''}`);
    let before = 0;
    let current = '';
    async function* lines(): AsyncGenerator<string> {
      const manifest: Manifest = {
        kind: 'manifest',
        format: 1,
        createdAt: new Date().toISOString(),
        migrations: snapshot.migrations,
        tables: snapshot.tables,
        documents: source.externalDocuments ? 'external DMS, not in this archive' : 'in the database',
        files: temporalCopy ? ['temporal.sqlite'] : [],
      };
      yield JSON.stringify(manifest) + '\n';
      for await (const batch of snapshot.rows((table, done) => {
        if (table !== current) (before += current ? snapshot.tables[current] : 0), (current = table);
        say(`  ${before + done}/${total} rows (${table}), ${(bytes / 1e6).toFixed(1)} MB written`);
      })) {
        yield `{"kind":"rows","table":${JSON.stringify(batch.table)},"rows":[${batch.rows.join(',')}]}\n`;
      }
      for (const s of await snapshot.sequences()) yield JSON.stringify({ kind: 'sequence', ...s }) + '\n';
      if (temporalCopy) {
        const data = fs.readFileSync(temporalCopy.file);
        files['temporal.sqlite'] = data.length;
        for (let at = 0; at < data.length; at += FILE_PIECE) yield JSON.stringify({ kind: 'file', name: 'temporal.sqlite', data: data.subarray(at, at + FILE_PIECE).toString('base64') }) + '\n';
      }
      yield JSON.stringify({ kind: 'end', tables: snapshot.tables, files }) + '\n';
    }
    await pipeline(Readable.from(lines()), createGzip(), encryptArchive(key), counted, out);
    say(`backup written: ${total} rows, ${(bytes / 1e6).toFixed(1)} MB`, true);
    return { tables: snapshot.tables, files, bytes };
  } finally {
    await snapshot.close();
    temporalCopy?.remove();
  }
}

/**
 * A consistent copy of a SQLite file in use (sqlite3's online backup), or a plain copy where the
 * sqlite3 tool is missing (then consistent only while the dev server is stopped).
 */
function snapshotSqlite(file: string): { file: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimflow-backup-'));
  const copy = path.join(dir, 'temporal.sqlite');
  try {
    execFileSync('sqlite3', [file, `.backup '${copy.replace(/'/g, "''")}'`], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`the Temporal state file ${file} cannot be copied: ${(e as Error).message}`);
    fs.copyFileSync(file, copy);
  }
  return { file: copy, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The archive's lines, decrypted and authenticated chunk by chunk. */
export async function* archiveLines(archive: string, key: BackupKey): AsyncGenerator<ArchiveLine> {
  const plain = fs.createReadStream(archive).pipe(decryptArchive(key));
  const text = plain.pipe(createGunzip());
  // An error of the decryption (wrong key, damage) ends the line reader with that error.
  plain.on('error', (e) => text.destroy(e));
  for await (const line of readline.createInterface({ input: text, crlfDelay: Infinity })) if (line) yield JSON.parse(line) as ArchiveLine;
}

/** Reads the whole archive once: every chunk authenticated, the end record present. */
export async function verifyBackupArchive(archive: string, key: BackupKey): Promise<{ manifest: Manifest; end: Extract<ArchiveLine, { kind: 'end' }> }> {
  let manifest: Manifest | undefined;
  let end: Extract<ArchiveLine, { kind: 'end' }> | undefined;
  for await (const line of archiveLines(archive, key)) {
    if (line.kind === 'manifest') manifest = line;
    if (line.kind === 'end') end = line;
  }
  if (!manifest || !end) throw new Error(`${archive}: the archive is incomplete (no ${manifest ? 'end record' : 'manifest'})`);
  return { manifest, end };
}

export interface RestoreTarget {
  databaseUrl: string;
  /** Where the Temporal dev server's state file is written back, when the archive holds one. */
  temporalDbFile?: string;
  /** Replace a database (and state file) that holds data. */
  force: boolean;
}

/**
 * Restores an archive: first reads it whole (a wrong key or a damaged archive is refused before
 * the database is touched), then migrates the target and loads it in one transaction. A target
 * holding data is refused unless `force`, which drops its schema first.
 */
export async function restoreBackupArchive(archive: string, key: BackupKey, target: RestoreTarget, progress: (line: string) => void): Promise<{ manifest: Manifest; tables: Record<string, number> }> {
  progress(`verifying ${archive}`);
  const { manifest } = await verifyBackupArchive(archive, key);
  const full = await withClient(target.databaseUrl, tablesWithData);
  if (full.length > 0 && !target.force) throw new Error(`the database holds data (tables ${full.slice(0, 5).join(', ')}${full.length > 5 ? ', …' : ''}): restore only into an empty database, or pass --force to replace it`);
  const stateFile = manifest.files.includes('temporal.sqlite') ? target.temporalDbFile : undefined;
  if (stateFile && fs.existsSync(stateFile) && !target.force) throw new Error(`the Temporal state file ${stateFile} exists: pass --force to replace it`);
  if (full.length > 0) {
    progress('dropping the database schema (--force)');
    await withClient(target.databaseUrl, (pg) => pg.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public'));
  }
  progress('applying database migrations');
  migrate(target.databaseUrl);
  const pieces: Buffer[] = [];
  const result = await loadDatabase(target.databaseUrl, archiveLines(archive, key), {
    onManifest: (m) => progress(`archive of ${m.createdAt}: ${Object.values(m.tables).reduce((a, b) => a + b, 0)} rows in ${Object.keys(m.tables).length} tables; documents ${m.documents}`),
    onFile: (name, data) => name === 'temporal.sqlite' && pieces.push(data),
    progress,
  });
  if (stateFile) {
    fs.mkdirSync(path.dirname(stateFile), { recursive: true });
    fs.writeFileSync(stateFile, Buffer.concat(pieces));
    progress(`Temporal state written to ${stateFile}`);
  }
  return { manifest, tables: result.tables };
}

async function withClient<T>(url: string, use: (pg: Client) => Promise<T>): Promise<T> {
  const pg = new Client({ connectionString: url });
  await pg.connect();
  try {
    return await use(pg);
  } finally {
    await pg.end();
  }
}
