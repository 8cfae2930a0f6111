import { Client } from 'pg';
import { ident } from './archive-lines';

const FETCH_ROWS = 200;

/** Migrations applied to the database, by name (Prisma's table). */
export async function appliedMigrations(pg: Client): Promise<string[]> {
  const { rows } = await pg.query<{ migration_name: string }>(
    `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.migration_name);
}

/** claimflow's tables (every table of the public schema but Prisma's migration log). */
export async function dataTables(pg: Client): Promise<string[]> {
  const { rows } = await pg.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`);
  return rows.map((r) => r.tablename);
}

export interface DatabaseSnapshot {
  migrations: string[];
  /** Rows per table in the snapshot. */
  tables: Record<string, number>;
  /** The rows of each table as JSON text (row_to_json), in batches. */
  rows(onBatch: (table: string, done: number) => void): AsyncGenerator<{ table: string; rows: string[] }>;
  sequences(): Promise<Array<{ name: string; lastValue: string | null }>>;
  close(): Promise<void>;
}

/**
 * Opens a consistent snapshot of the database (one REPEATABLE READ, READ ONLY transaction: every
 * table as of the same moment, while the worker and the API keep writing). Rows are read through a
 * cursor, so a table of any size streams.
 */
export async function openSnapshot(databaseUrl: string): Promise<DatabaseSnapshot> {
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  try {
    await pg.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const migrations = await appliedMigrations(pg);
    const tables: Record<string, number> = {};
    for (const t of await dataTables(pg)) tables[t] = Number((await pg.query<{ n: string }>(`SELECT count(*) AS n FROM ${ident(t)}`)).rows[0].n);
    return {
      migrations,
      tables,
      async *rows(onBatch) {
        for (const table of Object.keys(tables)) {
          await pg.query(`DECLARE dump_cursor NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${ident(table)} t`);
          let done = 0;
          for (;;) {
            const { rows } = await pg.query<{ j: string }>(`FETCH ${FETCH_ROWS} FROM dump_cursor`);
            if (rows.length === 0) break;
            done += rows.length;
            yield { table, rows: rows.map((r) => r.j) };
            onBatch(table, done);
          }
          await pg.query('CLOSE dump_cursor');
        }
      },
      async sequences() {
        const { rows } = await pg.query<{ sequencename: string; last_value: string | null }>(`SELECT sequencename, last_value::text FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`);
        return rows.map((r) => ({ name: r.sequencename, lastValue: r.last_value }));
      },
      async close() {
        await pg.query('COMMIT').catch(() => undefined);
        await pg.end();
      },
    };
  } catch (e) {
    await pg.end();
    throw e;
  }
}
