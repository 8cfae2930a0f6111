import { z } from 'zod';
import { PolicyBody } from './policy-routes';

const error = { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const policyId = { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'policy id: "system", or a client\'s "client-<id>"' };

/** The policy routes in the OpenAPI document. */
export const policyPaths = {
  '/policies/{id}': {
    get: { summary: "a policy's data", parameters: [policyId], responses: { 200: { description: '{ id, data }' }, 404: error } },
    put: {
      summary: "replace a policy's data (checked whole; audited with before and after)",
      parameters: [policyId],
      requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(PolicyBody, { io: 'input' }) } } },
      responses: { 200: { description: '{ id, data }' }, 400: error, 404: error, 422: error },
    },
  },
};
