import { sha256Hex } from '../sha256';

/** The chain's start: the "previous hash" of the first seal. */
export const GENESIS_HASH = '0'.repeat(64);

/** An audit event as the chain reads it: every column, in a fixed text form the database gives. */
export interface AuditEventText {
  id: string;
  /** UTC, millisecond precision, ISO form. */
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  /** The jsonb's canonical text (PostgreSQL orders a jsonb's keys), or '' when there is none. */
  data: string;
  /** The values before and after a change of state, in the same canonical text, or ''. */
  before: string;
  after: string;
}

/**
 * A seal's hash: SHA-256 over the previous seal's hash and the event's fields, each field
 * length-prefixed so no two different events share a text. Changing any field of any sealed
 * event, or removing or reordering one, breaks every hash after it. Before/after join the fields
 * only when the event has them: events sealed before those columns existed keep their hashes.
 */
export function sealHash(previous: string, e: AuditEventText): string {
  const change = e.before || e.after ? [e.before, e.after] : [];
  const fields = [previous, e.id, e.at, e.actor, e.action, e.entityType, e.entityId, e.data, ...change];
  return sha256Hex(Buffer.from(fields.map((f) => `${Buffer.byteLength(f)}:${f}`).join('|'), 'utf8'));
}

/** Where a chain check found the trail changed: the seal, its event and what is wrong. */
export interface ChainBreak {
  seq: string;
  eventId: string;
  reason: string;
}
