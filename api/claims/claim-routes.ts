import { Router } from 'express';
import { randomUUID } from 'node:crypto';
import type { SignalDefinition } from '@temporalio/workflow';
import { openCents } from '../../domain/ledger/claim-balance';
import { audit } from '../../persistence/audit';
import { claimBalance } from '../../persistence/ledger';
import { PaymentConflictError, recordPayment } from '../../persistence/payments';
import {
  cancellation,
  deferral,
  dispute,
  installmentAgreement,
  paymentReceived,
} from '../../contracts/claims/claim-messages';
import { claimWorkflowState, signalClaim } from '../../contracts/client/claim-handle';
import { claimWorkflowId } from '../../contracts/workflow-ids';
import { actorOf, ApiContext } from '../context';
import { HttpError, notFound, parse } from '../errors';
import { CancellationBody, ClaimListQuery, DeferralBody, DisputeBody, InstallmentBody, PaymentBody } from '../schemas';

const CLOSED_STAGES = ['PAYOUT', 'CLOSED'];

/** Claims: list, detail with balance, history and documents, and the staff actions. */
export function claimRoutes(ctx: ApiContext): Router {
  const r = Router();
  const { db } = ctx;

  async function existingClaim(id: string) {
    const claim = await db.claim.findUnique({ where: { id } });
    if (!claim) throw notFound(`claim ${id}`);
    return claim;
  }

  const signal = <T>(claimId: string, def: SignalDefinition<[T]>, arg: T) => signalClaim(ctx.temporal, claimId, def, arg);

  r.get('/claims', async (req, res) => {
    const q = parse(ClaimListQuery, req.query, 'query');
    const claims = await db.claim.findMany({
      where: { stage: q.stage, clientId: q.clientId, submissionId: q.submissionId, ...(q.after ? { id: { gt: q.after } } : {}) },
      orderBy: { id: 'asc' },
      take: q.limit,
      include: { responsible: { select: { firstName: true, lastName: true } } },
    });
    const balances = await db.ledgerPosting.groupBy({
      by: ['claimId'],
      where: { claimId: { in: claims.map((c) => c.id) }, account: { in: ['receivable_principal', 'receivable_costs'] } },
      _sum: { amountCents: true },
    });
    const open = new Map(balances.map((b) => [b.claimId, b._sum.amountCents ?? 0]));
    res.json({
      claims: claims.map((c) => ({
        id: c.id,
        clientId: c.clientId,
        externalId: c.externalId,
        debtor: `${c.responsible.firstName} ${c.responsible.lastName}`,
        stage: c.stage,
        outcome: c.outcome,
        dunningLevel: c.dunningLevel,
        totalCents: c.totalCents,
        openCents: open.get(c.id) ?? 0,
        dueDate: c.dueDate,
      })),
      next: claims.length === q.limit ? claims[claims.length - 1].id : null,
    });
  });

  r.get('/claims/:id', async (req, res) => {
    const claim = await db.claim.findUnique({
      where: { id: req.params.id },
      include: {
        lines: { orderBy: { lineNo: 'asc' } },
        patient: true,
        responsible: true,
        payments: { orderBy: { receivedAt: 'asc' } },
        documents: { orderBy: { createdAt: 'asc' } },
        agreements: { orderBy: { createdAt: 'asc' } },
        postings: { include: { transaction: true } },
      },
    });
    if (!claim) throw notFound(`claim ${req.params.id}`);
    const balance = await claimBalance(db, claim.id);
    const history = await db.auditEvent.findMany({ where: { entityType: 'claim', entityId: claim.id }, orderBy: { id: 'asc' } });
    const { postings, ...rest } = claim;
    res.json({
      ...rest,
      lines: claim.lines.map((l) => ({ ...l, factor: l.factor?.toString() ?? null })),
      balance: { ...balance, openCents: openCents(balance) },
      ledger: postings
        .sort((a, b) => a.transaction.occurredAt.getTime() - b.transaction.occurredAt.getTime())
        .map((p) => ({ at: p.transaction.occurredAt, kind: p.transaction.kind, account: p.account, amountCents: p.amountCents })),
      history: history.map((h) => ({ at: h.at, actor: h.actor, action: h.action, data: h.data })),
      workflow: { id: claimWorkflowId(claim.id), state: await claimWorkflowState(ctx.temporal, claim.id) },
    });
  });

  r.get('/claims/:id/documents/:documentId', async (req, res) => {
    const doc = await db.document.findFirst({ where: { id: req.params.documentId, claimId: req.params.id } });
    if (!doc) throw notFound(`document ${req.params.documentId} of claim ${req.params.id}`);
    res.type(doc.mimeType).send(await ctx.services.documents.content(doc));
  });

  r.post('/claims/:id/payments', async (req, res) => {
    const body = parse(PaymentBody, req.body, 'body');
    await existingClaim(req.params.id);
    try {
      const result = await recordPayment(db, {
        idempotencyKey: req.header('idempotency-key') ?? randomUUID(),
        claimId: req.params.id,
        amountCents: body.amountCents,
        receivedAt: body.receivedAt ? new Date(body.receivedAt) : new Date(),
        source: 'api',
        reference: body.reference,
        actor: actorOf(req),
      });
      const signalled = await signal(req.params.id, paymentReceived, { paymentId: result.paymentId, amountCents: body.amountCents });
      res.status(result.created ? 201 : 200).json({ ...result, signalled });
    } catch (e) {
      if (e instanceof PaymentConflictError) throw new HttpError(409, 'idempotency_conflict', e.message);
      throw e;
    }
  });

  /** Staff actions that change the claim's course: recorded, audited, then signalled. */
  function action<T>(path: string, kind: string, schema: Parameters<typeof parse>[0], def: SignalDefinition<[T]>, check: (claimId: string, body: any) => Promise<void>, toSignal: (body: any, actor: string) => T) {
    r.post(`/claims/:id/${path}`, async (req, res) => {
      const body = parse(schema, req.body, 'body');
      const claim = await existingClaim(req.params.id);
      if (CLOSED_STAGES.includes(claim.stage)) throw new HttpError(409, 'claim_closed', `claim ${claim.id} is ${claim.stage.toLowerCase()}: no ${kind} is possible any more`);
      await check(claim.id, body);
      const actor = actorOf(req);
      await db.$transaction(async (tx) => {
        await tx.claimAgreement.create({ data: { id: randomUUID(), claimId: claim.id, kind, data: body as object } });
        await audit(tx, actor, kind, 'claim', claim.id, body);
      });
      const signalled = await signal(claim.id, def, toSignal(body, actor));
      res.status(202).json({ claimId: claim.id, action: kind, signalled });
    });
  }

  const noCheck = async () => undefined;
  action('deferral', 'deferral', DeferralBody, deferral, noCheck, (b) => b);
  action('installment-agreement', 'installment_agreement', InstallmentBody, installmentAgreement, async (claimId, b) => {
    const open = openCents(await claimBalance(db, claimId));
    const planned = (b.installments as Array<{ amountCents: number }>).reduce((s, i) => s + i.amountCents, 0);
    if (planned !== open) throw new HttpError(422, 'plan_mismatch', `the installments add up to ${planned} cents but ${open} cents are open`);
  }, (b) => b);
  action('dispute', 'dispute', DisputeBody, dispute, noCheck, (b) => b);
  action('cancellation', 'cancellation', CancellationBody, cancellation, noCheck, (b, actor) => ({ reason: b.reason, actor }));

  return r;
}
