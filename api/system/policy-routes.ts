import { Router } from 'express';
import { z } from 'zod';
import { actorOf, type ApiContext } from '../context';
import { parse } from '../errors';

export const PolicyBody = z.record(z.string(), z.unknown()).describe("the policy data: every field of the system policy, or a client policy's overrides");

/** Policy data (durations, fees, rates, thresholds) as staff read and change it; changes audited with before and after. */
export function policyRoutes(ctx: ApiContext): Router {
  const r = Router();
  r.get('/policies/:id', async (req, res) => {
    res.json(await ctx.services.policies.policy(req.params.id));
  });
  r.put('/policies/:id', async (req, res) => {
    res.json(await ctx.services.policies.setPolicy(req.params.id, parse(PolicyBody, req.body, 'body'), actorOf(req)));
  });
  return r;
}
