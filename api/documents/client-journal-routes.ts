import { Router } from 'express';
import { z } from 'zod';
import { JOURNAL_KINDS } from '../../domain/documents/journal-kinds';
import { actorOf, ApiContext } from '../context';
import { parse } from '../errors';

const isoDate = z.iso.date().describe('YYYY-MM-DD');

export const JournalBody = z
  .object({ kind: z.enum(JOURNAL_KINDS), from: isoDate, to: isoDate.describe('YYYY-MM-DD, inclusive') })
  .refine((b) => b.from <= b.to, { message: 'from must not be after to', path: ['to'] });

/** A client journal on demand: rendered, archived and sent now (sendDocumentWorkflow). */
export function clientJournalRoutes(ctx: ApiContext): Router {
  const r = Router();

  r.post('/clients/:id/journals', async (req, res) => {
    const body = parse(JournalBody, req.body ?? {}, 'body');
    const period = { from: body.from, to: body.to };
    const { doc, created } = await ctx.services.documents.sendJournal(req.params.id, body.kind, period, { actor: actorOf(req), idempotencyKey: req.header('idempotency-key') });
    res.status(created ? 202 : 200).json({ documentId: doc.id });
  });

  return r;
}
