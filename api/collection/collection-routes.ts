import { Router } from 'express';
import { actorOf, ApiContext } from '../context';
import { HttpError, parse } from '../errors';
import { LawyerBody, LawyerReportBody, QuarantineQuery } from './collection-schemas';

/** Collection: the lawyers, their feedback that could not be taken, and reports staff enter by hand. */
export function collectionRoutes(ctx: ApiContext): Router {
  const r = Router();
  const collection = ctx.services.collection;

  r.get('/collection/quarantine', async (req, res) => {
    res.json(await collection.quarantine(parse(QuarantineQuery, req.query, 'query')));
  });

  r.get('/collection/lawyers', async (_req, res) => {
    res.json({ lawyers: await collection.lawyers() });
  });

  r.put('/collection/lawyers/:lawyerId', async (req, res) => {
    const result = await collection.saveLawyer({ id: req.params.lawyerId, ...parse(LawyerBody, req.body, 'body') }, actorOf(req));
    res.status(result.created ? 201 : 200).json(result.lawyer);
  });

  r.post('/collection/lawyers/:lawyerId/reports', async (req, res) => {
    const key = req.header('idempotency-key');
    if (!key) throw new HttpError(400, 'idempotency_key_required', 'a lawyer report needs an Idempotency-Key header: the same key again records nothing twice');
    const result = await collection.recordReport(req.params.lawyerId, parse(LawyerReportBody, req.body, 'body'), key.slice(0, 200), actorOf(req));
    res.status(result.created ? 201 : 200).json(result);
  });

  return r;
}
