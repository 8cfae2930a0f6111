import type { Role } from '../../domain/auth/roles';

/** Reading what the centre holds: every internal role but the administrator (who manages users, configuration). */
const READ: Role[] = ['staff', 'accountant', 'operator', 'auditor'];
/** A claim as its partners see it: the client's, the lawyer's or the factor's own (scoped in the query layer). */
const CLAIM_READ: Role[] = [...READ, 'client', 'lawyer', 'factor'];
const STAFF: Role[] = ['staff'];
const MONEY: Role[] = ['accountant'];
const MONEY_AND_STAFF: Role[] = ['staff', 'accountant'];
const ADMIN: Role[] = ['administrator'];
const BOOKS: Role[] = ['accountant', 'auditor'];
/** Anyone signed in. */
const SIGNED_IN: Role[] = ['administrator', 'staff', 'accountant', 'operator', 'auditor', 'client', 'lawyer', 'factor'];

/**
 * Who may call which route: THE table (README "Roles"). Keys are the method and the OpenAPI path
 * (relative to /api). A request matching no rule is answered 404 as an unknown route, so a route
 * served without a rule is unreachable; test/unit/route-rules.test.ts walks the OpenAPI document
 * against this table with every role. `public` routes answer without authentication.
 */
export const ROUTE_RULES: Record<string, Role[] | 'public'> = {
  'GET /health': 'public',
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'GET /openapi.json': 'public',
  'POST /auth/login': 'public',
  'GET /auth/me': SIGNED_IN,

  'GET /users': ADMIN,
  'POST /users': ADMIN,
  'GET /api-keys': ADMIN,
  'POST /api-keys': ADMIN,
  'POST /api-keys/{id}/revoke': ADMIN,

  'POST /clients/{clientId}/billing-files': STAFF,
  'GET /billing-files/{id}': READ,

  'GET /claims': CLAIM_READ,
  'GET /claims/{id}': CLAIM_READ,
  'GET /claims/{id}/documents/{documentId}': CLAIM_READ,
  'GET /claims/{id}/statement-of-account': CLAIM_READ,
  'GET /claims/{id}/money-trace': READ,
  'POST /claims/{id}/payments': MONEY_AND_STAFF,
  'POST /claims/{id}/deferral': STAFF,
  'POST /claims/{id}/installment-agreement': STAFF,
  'POST /claims/{id}/dispute': STAFF,
  'POST /claims/{id}/cancellation': STAFF,
  'POST /claims/{id}/write-off': STAFF,
  'POST /claims/{id}/reopen': STAFF,
  'POST /claims/{id}/credit-notes': STAFF,
  'POST /claims/{id}/redelivery': STAFF,
  'POST /claims/{id}/negotiations': STAFF,
  'POST /claims/{id}/letters': STAFF,
  // The client answers the collection request for its own claims; staff enter an answer given otherwise.
  'POST /claims/{id}/collection-decision': ['staff', 'client'],
  'GET /reports/limitation-risk': READ,
  'GET /base-rates': READ,
  'POST /base-rates': ['accountant', 'administrator'],

  'GET /bank-statements': READ,
  'POST /bank-statements': MONEY_AND_STAFF,
  'GET /bank-statements/{id}': READ,
  'GET /unclear-payments': READ,
  'POST /unclear-payments/{lineId}/assign': MONEY_AND_STAFF,
  'POST /unclear-payments/{lineId}/not-ours': MONEY_AND_STAFF,
  'POST /unclear-payments/{lineId}/refund': MONEY_AND_STAFF,
  'POST /bank-allocations/{id}/reverse': MONEY_AND_STAFF,

  'GET /collection/quarantine': READ,
  'GET /collection/lawyers': READ,
  'PUT /collection/lawyers/{lawyerId}': ADMIN,
  'POST /collection/lawyers/{lawyerId}/reports': STAFF,

  'GET /collection-accounts': READ,
  'GET /collection-accounts/{accountId}': READ,
  'PUT /collection-accounts/{accountId}': MONEY,
  'PUT /clients/{clientId}/payout-account': MONEY,
  'GET /clients/{id}/split-rules': READ,
  'PUT /clients/{id}/split-rules': MONEY,
  'GET /clients/{id}/levies': READ,
  'PUT /clients/{id}/levies': MONEY,
  'GET /levy-recipients': READ,
  'POST /levy-recipients': MONEY,

  'GET /payout-runs': READ,
  'POST /payout-runs': MONEY,
  'GET /payout-runs/{runId}': READ,
  'POST /payout-runs/{runId}/approve': MONEY,
  'POST /payout-runs/{runId}/cancel': MONEY,
  'POST /payout-runs/{runId}/execute': MONEY,
  'GET /payout-runs/{runId}/sepa': BOOKS,
  'GET /payout-runs/{runId}/invoices/{invoiceId}': BOOKS,

  'GET /accounting/chart': BOOKS,
  'PUT /accounting/chart': MONEY,
  'GET /accounting/datev-exports': BOOKS,
  'POST /accounting/datev-exports': MONEY,
  'GET /accounting/datev-exports/{id}/file': BOOKS,
  'GET /accounting/datev-exports/{id}/invoice-journal': BOOKS,

  'GET /factoring/factors': READ,
  'GET /factoring/factors/{factorId}': READ,
  'PUT /factoring/factors/{factorId}': ADMIN,
  'POST /factoring/runs': MONEY,
  'GET /factoring/quarantine': READ,

  'GET /document-templates': READ,
  'GET /document-templates/{key}': READ,
  'POST /document-templates/{key}': ADMIN,
  'GET /document-templates/{key}/versions': READ,
  'GET /documents': READ,
  'GET /documents/{id}': READ,
  'GET /documents/{id}/content': READ,
  'POST /documents/{id}/resend': STAFF,
  'POST /documents/{id}/duplicate': STAFF,
  'POST /clients/{id}/journals': MONEY_AND_STAFF,

  // A person's data (Art. 15 export, restriction): staff answer the request; auditors check it.
  'GET /persons/{id}/gdpr-export': ['staff', 'auditor'],
  'POST /persons/{id}/restriction': STAFF,
  'DELETE /persons/{id}/restriction': STAFF,
  'GET /policies/{id}': [...READ, 'administrator'],
  'PUT /policies/{id}': ADMIN,

  'GET /audit-events': ['auditor', 'administrator'],
  'GET /audit-events/verification': ['auditor', 'administrator'],
};

interface CompiledRule {
  key: string;
  method: string;
  pattern: RegExp;
  roles: Role[] | 'public';
}

const compiled: CompiledRule[] = Object.entries(ROUTE_RULES).map(([key, roles]) => {
  const [method, path] = key.split(' ');
  const pattern = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}/?$`);
  return { key, method, pattern, roles };
});

/** The rule for a request (method, path below /api), or undefined: no such route. HEAD is answered as GET. */
export function ruleFor(method: string, path: string): CompiledRule | undefined {
  const m = method === 'HEAD' ? 'GET' : method;
  return compiled.find((r) => r.method === m && r.pattern.test(path));
}
