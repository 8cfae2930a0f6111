import { randomBytes } from 'node:crypto';
import express from 'express';
import request from 'supertest';
import { authGate } from '../../api/auth/auth-gate';
import { ROUTE_RULES } from '../../api/auth/route-rules';
import { errorHandler } from '../../api/errors';
import { openApiDocument } from '../../api/openapi';
import { ROLES, type Role } from '../../domain/auth/roles';
import { localTokens } from '../../services/auth/bearer-tokens';

/**
 * The route table against the OpenAPI document: every documented operation has a rule, every rule
 * a documented operation, and the auth gate lets each role through exactly where its rule says
 * (403 elsewhere, 401 without a credential), behind a handler that only says it was reached.
 */

const operations = Object.entries(openApiDocument.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`));
const secret = randomBytes(32);
const tokens = localTokens(async () => secret);
const app = express()
  .use('/api', authGate({ authenticate: (c) => tokens.verify(c) }))
  .use((_req, res) => {
    res.json({ reached: true });
  })
  .use(errorHandler);

/** A partner role's user is bound to its partner; internal roles to nothing. */
const tokenOf = async (role: Role) => (await tokens.issue({ name: `user-${role}`, roles: [role], partnerId: ['client', 'lawyer', 'factor'].includes(role) ? `P-${role}` : undefined }, 60)).token;
const urlOf = (path: string) => `/api${path.replace(/\{[^}]+\}/g, 'X-1')}`;
const call = (op: string) => {
  const [method, path] = op.split(' ');
  return request(app)[method.toLowerCase() as 'get'](urlOf(path));
};

test('every documented operation has a rule, and every rule a documented operation', () => {
  expect(operations.filter((op) => !(op in ROUTE_RULES))).toEqual([]);
  expect(Object.keys(ROUTE_RULES).filter((op) => !operations.includes(op))).toEqual([]);
});

test('only health, the OpenAPI document and the login are public', () => {
  expect(Object.entries(ROUTE_RULES).filter(([, r]) => r === 'public').map(([op]) => op)).toEqual(['GET /health', 'GET /health/live', 'GET /health/ready', 'GET /openapi.json', 'POST /auth/login']);
});

test('the OpenAPI document declares the security schemes and each operation’s roles', () => {
  expect(Object.keys(openApiDocument.components.securitySchemes)).toEqual(['bearerToken', 'apiKey']);
  expect(openApiDocument.security).toEqual([{ bearerToken: [] }, { apiKey: [] }]);
  const paths = openApiDocument.paths as Record<string, Record<string, { 'x-roles'?: Role[]; security?: unknown[] }>>;
  expect(paths['/payout-runs/{runId}/approve'].post['x-roles']).toEqual(['accountant']);
  expect(paths['/health'].get.security).toEqual([]);
});

describe.each(operations.filter((op) => ROUTE_RULES[op] !== 'public'))('%s', (op) => {
  const allowed = ROUTE_RULES[op] as Role[];

  test('401 without a credential, and with a forged one', async () => {
    const none = await call(op);
    expect([none.status, none.body.error.code, none.headers['www-authenticate']]).toEqual([401, 'unauthenticated', 'Bearer']);
    const forged = (await new (await import('jose')).SignJWT({ roles: ['administrator'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('mallory').setIssuer('claimflow').setAudience('claimflow-api').setExpirationTime('5m').sign(randomBytes(32)));
    expect((await call(op).set('Authorization', `Bearer ${forged}`)).status).toBe(401);
  });

  test.each(ROLES.map((r) => [r]))('as %s', async (role) => {
    const res = await call(op).set('Authorization', `Bearer ${await tokenOf(role)}`);
    if (allowed.includes(role)) expect([res.status, res.body]).toEqual([200, { reached: true }]);
    else expect([res.status, res.body.error.code]).toEqual([403, 'forbidden']);
  });
});

test('a route without a rule is unknown (404), even signed in', async () => {
  const res = await request(app).get('/api/claims/X-1/secret-stuff').set('Authorization', `Bearer ${await tokenOf('administrator')}`);
  expect([res.status, res.body.error.code]).toEqual([404, 'not_found']);
});

test('an expired token is refused', async () => {
  const expired = await tokens.issue({ name: 'late', roles: ['staff'] }, -10);
  const res = await request(app).get('/api/claims').set('Authorization', `Bearer ${expired.token}`);
  expect([res.status, res.body.error.message]).toEqual([401, 'invalid token: ERR_JWT_EXPIRED']);
});
