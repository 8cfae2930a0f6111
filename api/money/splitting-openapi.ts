import { z } from 'zod';
import { LevyRecipientInput, LevyRulesBody, SplitRulesBody } from './splitting-schemas';

const error = { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const clientId = { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'client id' };
const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } } });

/** The splitting and levy routes in the OpenAPI document (format: docs/splitting-and-levies.md). */
export const splittingPaths = {
  '/clients/{id}/split-rules': {
    get: { summary: "the submitting client's split rules: ordered stages (match, rate, recipient); the rest goes to the treating doctor's client", parameters: [clientId], responses: { 200: { description: '{ clientId, stages }' }, 404: error } },
    put: {
      summary: 'replace the split rules (audited); they apply to claims split from then on',
      parameters: [clientId],
      requestBody: { required: true, ...json(SplitRulesBody) },
      responses: { 200: { description: 'the rules now in force' }, 400: error, 404: error, 422: { ...error, description: 'a stage names a client that does not exist' } },
    },
  },
  '/clients/{id}/levies': {
    get: { summary: "the client's levies (Abgaben): rate or fixed amount of its fees by code, section or all, per recipient", parameters: [clientId], responses: { 200: { description: '{ clientId, levies }' }, 404: error } },
    put: {
      summary: 'replace the levies (audited)',
      parameters: [clientId],
      requestBody: { required: true, ...json(LevyRulesBody) },
      responses: { 200: { description: 'the levies now in force' }, 400: error, 404: error, 422: { ...error, description: 'a levy names a recipient that does not exist' } },
    },
  },
  '/levy-recipients': {
    get: { summary: 'the levy recipients', responses: { 200: { description: '{ recipients }' } } },
    post: {
      summary: 'add a levy recipient (IBAN and BIC validated; audited)',
      requestBody: { required: true, ...json(LevyRecipientInput) },
      responses: { 201: { description: 'the recipient with its id' }, 400: error },
    },
  },
};
