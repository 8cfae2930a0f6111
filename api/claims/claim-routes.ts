import { Router } from 'express';
import { randomUUID } from 'node:crypto';
import { actorOf, ApiContext } from '../context';
import { parse } from '../errors';
import { CancellationBody, ClaimListQuery, DeferralBody, DisputeBody, InstallmentBody, PaymentBody } from '../schemas';

/** Claims: list, detail with balance, history and documents, and the staff actions. */
export function claimRoutes(ctx: ApiContext): Router {
  const r = Router();
  const claims = ctx.services.claims;

  r.get('/claims', async (req, res) => {
    res.json(await claims.list(parse(ClaimListQuery, req.query, 'query')));
  });

  r.get('/claims/:id', async (req, res) => {
    res.json(await claims.detail(req.params.id));
  });

  r.get('/claims/:id/documents/:documentId', async (req, res) => {
    const doc = await claims.document(req.params.id, req.params.documentId);
    res.type(doc.mimeType).send(doc.content);
  });

  r.post('/claims/:id/payments', async (req, res) => {
    const body = parse(PaymentBody, req.body, 'body');
    const result = await claims.recordPayment({
      idempotencyKey: req.header('idempotency-key') ?? randomUUID(),
      claimId: req.params.id,
      amountCents: body.amountCents,
      receivedAt: body.receivedAt ? new Date(body.receivedAt) : new Date(),
      source: 'api',
      reference: body.reference,
      actor: actorOf(req),
    });
    res.status(result.created ? 201 : 200).json(result);
  });

  // Staff actions that change the claim's course: recorded, audited, then signalled.
  r.post('/claims/:id/deferral', async (req, res) => {
    res.status(202).json(await claims.defer(req.params.id, parse(DeferralBody, req.body, 'body'), actorOf(req)));
  });
  r.post('/claims/:id/installment-agreement', async (req, res) => {
    res.status(202).json(await claims.agreeInstallments(req.params.id, parse(InstallmentBody, req.body, 'body'), actorOf(req)));
  });
  r.post('/claims/:id/dispute', async (req, res) => {
    res.status(202).json(await claims.dispute(req.params.id, parse(DisputeBody, req.body, 'body'), actorOf(req)));
  });
  r.post('/claims/:id/cancellation', async (req, res) => {
    res.status(202).json(await claims.cancel(req.params.id, parse(CancellationBody, req.body, 'body'), actorOf(req)));
  });

  return r;
}
