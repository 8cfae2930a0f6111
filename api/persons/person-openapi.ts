import { z } from 'zod';
import { RestrictionBody } from './person-schemas';

const error = { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input' }) } } });
const person = { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'person id' };

/** The person routes in the OpenAPI document. */
export const personPaths = {
  '/persons/{id}/gdpr-export': {
    get: {
      summary: 'Art. 15 GDPR: everything held about the person (master data, claims, letters with their document numbers, payments, audit entries); audited as a read',
      parameters: [person, { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['json', 'pdf'], default: 'json' } }],
      responses: { 200: { description: 'the export as JSON, or as a PDF letter to the person' }, 400: error, 404: error },
    },
  },
  '/persons/{id}/restriction': {
    post: { summary: "Art. 18 GDPR: restrict the person's data (stored only; letters to the person are held); audited", parameters: [person], requestBody: { required: true, ...json(RestrictionBody) }, responses: { 200: { description: '{ personId, restrictedAt, restrictionReason }' }, 400: error, 404: error } },
    delete: { summary: 'lift the restriction; the letters held meanwhile are sent; audited', parameters: [person], responses: { 200: { description: '{ personId, restrictedAt: null, releasedDocuments }' }, 404: error } },
  },
};
