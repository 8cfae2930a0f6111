import { z } from 'zod';
import { PreparePayoutRunBody } from './payout-run-schemas';

const error = { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const runId = { name: 'runId', in: 'path', required: true, schema: { type: 'string' } };

/** The payout run routes in the OpenAPI document. */
export const payoutRunPaths = {
  '/payout-runs': {
    post: {
      summary: 'prepare a payout run (the preview): per client the released payables up to now (less the VAT of its Inkasso fee invoice), per levy recipient the levies taken for it, lines with IBAN and end-to-end id, held-back lines with their reason, totals',
      requestBody: { required: false, content: { 'application/json': { schema: z.toJSONSchema(PreparePayoutRunBody, { io: 'input' }) } } },
      responses: { 201: { description: 'the run, PREVIEWED' }, 400: error, 422: { ...error, description: 'nothing to pay' } },
    },
    get: {
      summary: 'the most recent payout runs with their status and totals',
      parameters: [{ name: 'take', in: 'query', required: false, schema: { type: 'integer' } }],
      responses: { 200: { description: '{ runs }' }, 400: error },
    },
  },
  '/payout-runs/{runId}': {
    get: { summary: 'a payout run: status, who prepared and approved it, totals, lines, held-back lines, its SEPA file', parameters: [runId], responses: { 200: { description: 'the run' }, 404: error } },
  },
  '/payout-runs/{runId}/approve': {
    post: {
      summary: 'approve a previewed run (four eyes: not by the person who prepared it)',
      parameters: [runId],
      responses: { 200: { description: 'the run, APPROVED' }, 404: error, 409: { ...error, description: 'the run is not in preview' }, 422: { ...error, description: 'four_eyes: the approver prepared the run' } },
    },
  },
  '/payout-runs/{runId}/cancel': {
    post: { summary: 'cancel a previewed or approved run: its payables go to the next run', parameters: [runId], responses: { 200: { description: 'the run, CANCELLED' }, 404: error, 409: error } },
  },
  '/payout-runs/{runId}/execute': {
    post: {
      summary: 'execute an approved run: SEPA file (pain.001.001.09), postings, upload to the bank, as a workflow that resumes after any interruption',
      parameters: [runId],
      responses: { 202: { description: 'the run, EXECUTING (then EXECUTED)' }, 404: error, 409: { ...error, description: 'the run is not approved' } },
    },
  },
  '/payout-runs/{runId}/sepa': {
    get: { summary: "the run's SEPA credit transfer file (pain.001.001.09)", parameters: [runId], responses: { 200: { description: 'application/xml' }, 404: error, 409: { ...error, description: 'not written yet' } } },
  },
  '/payout-runs/{runId}/invoices/{invoiceId}': {
    get: {
      summary: "an Inkasso client's invoice of the run over its fees, with VAT (the id is on the client's line; issued when the run is executed)",
      parameters: [runId, { name: 'invoiceId', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { 200: { description: 'application/pdf' }, 404: { ...error, description: 'no such invoice issued in the run' } },
    },
  },
};
