import { Router } from 'express';
import { actorOf, type ApiContext } from '../context';
import { parse } from '../errors';
import { GdprExportQuery, RestrictionBody } from './person-schemas';

/** The GDPR duties towards a person: access (Art. 15) and restriction (Art. 18). */
export function personRoutes(ctx: ApiContext): Router {
  const r = Router();
  const persons = ctx.services.persons;

  r.get('/persons/:id/gdpr-export', async (req, res) => {
    const { format } = parse(GdprExportQuery, req.query, 'query');
    if (format === 'json') return void res.json(await persons.exportJson(req.params.id, actorOf(req)));
    const { pdf, fileName } = await persons.exportPdf(req.params.id, actorOf(req));
    res.type('application/pdf').attachment(fileName).send(pdf);
  });
  r.post('/persons/:id/restriction', async (req, res) => {
    res.json(await persons.restrict(req.params.id, parse(RestrictionBody, req.body, 'body').reason, actorOf(req)));
  });
  r.delete('/persons/:id/restriction', async (req, res) => {
    res.json(await persons.liftRestriction(req.params.id, actorOf(req)));
  });

  return r;
}
