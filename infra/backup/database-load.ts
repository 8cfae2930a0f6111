import { Client } from 'pg';
import { ident, type ArchiveLine, type Manifest } from './archive-lines';
import { BackupArchiveError } from './archive-cipher';
import { appliedMigrations, dataTables } from './database-dump';
import { seededTables } from './migration-seeds';

/** Tables that hold rows (the migrations' reference data apart): none in an empty database. */
export async function tablesWithData(pg: Client): Promise<string[]> {
  const seeded = seededTables();
  const full: string[] = [];
  for (const t of await dataTables(pg)) if (!seeded.includes(t) && (await pg.query(`SELECT 1 FROM ${ident(t)} LIMIT 1`)).rowCount) full.push(t);
  return full;
}

/** Tables in an order where each comes after those its foreign keys reference. */
async function referenceOrder(pg: Client, tables: string[]): Promise<string[]> {
  const { rows } = await pg.query<{ child: string; parent: string }>(`
    SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE k.contype = 'f' AND n.nspname = 'public' AND c.relname <> p.relname`);
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const place = (t: string) => {
    if (placed.has(t)) return;
    if (visiting.has(t)) throw new Error(`the foreign keys of table ${t} form a cycle: restore cannot order it`);
    visiting.add(t);
    for (const r of rows) if (r.child === t) place(r.parent);
    visiting.delete(t);
    placed.add(t);
    if (tables.includes(t)) ordered.push(t);
  };
  tables.forEach(place);
  return ordered;
}

/** The columns an INSERT may write (generated columns are computed again), and whether identities are overridden. */
async function insertableColumns(pg: Client, table: string): Promise<{ columns: string[]; overriding: boolean }> {
  const { rows } = await pg.query<{ column_name: string; is_generated: string; identity_generation: string | null }>(
    `SELECT column_name, is_generated, identity_generation FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return { columns: rows.filter((r) => r.is_generated !== 'ALWAYS').map((r) => r.column_name), overriding: rows.some((r) => r.identity_generation === 'ALWAYS') };
}

export interface LoadResult {
  tables: Record<string, number>;
  sequences: number;
}

/**
 * Loads an archive's lines into an empty, migrated database in one transaction: nothing is left
 * half-restored. Rows are staged per table, then inserted in foreign-key order, each table in one
 * statement (the ledger's balance trigger sees every posting of a transaction at once); sequences
 * are set to where they were; the row counts are checked against the archive's end record.
 * `onFile` receives the pieces of the files the archive holds beside the database.
 */
export async function loadDatabase(databaseUrl: string, lines: AsyncIterable<ArchiveLine>, opts: { onManifest(m: Manifest): void; onFile(name: string, data: Buffer): void; progress(line: string): void }): Promise<LoadResult> {
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  try {
    await pg.query('BEGIN');
    let manifest: Manifest | undefined;
    let end: Extract<ArchiveLine, { kind: 'end' }> | undefined;
    const stage = new Map<string, string>();
    const sequences: Array<{ name: string; lastValue: string | null }> = [];
    for await (const line of lines) {
      if (!manifest) {
        if (line.kind !== 'manifest') throw new BackupArchiveError('the archive does not begin with its manifest');
        manifest = line;
        await checkTarget(pg, manifest);
        opts.onManifest(manifest);
        for (const [i, t] of Object.keys(manifest.tables).entries()) {
          stage.set(t, `cf_restore_${i}`);
          await pg.query(`CREATE TEMP TABLE cf_restore_${i} (j json) ON COMMIT DROP`);
        }
      } else if (line.kind === 'rows') {
        const s = stage.get(line.table);
        if (!s) throw new BackupArchiveError(`the archive holds rows of table ${line.table}, which its manifest does not name`);
        await pg.query(`INSERT INTO ${s} (j) SELECT value FROM json_array_elements($1::json)`, [JSON.stringify(line.rows)]);
      } else if (line.kind === 'sequence') sequences.push(line);
      else if (line.kind === 'file') opts.onFile(line.name, Buffer.from(line.data, 'base64'));
      else if (line.kind === 'end') end = line;
    }
    if (!manifest || !end) throw new BackupArchiveError('the archive ends before its end record: it is incomplete');
    // The migrations' reference rows give way to the archive's (children first: nothing references them yet).
    const order = await referenceOrder(pg, Object.keys(manifest.tables));
    for (const table of [...order].reverse()) if (seededTables().includes(table)) await pg.query(`DELETE FROM ${ident(table)}`);
    const tables: Record<string, number> = {};
    for (const table of order) {
      const { columns, overriding } = await insertableColumns(pg, table);
      const list = columns.map(ident).join(', ');
      const r = await pg.query(
        `INSERT INTO ${ident(table)} (${list}) ${overriding ? 'OVERRIDING SYSTEM VALUE ' : ''}SELECT ${columns.map((c) => `r.${ident(c)}`).join(', ')} FROM ${stage.get(table)} s, json_populate_record(NULL::${ident(table)}, s.j) r`,
      );
      tables[table] = r.rowCount ?? 0;
      if (tables[table] !== end.tables[table]) throw new BackupArchiveError(`table ${table}: the archive holds ${tables[table]} rows, its end record ${end.tables[table]}`);
      opts.progress(`restored ${table}: ${tables[table]} rows`);
    }
    for (const s of sequences) if (s.lastValue !== null) await pg.query(`SELECT setval($1::regclass, $2::bigint, true)`, [ident(s.name), s.lastValue]);
    await pg.query('COMMIT');
    return { tables, sequences: sequences.length };
  } catch (e) {
    await pg.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await pg.end();
  }
}

/** The target holds the same migrations as the archive and no data. */
async function checkTarget(pg: Client, m: Manifest): Promise<void> {
  const have = await appliedMigrations(pg);
  const missing = m.migrations.filter((x) => !have.includes(x));
  const extra = have.filter((x) => !m.migrations.includes(x));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(
      `the archive was written at another database version: ${missing.length ? `it has migrations this claimflow lacks (${missing.join(', ')})` : ''}${missing.length && extra.length ? '; ' : ''}${extra.length ? `this claimflow has migrations the archive lacks (${extra.join(', ')})` : ''}. Restore with the claimflow version that wrote it, then upgrade`,
    );
  }
  const full = await tablesWithData(pg);
  if (full.length > 0) throw new Error(`the database holds data (tables ${full.slice(0, 5).join(', ')}${full.length > 5 ? ', …' : ''}): restore only into an empty database, or pass --force to replace it`);
}
