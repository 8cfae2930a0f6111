import { Router } from 'express';
import type { ApiContext } from '../context';
import { parse } from '../errors';
import { AuditQuery } from './audit-schemas';

/** The audit trail for auditors: events by entity, actor, kind and period, and the check of its hash chain. */
export function auditRoutes(ctx: ApiContext): Router {
  const r = Router();
  const audit = ctx.services.audit;

  r.get('/audit-events', async (req, res) => {
    res.json(await audit.events(parse(AuditQuery, req.query, 'query')));
  });
  r.get('/audit-events/verification', async (_req, res) => {
    const check = await audit.verify();
    res.json({ intact: check.breaks.length === 0, ...check });
  });

  return r;
}
