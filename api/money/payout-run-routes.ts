import { Router } from 'express';
import { actorOf, ApiContext } from '../context';
import { parse } from '../errors';
import { PayoutRunListQuery, PreparePayoutRunBody } from './payout-run-schemas';

/** Payout runs: prepare (preview), approve (another person), execute, cancel; the run, its SEPA file and its client invoices. */
export function payoutRunRoutes(ctx: ApiContext): Router {
  const r = Router();
  const runs = ctx.services.payoutRuns;

  r.post('/payout-runs', async (req, res) => {
    res.status(201).json(await runs.prepare(parse(PreparePayoutRunBody, req.body ?? {}, 'body'), actorOf(req)));
  });

  r.get('/payout-runs', async (req, res) => {
    res.json(await runs.list(parse(PayoutRunListQuery, req.query, 'query').take));
  });

  r.get('/payout-runs/:runId', async (req, res) => {
    res.json(await runs.get(req.params.runId));
  });

  r.post('/payout-runs/:runId/approve', async (req, res) => {
    res.json(await runs.approve(req.params.runId, actorOf(req)));
  });

  r.post('/payout-runs/:runId/cancel', async (req, res) => {
    res.json(await runs.cancel(req.params.runId, actorOf(req)));
  });

  r.post('/payout-runs/:runId/execute', async (req, res) => {
    res.status(202).json(await runs.execute(req.params.runId, actorOf(req)));
  });

  r.get('/payout-runs/:runId/sepa', async (req, res) => {
    const file = await runs.sepaFile(req.params.runId);
    res.type('application/xml').attachment(file.fileName).send(file.content);
  });

  r.get('/payout-runs/:runId/invoices/:invoiceId', async (req, res) => {
    const file = await runs.invoicePdf(req.params.runId, req.params.invoiceId);
    res.type('application/pdf').attachment(file.fileName).send(file.content);
  });

  return r;
}
