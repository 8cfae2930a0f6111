import { Router } from 'express';
import { actorOf, ApiContext } from '../context';
import { parse } from '../errors';
import { ChartBody, DatevExportBody } from './accounting-schemas';

/** Accounting: the chart of accounts and the DATEV exports. */
export function accountingRoutes(ctx: ApiContext): Router {
  const r = Router();
  const accounting = ctx.services.accounting;

  r.get('/accounting/chart', async (_req, res) => {
    res.json(await accounting.chart());
  });
  r.put('/accounting/chart', async (req, res) => {
    res.json(await accounting.saveChart(parse(ChartBody, req.body, 'body'), actorOf(req)));
  });

  r.get('/accounting/datev-exports', async (_req, res) => {
    res.json({ exports: await accounting.exports() });
  });
  r.post('/accounting/datev-exports', async (req, res) => {
    const result = await accounting.exportPeriod(parse(DatevExportBody, req.body, 'body'), actorOf(req));
    res.status(result.created ? 201 : 200).json(result.export);
  });
  r.get('/accounting/datev-exports/:id/file', async (req, res) => {
    const file = await accounting.exportFile(req.params.id);
    res.attachment(file.fileName).type('text/csv; charset=windows-1252').send(Buffer.from(file.content));
  });
  r.get('/accounting/datev-exports/:id/invoice-journal', async (req, res) => {
    const file = await accounting.invoiceJournal(req.params.id);
    res.attachment(file.fileName).type('text/csv; charset=utf-8').send(Buffer.from(file.content));
  });

  return r;
}
