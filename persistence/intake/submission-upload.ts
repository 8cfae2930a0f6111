import { randomUUID } from 'node:crypto';
import type { BillingFileFormat } from '../../domain/intake/billing-file-format';
import type { Db } from '../../infra/db/prisma';
import { Prisma } from '../../prisma/generated/client';
import { audit } from '../audit';
import { writeSubmissionContent } from './submission-content';

/** A client's billing file as uploaded, before it is stored. */
export interface Upload {
  clientId: string;
  fileName: string;
  format: BillingFileFormat;
  sha256: string;
  content: Buffer;
  /** The PADneXt order file delivered with it. */
  order?: { fileName: string; content: Buffer };
}

/** A submission stored before with the same content: what the answer to a repeated upload names. */
export interface EarlierUpload {
  id: string;
  fileName: string;
  receivedAt: Date;
}

export async function clientExists(db: Db, clientId: string): Promise<boolean> {
  return (await db.client.findUnique({ where: { id: clientId }, select: { id: true } })) !== null;
}

export function submissionWithContent(db: Db, clientId: string, sha256: string): Promise<EarlierUpload | null> {
  return db.submission.findUnique({ where: { clientId_sha256: { clientId, sha256 } }, select: { id: true, fileName: true, receivedAt: true } });
}

/**
 * Stores an upload, its content and its audit entry in one transaction; returns the new id, or the
 * earlier submission when the same file was uploaded twice at once (the unique (client, sha256)
 * lets one win).
 */
export async function insertSubmission(db: Db, upload: Upload, actor: string): Promise<{ id: string } | { earlier: EarlierUpload }> {
  const { clientId, fileName, format, sha256, content, order } = upload;
  const id = randomUUID();
  try {
    await db.$transaction(async (tx) => {
      await tx.submission.create({ data: { id, clientId, fileName, format, sha256, content: new Uint8Array(0), orderFileName: order?.fileName ?? null } });
      await writeSubmissionContent(tx, id, content, order?.content);
      await audit(tx, actor, 'upload', 'submission', id, { fileName, bytes: content.length, ...(order ? { orderFileName: order.fileName, orderBytes: order.content.length } : {}) });
    });
  } catch (e) {
    const earlier = e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002' ? await submissionWithContent(db, clientId, sha256) : null;
    if (earlier) return { earlier };
    throw e;
  }
  return { id };
}
