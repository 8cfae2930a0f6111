import { z } from 'zod';
import { AuditQuery } from './audit-schemas';

const error = { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const query = Object.entries((z.toJSONSchema(AuditQuery, { io: 'input' }) as { properties: Record<string, object> }).properties).map(([name, schema]) => ({ name, in: 'query', required: false, schema }));

/** The audit routes in the OpenAPI document. */
export const auditPaths = {
  '/audit-events': {
    get: { summary: 'the audit trail, newest first, filtered by entity, actor, action and period; each event says whether it is sealed into the hash chain yet', parameters: query, responses: { 200: { description: '{ events, next }' }, 400: error } },
  },
  '/audit-events/verification': {
    get: { summary: "recompute the audit trail's hash chain: intact, or every break with its seal and event", responses: { 200: { description: '{ intact, checked, unsealed, breaks }' } } },
  },
};
