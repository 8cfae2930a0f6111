import { z } from 'zod';
import { CollectionAccountBody, PayoutAccountBody } from './account-schemas';

const error = { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const body = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input' }) } } });

/** The account routes in the OpenAPI document. */
export const accountPaths = {
  '/collection-accounts': {
    get: { summary: "the centre's collection accounts patients pay into: its own account (bought claims) and trust accounts (Inkasso)", responses: { 200: { description: '{ accounts }' } } },
  },
  '/collection-accounts/{accountId}': {
    get: { summary: 'one collection account', parameters: [{ name: 'accountId', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'the account' }, 404: error } },
    put: {
      summary: 'register or change a collection account (audited): letters name it, the bank import accepts its statements',
      parameters: [{ name: 'accountId', in: 'path', required: true, schema: { type: 'string' } }],
      requestBody: body(CollectionAccountBody),
      responses: {
        201: { description: 'registered' },
        200: { description: 'changed' },
        400: error,
        404: { ...error, description: 'no such client (clientId)' },
        409: { ...error, description: "the IBAN is another collection account's or a client's payout account, or another account is already active in its place" },
      },
    },
  },
  '/clients/{clientId}/payout-account': {
    put: {
      summary: "set the client's payout account (audited): payouts go here; patients never see it",
      parameters: [{ name: 'clientId', in: 'path', required: true, schema: { type: 'string' } }],
      requestBody: body(PayoutAccountBody),
      responses: { 200: { description: 'the payout account' }, 400: error, 404: error, 409: { ...error, description: 'the IBAN is a collection account' } },
    },
  },
};
