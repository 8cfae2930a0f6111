import { Router } from 'express';
import { actorOf, ApiContext } from '../context';
import { parse } from '../errors';
import { FactorBody, FactorQuarantineQuery, FactorRunBody } from './factoring-schemas';

/** The refinancing factor: the factors, runs started by staff, answers that could not be taken. */
export function factoringRoutes(ctx: ApiContext): Router {
  const r = Router();
  const factoring = ctx.services.factoring;

  r.get('/factoring/factors', async (_req, res) => {
    res.json({ factors: await factoring.factors() });
  });

  r.get('/factoring/factors/:factorId', async (req, res) => {
    res.json(await factoring.factor(req.params.factorId));
  });

  r.put('/factoring/factors/:factorId', async (req, res) => {
    const result = await factoring.saveFactor({ id: req.params.factorId, ...parse(FactorBody, req.body, 'body') }, actorOf(req));
    res.status(result.created ? 201 : 200).json(result.factor);
  });

  r.post('/factoring/runs', async (req, res) => {
    const key = req.header('idempotency-key')?.slice(0, 100).replace(/[^A-Za-z0-9-]+/g, '-');
    res.status(202).json(await factoring.startRun({ ...parse(FactorRunBody, req.body ?? {}, 'body'), ...(key ? { idempotencyKey: key } : {}) }, actorOf(req)));
  });

  r.get('/factoring/quarantine', async (req, res) => {
    res.json(await factoring.quarantine(parse(FactorQuarantineQuery, req.query, 'query')));
  });

  return r;
}
