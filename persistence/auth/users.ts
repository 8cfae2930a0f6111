import { randomUUID } from 'node:crypto';
import type { Db } from '../../infra/db/prisma';

export interface NewUser {
  name: string;
  passwordHash: string;
  roles: string[];
  partnerId?: string;
}

export function findUserByName(db: Db, name: string) {
  return db.user.findUnique({ where: { name } });
}

/** Creates the user, or returns null when the name is taken. */
export async function createUser(db: Db, u: NewUser) {
  const created = await db.user.createMany({ data: [{ id: randomUUID(), ...u }], skipDuplicates: true });
  return created.count === 1 ? db.user.findUniqueOrThrow({ where: { name: u.name } }) : null;
}

/** Counts a failed login in one statement (concurrent failures all count); locks when the count reaches `lockAfter`. */
export async function countFailedLogin(db: Db, id: string, lockAfter: number, lockedUntil: Date): Promise<void> {
  await db.$executeRaw`UPDATE "User" SET "failedLogins" = "failedLogins" + 1,
    "lockedUntil" = CASE WHEN "failedLogins" + 1 >= ${lockAfter} THEN ${lockedUntil} ELSE "lockedUntil" END WHERE id = ${id}`;
}

export async function resetFailedLogins(db: Db, id: string): Promise<void> {
  await db.user.update({ where: { id }, data: { failedLogins: 0, lockedUntil: null } });
}

export function listUsers(db: Db) {
  return db.user.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true, roles: true, partnerId: true, lockedUntil: true, disabledAt: true, createdAt: true } });
}
