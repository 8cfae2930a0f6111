import type { Db, Tx } from '../../infra/db/prisma';

export interface FactorRow {
  id: string;
  name: string;
  inboxFolder: string;
  outboxFolder: string;
  doneFolder: string;
  active: boolean;
}

const columns = { id: true, name: true, inboxFolder: true, outboxFolder: true, doneFolder: true, active: true } as const;

/** Creates or updates a factor; true when it was new. */
export async function upsertFactor(db: Db | Tx, f: FactorRow): Promise<boolean> {
  const existed = await db.factor.findUnique({ where: { id: f.id }, select: { id: true } });
  await db.factor.upsert({ where: { id: f.id }, create: f, update: f });
  return !existed;
}

export function allFactors(db: Db): Promise<FactorRow[]> {
  return db.factor.findMany({ orderBy: { id: 'asc' }, select: columns });
}

export function factorById(db: Db | Tx, id: string): Promise<FactorRow | null> {
  return db.factor.findUnique({ where: { id }, select: columns });
}
