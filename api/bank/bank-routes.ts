import express, { Router } from 'express';
import { bankFileReconciliation, bankFileSummary, receiveBankFile } from '../../persistence/bank/statement-files';
import { ActionResult, assignLine, BankActionError, markNotOurs, refundLine, reverseAllocation } from '../../services/bank/unclear-actions';
import { claimSignalsOf, sendClaimSignals } from '../../services/bank/claim-signals';
import { unclearPage } from '../../services/bank/unclear-queue';
import { actorOf, ApiContext } from '../context';
import { HttpError, notFound, parse } from '../errors';
import { AssignBody, BankFileLinesQuery, BankFileListQuery, BankUploadQuery, NotOursBody, RefundBody, UnclearListQuery } from './bank-schemas';
import { executeBankStatementWorkflow } from '../../contracts/client/workflow-starts';

/** Bank statements (upload, list, detail with reconciliation) and the unclear-payments assistant. */
export function bankRoutes(ctx: ApiContext): Router {
  const r = Router();
  const { db } = ctx;

  /** Books nothing itself: stores the file, then the import workflow books it and tells the claims. */
  r.post('/bank-statements', express.raw({ type: () => true, limit: '200mb' }), async (req, res) => {
    const { fileName } = parse(BankUploadQuery, req.query, 'query');
    const content = req.body as Buffer;
    if (!Buffer.isBuffer(content) || content.length === 0) throw new HttpError(400, 'empty_file', `the bank statement file ${fileName} is empty`);
    const actor = actorOf(req);
    const received = await receiveBankFile(db, { fileName, content, source: `upload:${actor}`, actor });
    const summary = await executeBankStatementWorkflow(ctx.temporal, ctx.queues, received);
    if (summary.status === 'QUARANTINED') {
      const { location, reason } = summary.error!;
      throw new HttpError(422, 'bank_file_rejected', `${summary.fileName}: ${location}: ${reason}; the file is kept in quarantine and nothing of it was booked`, { fileId: summary.fileId, fileName: summary.fileName, location, reason });
    }
    res.status(received.duplicate ? 200 : 201).json({ ...summary, duplicateFile: received.duplicate, detail: `/api/bank-statements/${summary.fileId}` });
  });

  r.get('/bank-statements', async (req, res) => {
    const q = parse(BankFileListQuery, req.query, 'query');
    const files = await db.bankStatementFile.findMany({
      where: { status: q.status, ...(q.after ? { id: { gt: q.after } } : {}) },
      orderBy: { id: 'asc' },
      take: q.limit,
      omit: { statements: true },
    });
    res.json({ files, next: files.length === q.limit ? files[files.length - 1].id : null });
  });

  r.get('/bank-statements/:id', async (req, res) => {
    const q = parse(BankFileLinesQuery, req.query, 'query');
    const file = await db.bankStatementFile.findUnique({ where: { id: req.params.id }, select: { id: true, source: true, receivedAt: true, statements: true } });
    if (!file) throw notFound(`bank statement file ${req.params.id}`);
    const lines = await db.bankLine.findMany({
      where: { fileId: file.id, status: q.status, ...(q.after ? { id: { gt: q.after } } : {}) },
      orderBy: { id: 'asc' },
      take: q.limit,
      include: { allocations: true },
    });
    res.json({
      ...(await bankFileSummary(db, file.id)),
      source: file.source,
      receivedAt: file.receivedAt,
      statementDetails: file.statements ?? [],
      reconciliation: await bankFileReconciliation(db, file.id),
      lines,
      nextLines: lines.length === q.limit ? lines[lines.length - 1].id : null,
    });
  });

  r.get('/unclear-payments', async (req, res) => {
    res.json(await unclearPage(db, parse(UnclearListQuery, req.query, 'query')));
  });

  /** Runs a staff action, then tells the claims concerned (again on a replay: harmless, ids dedup). */
  async function staffAction(run: () => Promise<ActionResult>): Promise<ActionResult & { signalled: number }> {
    try {
      const result = await run();
      const signalled = await sendClaimSignals(ctx.temporal, await claimSignalsOf(db, { lineIds: [result.lineId] }));
      return { ...result, signalled };
    } catch (e) {
      if (e instanceof BankActionError) throw new HttpError(e.status, e.code, e.message);
      throw e;
    }
  }
  const who = (req: express.Request) => ({ actor: actorOf(req), idempotencyKey: req.header('idempotency-key') });
  const answer = (res: express.Response, result: ActionResult) => res.status(result.replayed ? 200 : 201).json(result);

  r.post('/unclear-payments/:lineId/assign', async (req, res) => {
    const body = parse(AssignBody, req.body, 'body');
    answer(res, await staffAction(() => assignLine(db, req.params.lineId, body.allocations, who(req))));
  });

  r.post('/unclear-payments/:lineId/refund', async (req, res) => {
    const body = parse(RefundBody, req.body ?? {}, 'body');
    answer(res, await staffAction(() => refundLine(db, req.params.lineId, body.iban, who(req))));
  });

  r.post('/unclear-payments/:lineId/not-ours', async (req, res) => {
    const body = parse(NotOursBody, req.body, 'body');
    answer(res, await staffAction(() => markNotOurs(db, req.params.lineId, body.note, who(req))));
  });

  r.post('/bank-allocations/:id/reverse', async (req, res) => {
    answer(res, await staffAction(() => reverseAllocation(db, req.params.id, actorOf(req))));
  });

  return r;
}
