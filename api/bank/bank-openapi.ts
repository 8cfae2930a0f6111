import { z } from 'zod';
import { AssignBody, BankFileLinesQuery, BankFileListQuery, NotOursBody, RefundBody, UnclearListQuery } from './bank-schemas';

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input' }) } } });
const error = { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const idempotencyKey = { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' }, description: 'the same key again answers with the first result and books nothing' };
const path = (name: string, description: string) => ({ name, in: 'path', required: true, schema: { type: 'string' }, description });
const query = (schema: z.ZodObject) => Object.keys(schema.shape).map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } }));
const lineId = path('lineId', 'bank line id');
const acted = { 201: { description: 'booked, audited and signalled to the claims concerned' }, 200: { description: 'repeated request (same Idempotency-Key): the earlier result' } };

function lineAction(summary: string, body: z.ZodType) {
  return {
    post: {
      summary,
      parameters: [lineId, idempotencyKey],
      requestBody: { required: true, ...json(body) },
      responses: { ...acted, 400: error, 404: error, 409: error, 422: error },
    },
  };
}

/** The bank-statement and unclear-payments routes in the OpenAPI document. */
export const bankPaths = {
  '/bank-statements': {
    post: {
      summary: 'upload a bank statement (CAMT.053/052/054, MT940, OFX): imported, matched and booked at once',
      parameters: [{ name: 'fileName', in: 'query', required: true, schema: { type: 'string' } }],
      requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
      responses: {
        201: { description: 'summary: format, statements, lines, duplicates, matched, queued, reversed, ignored' },
        200: { description: 'the same file was received before: its summary, nothing booked again' },
        400: error,
        422: { ...error, description: 'rejected whole and quarantined: details has fileName, location, reason' },
      },
    },
    get: { summary: 'list statement files', parameters: query(BankFileListQuery), responses: { 200: { description: '{ files, next }' }, 400: error } },
  },
  '/bank-statements/{id}': {
    get: {
      summary: 'a statement file: summary, statements, reconciliation of the bank account, a page of its lines',
      parameters: [path('id', 'bank statement file id'), ...query(BankFileLinesQuery)],
      responses: { 200: { description: 'file with lines and nextLines cursor' }, 404: error },
    },
  },
  '/unclear-payments': {
    get: { summary: 'open items of the unclear-payments queue with ranked suggestions, confidence and reasons', parameters: query(UnclearListQuery), responses: { 200: { description: '{ items, next }' }, 400: error } },
  },
  '/unclear-payments/{lineId}/assign': lineAction('allocate the unallocated amount to one or several claims (must add up exactly)', AssignBody),
  '/unclear-payments/{lineId}/refund': lineAction('refund the unallocated amount to the payer (their IBAN by default)', RefundBody),
  '/unclear-payments/{lineId}/not-ours': lineAction('mark the movement as no claim payment (to general accounting)', NotOursBody),
  '/bank-allocations/{id}/reverse': {
    post: {
      summary: 'undo an allocation (automatic or by staff) with reversing postings; the money goes back to the queue',
      parameters: [path('id', 'bank allocation id')],
      responses: { ...acted, 404: error, 409: error },
    },
  },
};
