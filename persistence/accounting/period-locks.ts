import type { Prisma } from '../../prisma/generated/client';
import { firstOpenDay, Period } from '../../domain/accounting/booking-date';
import { isoDayOf } from '../../domain/interest/calendar-day';

type Tx = Prisma.TransactionClient;

/**
 * One advisory lock orders bookings against exports: every booking transaction holds it shared
 * (bookings never wait for each other), an export holds it exclusively. So an export sees every
 * entry committed before it, and an entry booked after it sees the period locked; no entry can
 * slip into a period between its export and its lock.
 */
const PERIOD_LOCK = 0x0da7e5;

/**
 * Takes the booking side of the lock (shared, held to the end of the transaction). A transaction
 * that books takes it before its claim row locks (lockClaim, lockClaims): then it never waits for
 * the lock while holding a claim another booking waits for, and an export queued in between
 * cannot close a circle of waits.
 */
export async function holdBookingLock(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${PERIOD_LOCK}::bigint)`;
}

/** The day a booking made now is dated: today (UTC), or the first open day after the exported periods covering it. */
export async function openBookingDay(tx: Tx): Promise<string> {
  await holdBookingLock(tx);
  const today = isoDayOf(new Date());
  return firstOpenDay(today, await exportedPeriodsFrom(tx, today));
}

/** Waits until no booking is in flight and keeps new ones out until the caller's transaction ends. */
export async function lockPeriodsForExport(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PERIOD_LOCK}::bigint)`;
}

/** The exported periods that end on `day` or later. */
async function exportedPeriodsFrom(tx: Tx, day: string): Promise<Period[]> {
  const rows = await tx.$queryRaw<Period[]>`SELECT to_char("periodFrom", 'YYYY-MM-DD') AS "from", to_char("periodTo", 'YYYY-MM-DD') AS "to" FROM "DatevExport" WHERE "periodTo" >= ${day}::date`;
  return rows;
}
