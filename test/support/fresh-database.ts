import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/** A new, empty database on the test server (DATABASE_URL's); its URL. */
export async function freshDatabase(): Promise<string> {
  const name = `restore_${randomUUID().slice(0, 8)}`;
  const pg = new Client({ connectionString: process.env.DATABASE_URL });
  await pg.connect();
  await pg.query(`CREATE DATABASE ${name}`);
  await pg.end();
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}
