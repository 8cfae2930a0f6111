import { z } from 'zod';
import { FactorBody, FactorQuarantineQuery, FactorRunBody } from './factoring-schemas';

const error = { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const factorId = { name: 'factorId', in: 'path', required: true, schema: { type: 'string' } };

/** The factoring routes in the OpenAPI document. */
export const factoringPaths = {
  '/factoring/factors': {
    get: { summary: 'the refinancing factors: name, SFTP inbox, outbox and done folder, whether runs sell to it', responses: { 200: { description: '{ factors }' } } },
  },
  '/factoring/factors/{factorId}': {
    get: { summary: 'one refinancing factor', parameters: [factorId], responses: { 200: { description: 'the factor' }, 404: error } },
    put: {
      summary: 'register or change a refinancing factor (audited)',
      parameters: [factorId],
      requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(FactorBody, { io: 'input' }) } } },
      responses: { 201: { description: 'registered' }, 200: { description: 'changed' }, 400: error },
    },
  },
  '/factoring/runs': {
    post: {
      summary: 'start a run now: sell the claims the refinancing policy names (docs/refinancing-factor.md), then read the factors\u2019 answers',
      parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' }, description: 'names the run: the same key again is the same run' }],
      requestBody: { required: false, content: { 'application/json': { schema: z.toJSONSchema(FactorRunBody, { io: 'input' }) } } },
      responses: { 202: { description: '{ runKey, workflowId }: started' }, 400: error, 404: error },
    },
  },
  '/factoring/quarantine': {
    get: {
      summary: "factors' answer lines (and whole files, line 0) that could not be taken: file, line, field, reason and the line as it stood",
      parameters: Object.keys(FactorQuarantineQuery.shape).map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } })),
      responses: { 200: { description: '{ items, next }' }, 400: error },
    },
  },
};
