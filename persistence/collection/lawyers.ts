import type { Db, Tx } from '../../infra/db/prisma';

export interface LawyerRow {
  id: string;
  name: string;
  iban: string;
  outboxFolder: string;
  doneFolder: string;
}

/** Creates or updates a lawyer; true when it was new. */
export async function upsertLawyer(db: Db | Tx, l: LawyerRow): Promise<boolean> {
  const existed = await db.lawyer.findUnique({ where: { id: l.id }, select: { id: true } });
  await db.lawyer.upsert({ where: { id: l.id }, create: l, update: l });
  return !existed;
}

/** The lawyer other than `id` that has this IBAN, if any. */
export function otherLawyerWithIban(db: Db | Tx, id: string, iban: string): Promise<LawyerRow | null> {
  return db.lawyer.findFirst({ where: { iban, id: { not: id } } });
}

export function allLawyers(db: Db): Promise<LawyerRow[]> {
  return db.lawyer.findMany({ orderBy: { id: 'asc' }, select: { id: true, name: true, iban: true, outboxFolder: true, doneFolder: true } });
}

export function lawyerById(db: Db | Tx, id: string): Promise<LawyerRow | null> {
  return db.lawyer.findUnique({ where: { id } });
}

/** The lawyers among these IBANs (electronic form, no spaces). */
export function lawyersByIban(tx: Tx, ibans: string[]): Promise<LawyerRow[]> {
  return tx.lawyer.findMany({ where: { iban: { in: ibans } } });
}
