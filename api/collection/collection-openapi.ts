import { z } from 'zod';
import { LawyerBody, LawyerReportBody, QuarantineQuery } from './collection-schemas';

const error = { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };

/** The collection routes in the OpenAPI document. */
export const collectionPaths = {
  '/collection/quarantine': {
    get: {
      summary: "lawyers' feedback lines (and whole files, line 0) that could not be taken: file, line, field, reason and the line as it stood",
      parameters: Object.keys(QuarantineQuery.shape).map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } })),
      responses: { 200: { description: '{ items, next }' }, 400: error },
    },
  },
  '/collection/lawyers': {
    get: { summary: 'the lawyers claims are handed to: name, IBAN, SFTP outbox and done folder', responses: { 200: { description: '{ lawyers }' } } },
  },
  '/collection/lawyers/{lawyerId}': {
    put: {
      summary: 'register or change a lawyer (audited): its feedback is read from the outbox folder, its transfers recognised by the IBAN',
      parameters: [{ name: 'lawyerId', in: 'path', required: true, schema: { type: 'string' } }],
      requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(LawyerBody, { io: 'input' }) } } },
      responses: { 201: { description: 'registered' }, 200: { description: 'changed' }, 400: error, 409: { ...error, description: 'another lawyer has this IBAN' } },
    },
  },
  '/collection/lawyers/{lawyerId}/reports': {
    post: {
      summary: "record a lawyer's report received another way (letter, phone): booked and told to the claim like a feedback line",
      parameters: [
        { name: 'lawyerId', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string' }, description: 'the same key again records nothing twice' },
      ],
      requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(LawyerReportBody, { io: 'input' }) } } },
      responses: {
        201: { description: '{ reportId, created, signalled }: recorded, booked, audited and signalled' },
        200: { description: 'repeated request (same Idempotency-Key): the earlier report' },
        400: error,
        404: error,
        409: { ...error, description: 'the claim is not with a lawyer, or the key was used for a different report' },
      },
    },
  },
};
