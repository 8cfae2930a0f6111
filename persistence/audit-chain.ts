import type { Db } from '../infra/db/prisma';
import { GENESIS_HASH, sealHash, type AuditEventText, type ChainBreak } from '../domain/audit/audit-chain';
import { bulkInsert } from './bulk-insert';

/** Serialises sealing runs: one chain, one writer. */
const SEAL_LOCK = 0xa0d17;
const PAGE = 5000;

/** The canonical text of the events (see AuditEventText), as the database renders it. */
const EVENT_TEXT = `e.id::text AS id, to_char(e.at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, e.actor, e.action, e."entityType", e."entityId", COALESCE(e.data::text, '') AS data, COALESCE(e.before::text, '') AS before, COALESCE(e.after::text, '') AS after`;

export interface SealResult {
  sealed: number;
  /** The chain's length and last hash after the run. */
  length: string;
  head: string;
}

/**
 * Seals the audit events of every finished transaction not sealed yet, in the order of their
 * transactions, continuing the chain. Rows of transactions still running (txid at or above the
 * snapshot's xmin) wait for the next run, so an event that commits late is never skipped: each run
 * takes exactly the transactions between the previous run's bound and its own.
 */
export async function sealAuditTrail(db: Db): Promise<SealResult> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SEAL_LOCK})`);
      const [head] = await tx.$queryRaw<Array<{ seq: bigint; hash: string }>>`SELECT seq, hash FROM "AuditSeal" ORDER BY seq DESC LIMIT 1`;
      const [run] = await tx.$queryRaw<Array<{ belowXid: bigint }>>`SELECT "belowXid" FROM "AuditSealRun" ORDER BY id DESC LIMIT 1`;
      const [{ below }] = await tx.$queryRaw<Array<{ below: bigint }>>`SELECT txid_snapshot_xmin(txid_current_snapshot()) AS below`;
      let seq = head?.seq ?? 0n;
      let hash = head?.hash ?? GENESIS_HASH;
      let after: { xid: string; id: string } | undefined;
      let sealed = 0;
      for (;;) {
        const rows = await tx.$queryRawUnsafe<Array<AuditEventText & { xid: string }>>(
          `SELECT e.xid::text AS xid, ${EVENT_TEXT} FROM "AuditEvent" e
           WHERE e.xid >= $1 AND e.xid < $2 ${after ? 'AND (e.xid, e.id) > ($3::bigint, $4::bigint)' : ''}
           ORDER BY e.xid, e.id LIMIT ${PAGE}`,
          ...[run?.belowXid ?? 0n, below, ...(after ? [after.xid, after.id] : [])],
        );
        if (rows.length === 0) break;
        const seals = rows.map((e) => {
          seq += 1n;
          hash = sealHash(hash, e);
          return { seq: seq.toString(), eventId: e.id, hash };
        });
        await bulkInsert(tx, 'AuditSeal', { seq: 'int8', eventId: 'int8', hash: 'text' }, seals);
        sealed += rows.length;
        after = rows[rows.length - 1];
      }
      await tx.auditSealRun.create({ data: { belowXid: below, sealed } });
      return { sealed, length: seq.toString(), head: hash };
    },
    { timeout: 600_000 },
  );
}

export interface ChainCheck {
  /** Seals checked, and events of finished transactions that no seal covers. */
  checked: number;
  unsealed: number;
  breaks: ChainBreak[];
}

/**
 * Recomputes the chain from its start: every seal's hash from the one before and its event as
 * stored now, and the seals' numbering. An event changed, a seal removed or a row slipped in
 * under the last run's bound shows as a break naming the seal and the event.
 */
export async function verifyAuditChain(db: Db, maxBreaks = 100): Promise<ChainCheck> {
  const breaks: ChainBreak[] = [];
  let expectedSeq = 1n;
  let hash = GENESIS_HASH;
  let checked = 0;
  for (let from = 0n; ; ) {
    const rows = await db.$queryRawUnsafe<Array<AuditEventText & { seq: bigint; sealed: string }>>(
      `SELECT s.seq, s.hash AS sealed, ${EVENT_TEXT} FROM "AuditSeal" s JOIN "AuditEvent" e ON e.id = s."eventId" WHERE s.seq > $1 ORDER BY s.seq LIMIT ${PAGE}`,
      from,
    );
    if (rows.length === 0) break;
    for (const r of rows) {
      if (r.seq !== expectedSeq && breaks.length < maxBreaks) breaks.push({ seq: r.seq.toString(), eventId: r.id, reason: `seal ${expectedSeq} is missing: the chain jumps to ${r.seq}` });
      const recomputed = sealHash(hash, r);
      if (recomputed !== r.sealed && breaks.length < maxBreaks) breaks.push({ seq: r.seq.toString(), eventId: r.id, reason: `event ${r.id} is not what was sealed: its hash is ${recomputed.slice(0, 12)}…, the seal says ${r.sealed.slice(0, 12)}…` });
      // Go on from the stored hash: one changed event is one break, not a break of everything after it.
      hash = r.sealed;
      expectedSeq = r.seq + 1n;
      checked++;
    }
    from = rows[rows.length - 1].seq;
  }
  const [{ unsealed }] = await db.$queryRaw<Array<{ unsealed: bigint }>>`
    SELECT count(*) AS unsealed FROM "AuditEvent" e
    WHERE e.xid < COALESCE((SELECT "belowXid" FROM "AuditSealRun" ORDER BY id DESC LIMIT 1), 0)
      AND NOT EXISTS (SELECT 1 FROM "AuditSeal" s WHERE s."eventId" = e.id)`;
  if (unsealed > 0n && breaks.length < maxBreaks) breaks.push({ seq: '-', eventId: '-', reason: `${unsealed} event(s) of sealed transactions have no seal: inserted behind the sealer's back, or their seals were removed` });
  return { checked, unsealed: Number(unsealed), breaks };
}
