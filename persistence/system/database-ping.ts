import type { Db } from '../../infra/db/prisma';

/** Answers when the database does. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}
