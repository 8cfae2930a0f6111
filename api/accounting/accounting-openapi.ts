import { z } from 'zod';
import { ChartBody, DatevExportBody } from './accounting-schemas';

const error = { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const exportId = { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'DATEV export id' };
const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input' }) } } });

/** The accounting routes in the OpenAPI document. */
export const accountingPaths = {
  '/accounting/chart': {
    get: { summary: 'the chart of accounts: SKR03 or SKR04, per internal account its default number, override and number in force', responses: { 200: { description: '{ skr, overrides, accounts }' } } },
    put: {
      summary: 'choose the SKR and override account numbers (audited)',
      requestBody: { required: true, ...json(ChartBody) },
      responses: { 200: { description: 'the chart now in force' }, 400: error },
    },
  },
  '/accounting/datev-exports': {
    get: { summary: 'the DATEV exports so far (their periods are locked)', responses: { 200: { description: '{ exports }' } } },
    post: {
      summary: 'export a period to DATEV (EXTF Buchungsstapel 700/21 and Rechnungsausgangsbuch); locks the period; the same period again returns the same batch',
      requestBody: { required: true, ...json(DatevExportBody) },
      responses: { 201: { description: 'exported' }, 200: { description: 'exported before: the stored batch' }, 400: error, 409: { ...error, description: 'overlaps an exported period' }, 422: { ...error, description: 'ends before it begins, or crosses a fiscal year' } },
    },
  },
  '/accounting/datev-exports/{id}/file': {
    get: { summary: 'the Buchungsstapel as stored (Windows-1252, CRLF)', parameters: [exportId], responses: { 200: { description: 'text/csv; charset=windows-1252' }, 404: error } },
  },
  '/accounting/datev-exports/{id}/invoice-journal': {
    get: { summary: 'the Rechnungsausgangsbuch of the period (CSV, UTF-8)', parameters: [exportId], responses: { 200: { description: 'text/csv; charset=utf-8' }, 404: error } },
  },
};
