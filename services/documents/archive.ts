import { randomUUID } from 'node:crypto';
import type { Db } from '../../infra/db/prisma';
import type { DocumentStore } from '../../infra/dms/document-store';
import { sha256Hex } from '../../domain/sha256';
import { audit } from '../../persistence/audit';
import { documentById, documentByKey, insertDocument, type DocumentRow } from '../../persistence/documents/archive';
import { documentPolicy } from '../../persistence/documents/document-policy';
import type { ArchiveRequest } from './archive-request';

/**
 * Archives a document (content into the store, a Document row with its links and retention date)
 * unless one with its key is archived already; returns the row under the key either way.
 */
export async function archiveDocument(db: Db, store: DocumentStore, d: ArchiveRequest): Promise<DocumentRow> {
  const existing = await documentByKey(db, d.idempotencyKey);
  if (existing) return existing;
  const { content, retentionYears, ...meta } = d;
  const sha256 = sha256Hex(content);
  const ref = await store.put(content, { mimeType: d.mimeType, fileName: d.fileName });
  const retainUntil = new Date();
  retainUntil.setUTCFullYear(retainUntil.getUTCFullYear() + (retentionYears ?? (await documentPolicy(db, d.clientId)).retentionYears));
  const id = randomUUID();
  const row = await insertDocument(db, { ...meta, id, sha256, dmsRef: ref === sha256 ? null : ref, retainUntil });
  // Every letter on record once, by reference (ids, kind, channel), never its address.
  if (row.id === id) await audit(db, 'system', 'archive', 'document', id, undefined, { before: null, after: { kind: row.kind, claimId: row.claimId, clientId: row.clientId, personId: row.personId, channel: row.channel, status: row.status } });
  return row;
}

/** The archived content of a document, from wherever it is stored. */
export function documentContent(store: DocumentStore, doc: Pick<DocumentRow, 'dmsRef' | 'sha256'>): Promise<Buffer> {
  return store.get(doc.dmsRef ?? doc.sha256);
}

/** A document's content for a staff member, on record (health data: who read which document); null when there is no such document. */
export async function readContent(db: Db, store: DocumentStore, documentId: string, actor: string): Promise<{ doc: DocumentRow; content: Buffer } | null> {
  const doc = await documentById(db, documentId);
  if (!doc) return null;
  const content = await documentContent(store, doc);
  await audit(db, actor, 'read_content', 'document', doc.id);
  return { doc, content };
}
