import type { Db } from '../../infra/db/prisma';
import type { Document, Prisma } from '../../prisma/generated/client';
import type { IdPage } from '../id-page';

/** An archived document's row: metadata, links and delivery state (its content is in the store). */
export type DocumentRow = Document;

/** The document archived under a key (one per logical document), if any. */
export function documentByKey(db: Db, idempotencyKey: string): Promise<DocumentRow | null> {
  return db.document.findUnique({ where: { idempotencyKey } });
}

export function documentById(db: Db, id: string): Promise<DocumentRow | null> {
  return db.document.findUnique({ where: { id } });
}

export function documentOrThrow(db: Db, id: string): Promise<DocumentRow> {
  return db.document.findUniqueOrThrow({ where: { id } });
}

/** Inserts the row unless one with its key exists (a concurrent archive won); returns the row under the key. */
export async function insertDocument(db: Db, row: Prisma.DocumentCreateManyInput): Promise<DocumentRow> {
  await db.document.createMany({ data: [row], skipDuplicates: true });
  return db.document.findUniqueOrThrow({ where: { idempotencyKey: row.idempotencyKey } });
}

/** An archived document with its delivery attempts, in the order they were made. */
export function documentWithAttempts(db: Db, id: string) {
  return db.document.findUnique({ where: { id }, include: { attempts: { orderBy: [{ at: 'asc' }, { attempt: 'asc' }] } } });
}

export interface DocumentPageQuery extends IdPage {
  claimId?: string;
  clientId?: string;
  personId?: string;
  kind?: string;
}

/** A page of the archive, newest first; null when the cursor names no document. */
export async function documentPage(db: Db, q: DocumentPageQuery): Promise<DocumentRow[] | null> {
  // Keyset paging, newest first: after the cursor document in (createdAt, id) order.
  const cursor = q.after ? await db.document.findUnique({ where: { id: q.after }, select: { createdAt: true, id: true } }) : null;
  if (q.after && !cursor) return null;
  return db.document.findMany({
    where: {
      claimId: q.claimId,
      clientId: q.clientId,
      personId: q.personId,
      kind: q.kind,
      ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: q.limit,
  });
}

/** Records that the document under the key left the building by its own channel (e.g. SFTP). */
export async function markDocumentSent(db: Db, idempotencyKey: string): Promise<void> {
  await db.document.update({ where: { idempotencyKey }, data: { status: 'SENT', sentAt: new Date() } });
}
