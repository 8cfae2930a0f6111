import type { Db, Tx } from '../../infra/db/prisma';

export interface LawyerRow {
  id: string;
  name: string;
  iban: string;
  outboxFolder: string;
  doneFolder: string;
}

/** Creates or updates a lawyer (set-up, tests). */
export async function upsertLawyer(db: Db, l: LawyerRow): Promise<void> {
  await db.lawyer.upsert({ where: { id: l.id }, create: l, update: l });
}

export function allLawyers(db: Db): Promise<LawyerRow[]> {
  return db.lawyer.findMany({ orderBy: { id: 'asc' } });
}

export function lawyerById(db: Db | Tx, id: string): Promise<LawyerRow | null> {
  return db.lawyer.findUnique({ where: { id } });
}

/** The lawyers among these IBANs (electronic form, no spaces). */
export function lawyersByIban(tx: Tx, ibans: string[]): Promise<LawyerRow[]> {
  return tx.lawyer.findMany({ where: { iban: { in: ibans } } });
}
