import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { Document } from '../../prisma/generated/client';
import { startSendWorkflow } from './delivery';
import { archiveDocument, type ArchiveRequest } from './archive';
import type { ApiContext } from '../../api/context';

/** The key of a document staff send: the scope and the Idempotency-Key header; without one, every call sends. */
export function staffSendKey(scope: string, req: Request): string {
  return `${scope}:${req.header('idempotency-key') ?? randomUUID()}`;
}

/**
 * A document staff send through the API: archived once under its key, then sent by
 * sendDocumentWorkflow. The same key again answers the document created before (checkKnown may
 * refuse it); restarting its send is a no-op once the send ran and finishes one a crash interrupted.
 */
export async function archiveAndSend(
  ctx: ApiContext,
  key: string,
  prepare: () => Promise<Omit<ArchiveRequest, 'idempotencyKey'>>,
  checkKnown?: (known: Document) => void,
): Promise<{ doc: Document; created: boolean }> {
  const sender = { temporal: ctx.temporal, queues: ctx.queues };
  const known = await ctx.db.document.findUnique({ where: { idempotencyKey: key } });
  if (known) {
    checkKnown?.(known);
    await startSendWorkflow(sender, known.id);
    return { doc: known, created: false };
  }
  const doc = await archiveDocument(ctx.db, ctx.documents, { idempotencyKey: key, ...(await prepare()) });
  await startSendWorkflow(sender, doc.id);
  return { doc, created: true };
}
