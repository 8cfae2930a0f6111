import { Router } from 'express';
import { actorOf, ApiContext } from '../context';
import { parse } from '../errors';
import { LevyRecipientInput, LevyRulesBody, SplitRulesBody } from './splitting-schemas';

/** Splitting and levies: a client's split rules and levies, the levy recipients (docs/splitting-and-levies.md). */
export function splittingRoutes(ctx: ApiContext): Router {
  const r = Router();
  const splitting = ctx.services.splitting;

  r.get('/clients/:id/split-rules', async (req, res) => {
    res.json(await splitting.splitRules(req.params.id));
  });
  r.put('/clients/:id/split-rules', async (req, res) => {
    res.json(await splitting.saveSplitRules(req.params.id, parse(SplitRulesBody, req.body, 'body').stages, actorOf(req)));
  });
  r.get('/clients/:id/levies', async (req, res) => {
    res.json(await splitting.levyRules(req.params.id));
  });
  r.put('/clients/:id/levies', async (req, res) => {
    res.json(await splitting.saveLevyRules(req.params.id, parse(LevyRulesBody, req.body, 'body').levies, actorOf(req)));
  });
  r.get('/levy-recipients', async (_req, res) => {
    res.json({ recipients: await splitting.levyRecipients() });
  });
  r.post('/levy-recipients', async (req, res) => {
    res.status(201).json(await splitting.createLevyRecipient(parse(LevyRecipientInput, req.body, 'body'), actorOf(req)));
  });

  return r;
}
