import type { Db } from '../../infra/db/prisma';

/** The installation's secret under `id`: the stored one, or `fresh` stored now (the first process to store it wins). */
export async function installationSecret(db: Db, id: string, fresh: () => string): Promise<string> {
  await db.installationSecret.createMany({ data: [{ id, secret: fresh() }], skipDuplicates: true });
  return (await db.installationSecret.findUniqueOrThrow({ where: { id } })).secret;
}
