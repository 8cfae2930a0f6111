import { ErrorRequestHandler, Router } from 'express';
import { z } from 'zod';
import { TEMPLATE_KEY, TemplateNotFoundError } from '../../domain/documents/template-key';
import { actorOf, ApiContext } from '../context';
import { HttpError, parse } from '../errors';

export const ClaimLetterBody = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('free_letter'),
    templateKey: z.string().regex(TEMPLATE_KEY, 'lower-case words joined by dashes'),
    version: z.number().int().min(1).optional().describe('default: the newest version'),
  }),
  z.object({ kind: z.literal('fee_statement') }),
  z.object({ kind: z.literal('statement_of_claim') }),
]);

/** A letter names a template that does not exist: the request's templateKey is at fault. */
const unknownTemplate: ErrorRequestHandler = (err, _req, _res, next) =>
  next(err instanceof TemplateNotFoundError ? new HttpError(422, 'unknown_template', err.message, [{ field: 'templateKey', reason: err.message }]) : err);

/**
 * Letters staff send about a claim: a free letter from a template, the fee statement, the
 * statement of claim (Forderungsaufstellung), archived and sent by the documents service. The
 * same Idempotency-Key answers the document it created before and sends nothing again.
 */
export function claimLetterRoutes(ctx: ApiContext): Router {
  const r = Router();

  r.post('/claims/:id/letters', async (req, res) => {
    const letter = parse(ClaimLetterBody, req.body, 'body');
    const { doc, created } = await ctx.services.documents.sendClaimLetter(req.params.id, letter, { actor: actorOf(req), idempotencyKey: req.header('idempotency-key') });
    res.status(created ? 202 : 200).json({ documentId: doc.id, kind: doc.kind, channel: doc.channel });
  });
  r.use(unknownTemplate);

  return r;
}
