import { randomUUID } from 'node:crypto';
import type { Db } from '../../infra/db/prisma';
import type { Document } from '../../prisma/generated/client';
import type { DocumentStore } from '../../infra/dms/document-store';
import { sha256Hex } from '../../domain/sha256';
import { loadPolicy, SYSTEM_POLICY_ID } from '../../persistence/policy';
import { resolvePolicy } from '../../domain/policy';
import type { DocumentPolicy } from '../../domain/documents/document-policy';

/** A document to archive: its content plus metadata and links, under one idempotency key. */
export interface ArchiveRequest {
  idempotencyKey: string;
  kind: string;
  claimId?: string;
  clientId?: string;
  personId?: string;
  channel: string;
  recipient: string;
  subject: string;
  mimeType: string;
  fileName: string;
  content: Buffer;
  /** The document this one repeats (re-send, duplicate). */
  sourceId?: string;
  status?: string;
  /** Known to the caller already (it loaded the policy); else read from the client's policy. */
  retentionYears?: number;
}

/** The documents policy in force for a client's documents, or the system's for the centre's own. */
export async function documentPolicy(db: Db, clientId: string | null | undefined): Promise<DocumentPolicy> {
  if (clientId) return (await loadPolicy(db, clientId)).documents;
  const system = await db.policy.findUniqueOrThrow({ where: { id: SYSTEM_POLICY_ID } });
  return resolvePolicy(system.data).documents;
}

/**
 * Archives a document (content into the store, a Document row with its links and retention date)
 * unless one with its key is archived already; returns the row under the key either way.
 */
export async function archiveDocument(db: Db, store: DocumentStore, d: ArchiveRequest): Promise<Document> {
  const existing = await db.document.findUnique({ where: { idempotencyKey: d.idempotencyKey } });
  if (existing) return existing;
  const { content, retentionYears, ...meta } = d;
  const sha256 = sha256Hex(content);
  const ref = await store.put(content, { mimeType: d.mimeType, fileName: d.fileName });
  const retainUntil = new Date();
  retainUntil.setUTCFullYear(retainUntil.getUTCFullYear() + (retentionYears ?? (await documentPolicy(db, d.clientId)).retentionYears));
  await db.document.createMany({
    data: [{ ...meta, id: randomUUID(), sha256, dmsRef: ref === sha256 ? null : ref, retainUntil }],
    skipDuplicates: true,
  });
  return db.document.findUniqueOrThrow({ where: { idempotencyKey: d.idempotencyKey } });
}

/** The archived content of a document, from wherever it is stored. */
export function documentContent(store: DocumentStore, doc: Pick<Document, 'dmsRef' | 'sha256'>): Promise<Buffer> {
  return store.get(doc.dmsRef ?? doc.sha256);
}
