import { Router, type Request, type Response } from 'express';
import { actorOf, ApiContext } from '../context';
import { rawFileBody, uploadedFile } from '../uploaded-file';
import { HttpError, notFound, parse } from '../errors';
import { AssignBody, BankFileLinesQuery, BankFileListQuery, NotOursBody, RefundBody, UnclearListQuery } from './bank-schemas';

/** Bank statements (upload, list, detail with reconciliation) and the unclear-payments assistant. */
export function bankRoutes(ctx: ApiContext): Router {
  const r = Router();
  const { bank } = ctx.services;

  /** Books nothing itself: stores the file, then the import workflow books it and tells the claims. */
  r.post('/bank-statements', rawFileBody, async (req, res) => {
    const { fileName, content } = uploadedFile(req, 'bank statement');
    const { summary, duplicate } = await bank.uploadStatement({ fileName, content, actor: actorOf(req) });
    if (summary.status === 'QUARANTINED') {
      const { location, reason } = summary.error!;
      throw new HttpError(422, 'bank_file_rejected', `${summary.fileName}: ${location}: ${reason}; the file is kept in quarantine and nothing of it was booked`, { fileId: summary.fileId, fileName: summary.fileName, location, reason });
    }
    res.status(duplicate ? 200 : 201).json({ ...summary, duplicateFile: duplicate, detail: `/api/bank-statements/${summary.fileId}` });
  });

  r.get('/bank-statements', async (req, res) => {
    res.json(await bank.statementFiles(parse(BankFileListQuery, req.query, 'query')));
  });

  r.get('/bank-statements/:id', async (req, res) => {
    const file = await bank.statementFile(req.params.id, parse(BankFileLinesQuery, req.query, 'query'));
    if (!file) throw notFound(`bank statement file ${req.params.id}`);
    res.json(file);
  });

  r.get('/unclear-payments', async (req, res) => {
    res.json(await bank.unclearPayments(parse(UnclearListQuery, req.query, 'query')));
  });

  /** A staff action's answer: 201 when it booked, 200 when it repeated an earlier request. */
  async function answer(res: Response, action: Promise<{ replayed: boolean }>): Promise<void> {
    const result = await action;
    res.status(result.replayed ? 200 : 201).json(result);
  }
  const who = (req: Request) => ({ actor: actorOf(req), idempotencyKey: req.header('idempotency-key') });

  r.post('/unclear-payments/:lineId/assign', async (req, res) => {
    const body = parse(AssignBody, req.body, 'body');
    await answer(res, bank.assignLine(req.params.lineId, body.allocations, who(req)));
  });

  r.post('/unclear-payments/:lineId/refund', async (req, res) => {
    const body = parse(RefundBody, req.body ?? {}, 'body');
    await answer(res, bank.refundLine(req.params.lineId, body.iban, who(req)));
  });

  r.post('/unclear-payments/:lineId/not-ours', async (req, res) => {
    const body = parse(NotOursBody, req.body, 'body');
    await answer(res, bank.markNotOurs(req.params.lineId, body.note, who(req)));
  });

  r.post('/bank-allocations/:id/reverse', async (req, res) => {
    await answer(res, bank.reverseAllocation(req.params.id, actorOf(req)));
  });

  return r;
}
