import { Router } from 'express';
import { isoDayOf } from '../../domain/interest/calendar-day';
import { randomUUID } from 'node:crypto';
import { actorOf, ApiContext } from '../context';
import { claimScopeOf } from '../auth/principal';
import { parse } from '../errors';
import { BaseRateBody, CancellationBody, ClaimListQuery, CollectionDecisionBody, DeferralBody, DisputeBody, InstallmentBody, LimitationRiskQuery, NegotiationBody, PaymentBody, ReopenBody, StatementQuery, WriteOffBody, CreditNoteBody, RedeliveryBody, RequestIdHeader } from '../schemas';

/** Claims: list, detail with balance, history and documents, and the staff actions. */
export function claimRoutes(ctx: ApiContext): Router {
  const r = Router();
  const claims = ctx.services.claims;

  r.get('/claims', async (req, res) => {
    res.json(await claims.list(parse(ClaimListQuery, req.query, 'query'), claimScopeOf(req)));
  });

  r.get('/claims/:id', async (req, res) => {
    res.json(await claims.detail(req.params.id, claimScopeOf(req)));
  });

  // Every cent of the claim from its billing file to the accountant's DATEV rows.
  r.get('/claims/:id/money-trace', async (req, res) => {
    res.json(await ctx.services.accounting.moneyTrace(req.params.id));
  });

  r.get('/claims/:id/documents/:documentId', async (req, res) => {
    const doc = await claims.document(req.params.id, req.params.documentId, claimScopeOf(req));
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
      allocation: body.allocation,
      actor: actorOf(req),
    });
    res.status(result.created ? 201 : 200).json(result);
  });

  // Forderungsaufstellung zum Stichtag: principal, costs, interest per period, payments as allocated.
  r.get('/claims/:id/statement-of-account', async (req, res) => {
    const { asOf } = parse(StatementQuery, req.query, 'query');
    await claims.visible(req.params.id, claimScopeOf(req));
    res.json(await claims.interest.statement(req.params.id, asOf ?? isoDayOf(new Date())));
  });

  // The base rates of § 247 BGB default interest is computed from.
  r.get('/base-rates', async (_req, res) => {
    res.json({ rates: await claims.baseRates.list() });
  });
  r.post('/base-rates', async (req, res) => {
    const result = await claims.baseRates.add(parse(BaseRateBody, req.body, 'body'), actorOf(req));
    res.status(result.created ? 201 : 200).json(result.rate);
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
  // Corrections of an invoice that is out, once per request id (header Idempotency-Key).
  r.post('/claims/:id/credit-notes', async (req, res) => {
    const requestId = parse(RequestIdHeader, req.header('idempotency-key'), 'Idempotency-Key');
    const note = await claims.corrections.creditNote(req.params.id, requestId, parse(CreditNoteBody, req.body, 'body'), actorOf(req));
    res.status(note.created ? 201 : 200).json(note);
  });
  r.post('/claims/:id/redelivery', async (req, res) => {
    const requestId = parse(RequestIdHeader, req.header('idempotency-key'), 'Idempotency-Key');
    res.status(202).json(await claims.corrections.redeliver(req.params.id, requestId, parse(RedeliveryBody, req.body, 'body'), actorOf(req)));
  });
  r.post('/claims/:id/write-off', async (req, res) => {
    res.status(202).json(await claims.writeOff(req.params.id, parse(WriteOffBody, req.body, 'body'), actorOf(req)));
  });
  // A claim written off or returned to the client lives another round; the Idempotency-Key makes a retry the same reopening.
  r.post('/claims/:id/reopen', async (req, res) => {
    const result = await claims.reopen(req.params.id, parse(ReopenBody, req.body, 'body'), actorOf(req), req.header('idempotency-key') ?? randomUUID());
    res.status(result.created ? 201 : 200).json(result);
  });

  // The client's answer to the collection request (Beitreibungsanfrage), while the claim waits for it.
  r.post('/claims/:id/collection-decision', async (req, res) => {
    const body = parse(CollectionDecisionBody, req.body, 'body');
    await claims.visible(req.params.id, claimScopeOf(req));
    const result = await claims.collection.decide(req.params.id, body, actorOf(req), req.header('idempotency-key') ?? randomUUID());
    res.status(result.created ? 201 : 200).json(result);
  });
  // Negotiations with the debtor halt limitation (§ 203 BGB).
  r.post('/claims/:id/negotiations', async (req, res) => {
    const result = await claims.limitation.recordNegotiation(req.params.id, parse(NegotiationBody, req.body, 'body'), actorOf(req));
    res.status(result.created ? 201 : 200).json(result);
  });
  // Open claims not with the lawyer whose limitation date is near or past.
  r.get('/reports/limitation-risk', async (req, res) => {
    res.json(await claims.limitation.riskReport(parse(LimitationRiskQuery, req.query, 'query')));
  });

  return r;
}
