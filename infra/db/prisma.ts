import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from '../../prisma/generated/client';


/**
 * A Prisma client on the engine-free driver adapter (pg). One per process. File contents (megabytes)
 * are never part of a row it returns: the driver would decode them byte by byte for nothing; they
 * are read and written as base64 (persistence/intake/submission-content.ts, persistence/bank/statement-files.ts).
 */
export function createDb(url = process.env.DATABASE_URL, poolSize = 10) {
  if (!url) throw new Error('DATABASE_URL is not set');
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolSize }), omit: { submission: { content: true }, bankStatementFile: { content: true } } });
}

export type Db = ReturnType<typeof createDb>;

/** The client inside a transaction (`db.$transaction(async (tx) => …)`), for functions that join the caller's. */
export type Tx = Prisma.TransactionClient;
