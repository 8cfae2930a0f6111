import { ErrorRequestHandler, Router } from 'express';
import { z } from 'zod';
import { TEMPLATE_PLACEHOLDERS } from '../../domain/documents/template-placeholders';
import { TEMPLATE_KEY, TemplateNotFoundError } from '../../domain/documents/template-key';
import { actorOf, ApiContext } from '../context';
import { HttpError, notFound, parse } from '../errors';

const TemplateBody = z.strictObject({
  /** Absent or null: the template serves all clients. */
  clientId: z.string().min(1).nullish(),
  subject: z.string().min(1).max(300),
  body: z.string().min(1).max(20_000),
});
const ClientQuery = z.object({ clientId: z.string().min(1).optional() });
const GetQuery = ClientQuery.extend({ version: z.coerce.number().int().min(1).optional() });
const Key = z.string().regex(TEMPLATE_KEY, 'a key of lower-case letters, digits and dashes');

function view(t: { id: string; key: string; clientId: string | null; version: number; subject: string; body: string; createdAt: Date; createdBy: string }) {
  return { id: t.id, key: t.key, clientId: t.clientId, version: t.version, subject: t.subject, body: t.body, createdAt: t.createdAt, createdBy: t.createdBy };
}

/** A template (or version) that does not exist is this API's 404. */
const missingTemplate: ErrorRequestHandler = (err, _req, _res, next) => next(err instanceof TemplateNotFoundError ? new HttpError(404, 'not_found', err.message) : err);

/** Free-letter templates: list, read (newest or a given version), history, and new versions. */
export function documentTemplateRoutes(ctx: ApiContext): Router {
  const r = Router();
  const { documents } = ctx.services;

  r.get('/document-templates', async (req, res) => {
    const q = parse(ClientQuery, req.query, 'query');
    res.json({ templates: (await documents.templates(q.clientId)).map(view), placeholders: TEMPLATE_PLACEHOLDERS });
  });

  r.get('/document-templates/:key', async (req, res) => {
    const q = parse(GetQuery, req.query, 'query');
    res.json(view(await documents.template(req.params.key, q)));
  });

  r.get('/document-templates/:key/versions', async (req, res) => {
    const q = parse(ClientQuery, req.query, 'query');
    const versions = await documents.templateVersions(req.params.key, q.clientId ?? null);
    if (versions.length === 0) throw notFound(`template "${req.params.key}"${q.clientId ? ` of client ${q.clientId}` : ''}`);
    res.json({ versions: versions.map(view) });
  });

  r.post('/document-templates/:key', async (req, res) => {
    const key = parse(Key, req.params.key, 'key');
    const b = parse(TemplateBody, req.body, 'body');
    const saved = await documents.saveTemplate({ key, clientId: b.clientId ?? null, subject: b.subject, body: b.body, createdBy: actorOf(req) });
    res.status(201).json(view(saved));
  });
  r.use(missingTemplate);

  return r;
}

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input' }) } } });
const error = { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const key = { name: 'key', in: 'path', required: true, schema: { type: 'string', pattern: TEMPLATE_KEY.source } };
const clientId = { name: 'clientId', in: 'query', required: false, schema: { type: 'string' }, description: "the client's own template, else the one for all clients" };

/** OpenAPI paths of these routes (merged into api/openapi.ts). */
export const documentTemplatePaths = {
  '/document-templates': {
    get: { summary: 'newest version of every free-letter template, and the placeholders they may use', parameters: [clientId], responses: { 200: { description: 'templates' }, 400: error } },
  },
  '/document-templates/{key}': {
    get: {
      summary: 'a template: the newest version unless version is given',
      parameters: [key, clientId, { name: 'version', in: 'query', required: false, schema: { type: 'integer', minimum: 1 } }],
      responses: { 200: { description: 'template' }, 400: error, 404: error },
    },
    post: {
      summary: 'save an edit as the next version; unknown {{placeholders}} are refused with line and column',
      parameters: [key],
      requestBody: { required: true, ...json(TemplateBody) },
      responses: { 201: { description: 'the new version' }, 400: error, 404: error, 422: error },
    },
  },
  '/document-templates/{key}/versions': {
    get: { summary: 'every version of a template, newest first', parameters: [key, clientId], responses: { 200: { description: 'versions' }, 404: error } },
  },
};
