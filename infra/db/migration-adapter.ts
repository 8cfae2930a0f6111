import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';

/**
 * Pool settings from a postgres:// URL as separate fields: Prisma's migration engine overrides
 * `database` for its shadow database, which a connectionString would silently win over.
 */
export function poolConfigFromUrl(url: string): pg.PoolConfig {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.replace(/^\//, '')),
  };
}

const PG_TYPE_NAME = 19;
const PG_TYPE_TEXT = 25;

type QueryResultLike = { fields?: Array<{ dataTypeID: number }> } | undefined;

function nameFieldsAsText(result: QueryResultLike | QueryResultLike[]): void {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const f of r?.fields ?? []) if (f.dataTypeID === PG_TYPE_NAME) f.dataTypeID = PG_TYPE_TEXT;
  }
}

/**
 * Works around prisma/orm#27403: the Wasm schema engine cannot deserialise Postgres `name`
 * columns, so report them as `text`. pg.Pool calls query() with a callback, direct use awaits
 * the promise: both forms are patched.
 */
export class NameAsTextClient extends pg.Client {
  override query(...args: unknown[]): any {
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      const callback = last as (err: unknown, res: QueryResultLike) => void;
      args[args.length - 1] = (err: unknown, res: QueryResultLike) => {
        if (!err) nameFieldsAsText(res);
        callback(err, res);
      };
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const maybePromise = (super.query as (...a: unknown[]) => unknown)(...args);
    if (maybePromise && typeof (maybePromise as Promise<unknown>).then === 'function') {
      return (maybePromise as Promise<QueryResultLike>).then((res) => {
        nameFieldsAsText(res);
        return res;
      });
    }
    return maybePromise;
  }
}

type ScriptAdapter = { executeScript(script: string): Promise<void>; client: pg.Pool; onError(e: unknown): never };

/**
 * The adapter Prisma's migration engine uses. adapter-pg 6.19 splits a migration script on every
 * `;`, which breaks function bodies (triggers in the init migration); PostgreSQL's simple query
 * protocol runs a whole multi-statement script itself, atomically.
 */
export class MigrationPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const a = adapter as unknown as ScriptAdapter;
    a.executeScript = async (script: string) => {
      try {
        await a.client.query(script);
      } catch (error) {
        a.onError(error);
      }
    };
    return adapter;
  }
}
