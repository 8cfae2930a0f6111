import { Request, Response, Router } from 'express';
import { z } from 'zod';
import { addressFor, chooseChannel } from '../../domain/documents/choose-channel';
import { audit } from '../../persistence/audit';
import { documentContent, documentPolicy } from '../../services/documents/archive';
import { recipientOf } from '../../persistence/documents/recipients';
import { loadClaimDocument } from '../../persistence/documents/document-data';
import { renderDocument } from '../../documents/render-document';
import { configuredCentre } from '../../infra/centre';
import type { Document } from '../../prisma/generated/client';
import { actorOf, ApiContext } from '../context';
import { HttpError, notFound, parse } from '../errors';
import { archiveAndSend, staffSendKey } from '../../services/documents/staff-send';

export const DocumentListQuery = z.object({
  claimId: z.string().optional(),
  clientId: z.string().optional(),
  personId: z.string().optional(),
  kind: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  after: z.string().optional().describe('cursor: the last document id of the previous page (newest first)'),
});

export const ResendBody = z.object({
  channel: z.enum(['email', 'fax', 'post']).optional().describe('default: chosen by recipient and kind, as for the first send'),
});

/** The archive: list, metadata with delivery attempts, content, and staff re-sends and duplicates. */
export function documentRoutes(ctx: ApiContext): Router {
  const r = Router();
  const { db, documents } = ctx;

  async function existing(id: string) {
    const doc = await db.document.findUnique({ where: { id } });
    if (!doc) throw notFound(`document ${id}`);
    return doc;
  }

  r.get('/documents', async (req, res) => {
    const q = parse(DocumentListQuery, req.query, 'query');
    // Keyset paging, newest first: after the cursor document in (createdAt, id) order.
    const cursor = q.after ? await db.document.findUnique({ where: { id: q.after }, select: { createdAt: true, id: true } }) : null;
    if (q.after && !cursor) throw new HttpError(400, 'invalid_request', `invalid query: after: no document ${q.after}`, [{ field: 'after', reason: 'unknown document id' }]);
    const docs = await db.document.findMany({
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
    res.json({ documents: docs, next: docs.length === q.limit ? docs[docs.length - 1].id : null });
  });

  r.get('/documents/:id', async (req, res) => {
    const doc = await db.document.findUnique({ where: { id: req.params.id }, include: { attempts: { orderBy: [{ at: 'asc' }, { attempt: 'asc' }] } } });
    if (!doc) throw notFound(`document ${req.params.id}`);
    res.json(doc);
  });

  r.get('/documents/:id/content', async (req, res) => {
    const doc = await existing(req.params.id);
    const content = await documentContent(documents, doc);
    // Health data: who read which document is on record.
    await audit(db, actorOf(req), 'read_content', 'document', doc.id);
    res.type(doc.mimeType).attachment(doc.fileName ?? `${doc.id}`).send(content);
  });

  /**
   * What a repeat sends. A re-send: the archived content as it was. A duplicate of an invoice:
   * rendered again as the invoice's Duplikat (marked on the PDF); of any other document: the
   * archived content again, marked "Duplikat" in subject and cover mail.
   */
  async function repeatedContent(mode: 'resend' | 'duplicate', original: Document): Promise<{ content: Buffer; subject: string; fileName: string }> {
    if (mode === 'duplicate' && original.kind === 'INVOICE' && original.claimId) {
      const base = await loadClaimDocument(db, original.claimId, configuredCentre());
      const r = await renderDocument({ kind: 'duplicate', head: base.head, claim: base.claim });
      return { content: r.pdf, subject: `Duplikat: ${r.subject}`, fileName: r.fileName };
    }
    return {
      content: await documentContent(documents, original),
      subject: mode === 'duplicate' ? `Duplikat: ${original.subject}` : original.subject,
      fileName: original.fileName ?? `${original.id}.pdf`,
    };
  }

  /**
   * A re-send or a duplicate: a new document under its own key, sent by sendDocumentWorkflow.
   * The same Idempotency-Key answers the document it created before.
   */
  async function repeat(mode: 'resend' | 'duplicate', req: Request<{ id: string }>, res: Response) {
    const body = parse(ResendBody, req.body ?? {}, 'body');
    const original = await existing(req.params.id);
    const { doc, created } = await archiveAndSend(ctx, staffSendKey(`${mode}:${original.id}`, req), async () => {
      const recipient = await recipientOf(db, original);
      if (!recipient) throw new HttpError(422, 'not_resendable', `document ${original.id} (${original.kind}) has no recipient on record to send it to again`);
      const channel = body.channel ?? chooseChannel(recipient, original.kind, (await documentPolicy(db, original.clientId)).faxKinds);
      if (channel === 'email' && !(recipient.email && recipient.emailConsent)) throw new HttpError(422, 'no_email', `the recipient of document ${original.id} has no email address or did not agree to email`);
      if (channel === 'fax' && !recipient.fax) throw new HttpError(422, 'no_fax', `the recipient of document ${original.id} has no fax number`);
      const repeated = await repeatedContent(mode, original);
      return {
        kind: original.kind,
        claimId: original.claimId ?? undefined,
        clientId: original.clientId ?? undefined,
        personId: recipient.personId,
        channel,
        recipient: addressFor(recipient, channel),
        subject: repeated.subject,
        mimeType: original.mimeType,
        fileName: repeated.fileName,
        content: repeated.content,
        sourceId: original.id,
      };
    });
    if (!created) return void res.status(200).json(doc);
    await audit(db, actorOf(req), mode, 'document', original.id, { documentId: doc.id, channel: doc.channel });
    res.status(202).json(doc);
  }

  r.post('/documents/:id/resend', (req, res) => repeat('resend', req, res));
  r.post('/documents/:id/duplicate', (req, res) => repeat('duplicate', req, res));

  return r;
}
