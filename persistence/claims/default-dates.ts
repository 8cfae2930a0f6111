import type { Db } from '../../infra/db/prisma';

/** What decides when a claim's default begins: the invoice's date and whether a business pays it. */
export async function defaultDates(db: Db, claimId: string) {
  const c = await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { clientId: true, invoiceDate: true, responsible: { select: { business: true } } } });
  return { clientId: c.clientId, invoiceDate: c.invoiceDate, business: c.responsible.business };
}

/** Sets the day default began unless an earlier one is recorded (a retry or a migrated claim's date stays). */
export async function moveDefaultSince(db: Db, claimId: string, day: string): Promise<void> {
  await db.$executeRaw`UPDATE "Claim" SET "defaultSince" = LEAST(COALESCE("defaultSince", ${day}::date), ${day}::date) WHERE id = ${claimId}`;
}
