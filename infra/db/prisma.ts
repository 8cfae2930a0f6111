import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../prisma/generated/client';

export type Db = PrismaClient;

/** A Prisma client on the engine-free driver adapter (pg). One per process. */
export function createDb(url = process.env.DATABASE_URL, poolSize = 10): Db {
  if (!url) throw new Error('DATABASE_URL is not set');
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolSize }) });
}
