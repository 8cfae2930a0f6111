import { z } from 'zod';
import { accountingPaths } from './accounting/accounting-openapi';
import { auditPaths } from './audit/audit-openapi';
import { personPaths } from './persons/person-openapi';
import { policyPaths } from './system/policy-openapi';
import { bankPaths } from './bank/bank-openapi';
import { collectionPaths } from './collection/collection-openapi';
import { splittingPaths } from './money/splitting-openapi';
import { accountPaths } from './money/account-openapi';
import { payoutRunPaths } from './money/payout-run-openapi';
import { factoringPaths } from './factoring/factoring-openapi';
import { documentTemplatePaths } from './documents/document-template-routes';
import { BaseRateBody, CancellationBody, CollectionDecisionBody, DeferralBody, DisputeBody, InstallmentBody, NegotiationBody, PaymentBody, ReopenBody, WriteOffBody, CreditNoteBody, RedeliveryBody } from './schemas';
import { DocumentListQuery, ResendBody } from './documents/document-routes';
import { ClaimLetterBody } from './documents/claim-letter-routes';
import { JournalBody } from './documents/client-journal-routes';
import { LoginBody, NewApiKeyBody, NewUserBody } from './auth/auth-schemas';
import { ROUTE_RULES } from './auth/route-rules';

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input' }) } } });
const error = { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const claimId = { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'claim id = invoice number' };

function staffAction(summary: string, body: z.ZodType) {
  return {
    post: {
      summary,
      parameters: [claimId],
      requestBody: { required: true, ...json(body) },
      responses: { 202: { description: 'recorded and signalled to the claim workflow' }, 400: error, 404: error, 409: error, 422: error },
    },
  };
}

const documentId = { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'document id' };

function repeatAction(summary: string) {
  return {
    post: {
      summary,
      parameters: [documentId, { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } }],
      requestBody: { required: false, ...json(ResendBody) },
      responses: { 202: { description: 'the new document, being sent' }, 200: { description: 'already created under this Idempotency-Key' }, 400: error, 404: error, 422: error },
    },
  };
}

const authPaths = {
  '/openapi.json': { get: { summary: 'this document', responses: { 200: { description: 'OpenAPI 3.1' } } } },
  '/auth/login': {
    post: {
      summary: 'the embedded login (when no identity provider is configured): a short-lived bearer token; rate-limited, locked after repeated failures',
      requestBody: { required: true, ...json(LoginBody) },
      responses: { 200: { description: '{ token, tokenType, expiresAt }' }, 400: error, 401: { ...error, description: 'invalid_credentials or locked_out' }, 409: { ...error, description: 'sso_only' }, 429: error },
    },
  },
  '/auth/me': { get: { summary: 'who the credential names: name, roles, scope', responses: { 200: { description: '{ name, roles, scope, via }' } } } },
  '/users': {
    get: { summary: 'local users (no password hashes)', responses: { 200: { description: '{ users }' } } },
    post: { summary: 'create a local user (argon2id-hashed password; audited)', requestBody: { required: true, ...json(NewUserBody) }, responses: { 201: { description: 'the user' }, 400: error, 409: error, 422: error } },
  },
  '/api-keys': {
    get: { summary: 'API keys of machine clients (never the key)', responses: { 200: { description: '{ apiKeys }' } } },
    post: { summary: 'create an API key: the key is in this answer only (stored as its SHA-256; audited)', requestBody: { required: true, ...json(NewApiKeyBody) }, responses: { 201: { description: 'the key and its record' }, 400: error, 409: error, 422: error } },
  },
  '/api-keys/{id}/revoke': { post: { summary: 'revoke an API key (audited)', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'the revoked key' }, 404: error } } },
};

/**
 * Every operation names the roles the route table grants (`x-roles`) and the 401/403 answers;
 * public ones need no security.
 */
function withAccess<P extends Record<string, Record<string, object>>>(paths: P): P {
  const annotated = Object.entries(paths).map(([path, ops]) => [
    path,
    Object.fromEntries(
      Object.entries(ops).map(([method, op]) => {
        const rule = ROUTE_RULES[`${method.toUpperCase()} ${path}`];
        if (rule === undefined) return [method, op];
        if (rule === 'public') return [method, { ...op, security: [] }];
        const responses = { ...(op as { responses?: object }).responses, 401: { ...error, description: 'unauthenticated' }, 403: { ...error, description: 'forbidden for the caller’s roles' } };
        return [method, { ...op, 'x-roles': rule, responses }];
      }),
    ),
  ]);
  return Object.fromEntries(annotated) as P;
}

/** The OpenAPI 3.1 description of the REST API, served at /api/openapi.json. */
export const openApiDocument = {
  openapi: '3.1.0',
  info: { title: 'claimflow API', version: '0.1.0', description: 'Claim status and staff actions of a billing centre.' },
  servers: [{ url: '/api' }],
  // Bearer tokens of the centre's identity provider (OIDC) or of the embedded login, or an API key (cfk_…), in the Authorization header.
  security: [{ bearerToken: [] }, { apiKey: [] }],
  components: {
    securitySchemes: {
      bearerToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'the identity provider’s access token (OpenID Connect), or the embedded login’s (POST /auth/login)' },
      apiKey: { type: 'http', scheme: 'bearer', bearerFormat: 'cfk_…', description: 'an API key of a machine client (POST /api-keys)' },
    },
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
          },
        },
      },
    },
  },
  paths: withAccess({
    ...authPaths,
    ...documentTemplatePaths,
    ...bankPaths,
    ...collectionPaths,
    ...payoutRunPaths,
    ...factoringPaths,
    ...accountingPaths,
    ...splittingPaths,
    ...auditPaths,
    ...personPaths,
    ...policyPaths,
    ...accountPaths,
    '/health': { get: { summary: 'database and Temporal reachable (as /health/ready)', responses: { 200: { description: 'ok' }, 503: error } } },
    '/health/live': { get: { summary: 'the process answers (liveness)', responses: { 200: { description: 'ok' } } } },
    '/health/ready': { get: { summary: 'database and Temporal reachable (readiness)', responses: { 200: { description: 'ok' }, 503: error } } },
    '/clients/{clientId}/billing-files': {
      post: {
        summary: 'upload a billing file (PADneXt XML or CSV, see docs/csv-format.md), alone, or with its PADneXt order file as two multipart parts or in a ZIP',
        parameters: [
          { name: 'clientId', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'fileName', in: 'query', required: false, description: 'required unless the body is multipart/form-data', schema: { type: 'string' } },
        ],
        requestBody: {
          required: true,
          content: {
            'application/octet-stream': { schema: { type: 'string', format: 'binary', description: 'the billing file, or a ZIP holding it and its order file' } },
            'multipart/form-data': { schema: { type: 'object', additionalProperties: { type: 'string', format: 'binary' }, description: 'the billing file and its order file as file parts' } },
          },
        },
        responses: { 202: { description: 'accepted for processing' }, 200: { description: 'identical delivery already received' }, 400: error, 404: error, 422: { ...error, description: 'the files are not one delivery' } },
      },
    },
    '/billing-files/{id}': {
      get: { summary: 'receipt: outcome of every record', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'receipt' }, 404: error } },
    },
    '/claims': {
      get: {
        summary: 'list claims',
        parameters: ['stage', 'clientId', 'submissionId', 'limit', 'after'].map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } })),
        responses: { 200: { description: 'a page of claims' }, 400: error },
      },
    },
    '/claims/{id}': { get: { summary: 'claim with stage, balance, lines, history, documents', parameters: [claimId], responses: { 200: { description: 'claim' }, 404: error } } },
    '/claims/{id}/money-trace': {
      get: {
        summary: "every posting of the claim: transaction, account and chart account number, amount, currency, booking date, source (GOÄ lines, payment and bank line, allocation, payout) and the DATEV batch rows it was exported in; with the balances they sum to",
        parameters: [claimId],
        responses: { 200: { description: '{ claimId, postings, balance }' }, 404: error },
      },
    },
    '/claims/{id}/documents/{documentId}': {
      get: {
        summary: "one of the claim's archived documents (a letter's PDF, its cover mail): the content with its MIME type",
        parameters: [claimId, { name: 'documentId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { 200: { description: 'the document', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } }, 404: error },
      },
    },
    '/claims/{id}/payments': {
      post: {
        summary: 'record a payment',
        parameters: [claimId, { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } }],
        requestBody: { required: true, ...json(PaymentBody) },
        responses: { 201: { description: 'booked' }, 200: { description: 'already booked under this Idempotency-Key' }, 400: error, 404: error, 409: error },
      },
    },
    '/claims/{id}/statement-of-account': {
      get: {
        summary: 'statement of account as of a day (Forderungsaufstellung zum Stichtag): principal, costs, default interest per period, payments as allocated, open amounts',
        parameters: [claimId, { name: 'asOf', in: 'query', required: false, schema: { type: 'string', format: 'date' } }],
        responses: { 200: { description: 'statement of account' }, 404: error, 422: error },
      },
    },
    '/base-rates': {
      get: { summary: 'the base rates of § 247 BGB per half year', responses: { 200: { description: 'rates' } } },
      post: {
        summary: 'add the next half year’s published base rate',
        requestBody: { required: true, ...json(BaseRateBody) },
        responses: { 201: { description: 'added' }, 200: { description: 'the same rate was there' }, 400: error, 409: error, 422: error },
      },
    },
    '/claims/{id}/deferral': staffAction('defer dunning until a date', DeferralBody),
    '/claims/{id}/installment-agreement': staffAction('agree installments covering the open amount', InstallmentBody),
    '/claims/{id}/dispute': staffAction('open or resolve a dispute', DisputeBody),
    '/claims/{id}/cancellation': staffAction('cancel the claim with a credit note', CancellationBody),
    '/claims/{id}/credit-notes': {
      post: {
        summary: 'partial credit note (Teilgutschrift) over invoice lines or an amount: own number, letter, postings per tariff (recourse for a purchased claim)',
        parameters: [claimId, { name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string' }, description: 'the request id: the same id again repeats nothing' }],
        requestBody: { required: true, ...json(CreditNoteBody) },
        responses: { 201: { description: 'issued, booked, sent and signalled' }, 200: { description: 'already issued under this Idempotency-Key' }, 400: error, 404: error, 409: error, 422: error },
      },
    },
    '/claims/{id}/redelivery': {
      post: {
        summary: 'Neuzustellung: correct the payer’s address, send the invoice again, reset the due date as policy says',
        parameters: [claimId, { name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string' }, description: 'the request id: the same id again repeats nothing' }],
        requestBody: { required: true, ...json(RedeliveryBody) },
        responses: { 202: { description: 'recorded, sent and signalled' }, 400: error, 404: error, 409: error },
      },
    },
    '/claims/{id}/write-off': staffAction('write the claim off as uncollectable (postings per tariff, letter to the client)', WriteOffBody),
    '/claims/{id}/reopen': {
      post: {
        summary: 'reopen a claim written off or returned to the client: its close is reversed by a new entry, it resumes in the stage it was closed from (docs/reopen.md)',
        parameters: [claimId, { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' }, description: 'the request id: the same id again is the same reopening' }],
        requestBody: { required: true, ...json(ReopenBody) },
        responses: { 201: { description: '{ claimId, round, stage, openCents, created }: reopened, audited, its workflow running' }, 200: { description: 'already reopened under this Idempotency-Key' }, 400: error, 404: error, 409: error },
      },
    },
    '/claims/{id}/collection-decision': {
      post: {
        summary: 'record the client’s answer to the collection request (pursue, return, wait until a day)',
        parameters: [claimId, { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } }],
        requestBody: { required: true, ...json(CollectionDecisionBody) },
        responses: { 201: { description: 'recorded, audited and signalled' }, 200: { description: 'already recorded under this Idempotency-Key' }, 400: error, 404: error, 409: error, 422: error },
      },
    },
    '/claims/{id}/negotiations': {
      post: {
        summary: 'record negotiations with the debtor (halt limitation, § 203 BGB); the same start day again sets their end',
        parameters: [claimId],
        requestBody: { required: true, ...json(NegotiationBody) },
        responses: { 201: { description: 'recorded; the new limitation date' }, 200: { description: 'the same negotiations were recorded' }, 400: error, 404: error, 409: error, 422: error },
      },
    },
    '/reports/limitation-risk': {
      get: {
        summary: 'open claims not with the lawyer whose limitation date is within withinDays (or past), by date, paged',
        parameters: ['withinDays', 'sort', 'limit', 'after'].map((name) => ({ name, in: 'query', required: name === 'withinDays', schema: { type: 'string' } })),
        responses: { 200: { description: '{ claims, next }' }, 400: error },
      },
    },
    '/claims/{id}/letters': {
      post: {
        summary: 'send the person responsible a free letter from a template, the fee statement or the statement of claim',
        parameters: [claimId, { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } }],
        requestBody: { required: true, ...json(ClaimLetterBody) },
        responses: { 202: { description: '{ documentId, kind, channel }: archived, being sent' }, 200: { description: 'already created under this Idempotency-Key' }, 400: error, 404: error, 409: error, 422: error },
      },
    },
    '/documents': {
      get: {
        summary: 'archived documents, newest first, filtered by claim, client, person or kind',
        parameters: Object.keys(DocumentListQuery.shape).map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } })),
        responses: { 200: { description: '{ documents, next }: next is the cursor for `after`' }, 400: error },
      },
    },
    '/documents/{id}': { get: { summary: 'document metadata with every delivery attempt', parameters: [documentId], responses: { 200: { description: 'document' }, 404: error } } },
    '/documents/{id}/content': {
      get: { summary: 'the archived content (PDF), from the document store; the read is audited', parameters: [documentId], responses: { 200: { description: 'content', content: { 'application/pdf': {} } }, 404: error } },
    },
    '/clients/{id}/journals': {
      post: {
        summary: 'send a client journal for a period now (kinds by tariff: purchase journal under factoring, client invoice under Inkasso)',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'client id' }, { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } }],
        requestBody: { required: true, ...json(JournalBody) },
        responses: { 202: { description: '{ documentId }: archived, being sent' }, 200: { description: 'already created under this Idempotency-Key' }, 400: error, 404: error, 422: error },
      },
    },
    '/documents/{id}/resend': repeatAction('send the archived content again, through the chosen or the given channel'),
    '/documents/{id}/duplicate': repeatAction('send a duplicate: an invoice rendered again marked "Duplikat", other documents their archived content with "Duplikat" in subject and cover mail'),
  }),
};
