import { Prisma } from '../prisma/generated/client';

type Tx = Prisma.TransactionClient;

/** PostgreSQL column types bulkInsert can bind; enums, jsonb, timestamps and dates (ISO days) travel as text and are cast. */
export type ColumnType = 'text' | 'int4' | 'int8' | 'numeric' | 'jsonb' | 'bool' | 'timestamp' | 'date' | { enum: string };

/**
 * Inserts many rows in one statement: one array parameter per column, `unnest`ed into rows.
 * Measured on 1,000 rows: 25 ms, against 180 ms for Prisma's createMany, which dominated intake.
 * Values must already be plain (strings, numbers, null; jsonb as objects).
 */
export async function bulkInsert(tx: Tx, table: string, columns: Record<string, ColumnType>, rows: Array<Record<string, unknown>>): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw(insertStatement(table, columns, rows));
}

/**
 * Like bulkInsert, but rows whose `uniqueColumn` value exists already are skipped (ON CONFLICT DO
 * NOTHING: race-free, no read before the write). Returns the ids of the rows inserted.
 */
export async function bulkInsertNew(tx: Tx, table: string, columns: Record<string, ColumnType>, rows: Array<Record<string, unknown>>, uniqueColumn: string): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted = await tx.$queryRaw<Array<{ id: string }>>`${insertStatement(table, columns, rows)} ON CONFLICT (${Prisma.raw(`"${uniqueColumn}"`)}) DO NOTHING RETURNING id`;
  return new Set(inserted.map((r) => r.id));
}

function insertStatement(table: string, columns: Record<string, ColumnType>, rows: Array<Record<string, unknown>>): Prisma.Sql {
  const names = Object.keys(columns);
  const params = names.map((name) => {
    const type = columns[name];
    const values = rows.map((r) => {
      const v = r[name];
      if (v === undefined || v === null) return null;
      return type === 'jsonb' ? JSON.stringify(v) : v instanceof Date ? v.toISOString() : v;
    });
    const arrayType = typeof type === 'object' || type === 'jsonb' || type === 'timestamp' || type === 'date' ? 'text' : type;
    return Prisma.sql`${values}::${Prisma.raw(arrayType)}[]`;
  });
  const select = names.map((name, i) => {
    const type = columns[name];
    const cast = typeof type === 'object' ? `::"${type.enum}"` : type === 'jsonb' ? '::jsonb' : type === 'timestamp' ? '::timestamp(3)' : type === 'date' ? '::date' : '';
    return `c${i}${cast}`;
  });
  return Prisma.sql`INSERT INTO ${Prisma.raw(`"${table}"`)} (${Prisma.raw(names.map((n) => `"${n}"`).join(', '))})
    SELECT ${Prisma.raw(select.join(', '))} FROM unnest(${Prisma.join(params)}) AS t(${Prisma.raw(names.map((_, i) => `c${i}`).join(', '))})`;
}
