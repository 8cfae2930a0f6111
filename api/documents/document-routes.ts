import { Request, Response, Router } from 'express';
import { z } from 'zod';
import { actorOf, ApiContext } from '../context';
import { HttpError, notFound, parse } from '../errors';

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
  const { documents } = ctx.services;

  r.get('/documents', async (req, res) => {
    const q = parse(DocumentListQuery, req.query, 'query');
    const page = await documents.documentPage(q);
    if (!page) throw new HttpError(400, 'invalid_request', `invalid query: after: no document ${q.after}`, [{ field: 'after', reason: 'unknown document id' }]);
    res.json(page);
  });

  r.get('/documents/:id', async (req, res) => {
    const doc = await documents.documentWithAttempts(req.params.id);
    if (!doc) throw notFound(`document ${req.params.id}`);
    res.json(doc);
  });

  r.get('/documents/:id/content', async (req, res) => {
    const read = await documents.readContent(req.params.id, actorOf(req));
    if (!read) throw notFound(`document ${req.params.id}`);
    res.type(read.doc.mimeType).attachment(read.doc.fileName ?? `${read.doc.id}`).send(read.content);
  });

  /**
   * A re-send or a duplicate: a new document under its own key, sent by sendDocumentWorkflow.
   * The same Idempotency-Key answers the document it created before.
   */
  async function repeat(mode: 'resend' | 'duplicate', req: Request<{ id: string }>, res: Response) {
    const body = parse(ResendBody, req.body ?? {}, 'body');
    const { doc, created } = await documents.repeat(mode, req.params.id, body.channel, { actor: actorOf(req), idempotencyKey: req.header('idempotency-key') });
    res.status(created ? 202 : 200).json(doc);
  }

  r.post('/documents/:id/resend', (req, res) => repeat('resend', req, res));
  r.post('/documents/:id/duplicate', (req, res) => repeat('duplicate', req, res));

  return r;
}
