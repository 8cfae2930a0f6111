import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createApp } from '../../api/app';
import { ROUTE_RULES } from '../../api/auth/route-rules';
import { openApiDocument } from '../../api/openapi';
import { ROLES, type Role } from '../../domain/auth/roles';
import { createAuthService } from '../../services/auth/auth-service';
import { useHarness } from '../support/harness';
import { waitingClaim } from '../support/claim-kit';
import { newLawyer } from '../support/collection-kit';
import { main } from '../../cli/claimflow';

/**
 * Who may do what, through the real app: 401 and 403 on every route before any handler runs,
 * the embedded login with its lockout, API keys, single sign-on against a local JWKS, and the
 * partners' scope (id guessing and list filters find nothing of another client's claims).
 */

jest.setTimeout(120_000);
const h = useHarness();

const operations = Object.entries(openApiDocument.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method, path, rule: ROUTE_RULES[`${method.toUpperCase()} ${path}`] })));
const urlOf = (path: string) => `/api${path.replace(/\{[^}]+\}/g, 'X-1')}`;
const partner = (role: Role) => (['client', 'lawyer', 'factor'].includes(role) ? { partnerId: `P-${role}` } : {});

test('every route but the public ones answers 401 without a credential, 403 to every role its rule leaves out', async () => {
  for (const { method, path, rule } of operations.filter((o) => o.rule !== 'public')) {
    const anonymous = await h.anonymous()[method as 'get'](urlOf(path));
    expect({ method, path, status: anonymous.status, code: anonymous.body.error?.code }).toEqual({ method, path, status: 401, code: 'unauthenticated' });
    for (const role of ROLES.filter((r) => !(rule as Role[]).includes(r))) {
      const res = await h.api({ name: `only-${role}`, roles: [role], ...partner(role) })[method as 'get'](urlOf(path));
      expect({ method, path, role, status: res.status, code: res.body.error?.code }).toEqual({ method, path, role, status: 403, code: 'forbidden' });
    }
  }
  expect((await h.anonymous().get('/api/health')).status).toBe(200);
});

test('local users log in with their password, are locked out after the policy’s failures, and are audited', async () => {
  const name = `anna-${randomUUID().slice(0, 6)}`;
  const created = await h.api().post('/api/users').send({ name, roles: ['staff'], password: 'richtig-langes-passwort' });
  expect([created.status, created.body.roles]).toEqual([201, ['staff']]);
  expect((await h.api().post('/api/users').send({ name, roles: ['staff'], password: 'richtig-langes-passwort' })).body.error.code).toBe('user_exists');
  expect((await h.api().post('/api/users').send({ name: `${name}-c`, roles: ['client'], password: 'richtig-langes-passwort' })).body.error.code).toBe('invalid_roles');
  expect(JSON.stringify((await h.api().get('/api/users')).body)).not.toMatch(/argon2|passwordHash/);

  const login = (password: string) => h.anonymous().post('/api/auth/login').send({ name, password });
  const ok = await login('richtig-langes-passwort');
  expect(ok.status).toBe(200);
  const me = await h.anonymous().get('/api/auth/me').set('Authorization', `Bearer ${ok.body.token}`);
  expect(me.body).toEqual({ name, roles: ['staff'], scope: { kind: 'all' }, via: 'token' });
  // A token in the query string is no credential.
  expect((await h.anonymous().get('/api/auth/me').query({ access_token: ok.body.token })).status).toBe(401);

  for (let i = 0; i < 5; i++) expect((await login('falsch')).body.error.code).toBe('invalid_credentials');
  const locked = await login('richtig-langes-passwort');
  expect([locked.status, locked.body.error.code]).toEqual([401, 'locked_out']);
  expect((await login('falsch')).body.error.code).toBe('locked_out');
  expect((await h.anonymous().post('/api/auth/login').send({ name: 'nobody-here', password: 'x' })).body.error.code).toBe('invalid_credentials');

  const audited = await h.db.auditEvent.findMany({ where: { entityType: 'user', entityId: created.body.id } });
  expect(audited.map((e) => [e.action, e.actor])).toEqual([['user.created', 'test.user']]);
});

test('API keys: shown once, stored hashed, work as bearer credentials until revoked', async () => {
  const name = `import-bot-${randomUUID().slice(0, 6)}`;
  const created = await h.api().post('/api/api-keys').send({ name, roles: ['operator'] });
  expect(created.status).toBe(201);
  const key: string = created.body.key;
  expect(key).toMatch(/^cfk_[\w-]{43}$/);
  const row = await h.db.apiKey.findUniqueOrThrow({ where: { name } });
  expect(JSON.stringify(row)).not.toContain(key);
  expect(JSON.stringify((await h.api().get('/api/api-keys')).body)).not.toContain(key);

  const asKey = () => h.anonymous().get('/api/auth/me').set('Authorization', `Bearer ${key}`);
  expect((await asKey()).body).toEqual({ name: `api-key:${name}`, roles: ['operator'], scope: { kind: 'all' }, via: 'api-key' });
  expect((await h.anonymous().post('/api/payout-runs').set('Authorization', `Bearer ${key}`).send({})).status).toBe(403);
  expect((await h.api().post(`/api/api-keys/${row.id}/revoke`)).body.revokedAt).toEqual(expect.any(String));
  expect([(await asKey()).status, (await asKey()).body.error.message]).toEqual([401, 'unknown or revoked API key']);
});

test('single sign-on: the provider’s tokens are verified against its JWKS, issuer, audience and expiry; roles from the configured claim', async () => {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const jwks = http.createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
  try {
    const oidc = { jwksUrl: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/certs`, issuer: 'https://sso.centre.example/realms/pvs', audience: 'claimflow', rolesClaim: 'realm_access.roles', nameClaim: 'preferred_username', partnerClaim: 'claimflow_partner' };
    const app = createApp({ services: { ...h.services.services, auth: createAuthService(h.db, { oidc }) } });
    const token = (claims: object, opts: { iss?: string; aud?: string; exp?: string } = {}) =>
      new SignJWT({ preferred_username: 'b.berger', realm_access: { roles: ['auditor', 'offline_access'] }, ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(opts.iss ?? oidc.issuer)
        .setAudience(opts.aud ?? oidc.audience)
        .setExpirationTime(opts.exp ?? '5m')
        .sign(privateKey);
    const me = (t: string) => request(app).get('/api/auth/me').set('Authorization', `Bearer ${t}`);

    expect((await me(await token({}))).body).toEqual({ name: 'b.berger', roles: ['auditor'], scope: { kind: 'all' }, via: 'oidc' });
    expect((await me(await token({}, { aud: 'another-app' }))).body.error.message).toBe('invalid token: ERR_JWT_CLAIM_VALIDATION_FAILED');
    expect((await me(await token({}, { iss: 'https://evil.example' }))).status).toBe(401);
    expect((await me(await token({}, { exp: '-1m' }))).body.error.message).toBe('invalid token: ERR_JWT_EXPIRED');
    expect((await me(await token({ realm_access: { roles: ['offline_access'] } }))).body.error.message).toBe('user b.berger has no claimflow role');
    expect((await me(await token({ realm_access: { roles: ['client'] } }))).body.error.message).toBe('user b.berger: role client needs the id of its client');
    // The embedded login's tokens and the login itself are off.
    expect((await me((await h.services.services.auth.issueToken({ name: 'x', roles: ['administrator'] })).token)).status).toBe(401);
    expect((await request(app).post('/api/auth/login').send({ name: 'x', password: 'y' })).body.error.code).toBe('sso_only');
  } finally {
    jwks.close();
  }
});

test('partners see only their own claims: id guessing answers 404, list filters cannot widen the scope', async () => {
  const [mine, theirs] = [await waitingClaim(h, 'INKASSO', { paymentTerm: '1 hour' }), await waitingClaim(h, 'INKASSO', { paymentTerm: '1 hour' })];
  const doctor = h.api({ name: 'praxis', roles: ['client'], partnerId: mine.client.id });

  expect((await doctor.get('/api/claims')).body.claims.map((c: { id: string }) => c.id)).toEqual([mine.id]);
  expect((await doctor.get('/api/claims').query({ clientId: theirs.client.id })).body).toEqual({ claims: [], next: null });
  expect((await doctor.get(`/api/claims/${mine.id}`)).status).toBe(200);
  for (const url of [`/api/claims/${theirs.id}`, `/api/claims/${theirs.id}/statement-of-account`]) {
    const res = await doctor.get(url);
    expect({ url, status: res.status, code: res.body.error?.code }).toEqual({ url, status: 404, code: 'not_found' });
  }
  const theirDocument = await h.db.document.findFirstOrThrow({ where: { claimId: theirs.id } });
  expect((await doctor.get(`/api/claims/${theirs.id}/documents/${theirDocument.id}`)).status).toBe(404);
  expect((await doctor.post(`/api/claims/${theirs.id}/collection-decision`).send({ decision: 'pursue' })).status).toBe(404);

  // A lawyer sees the claims handed to it (those it reported on), nothing else.
  const lawyer = await newLawyer(h);
  await h.db.lawyerReport.create({ data: { id: randomUUID(), lawyerId: lawyer.id, lineId: 'l1', claimId: theirs.id, kind: 'STATUS', date: '2026-12-01', data: {}, actor: 'test' } });
  const counsel = h.api({ name: 'kanzlei', roles: ['lawyer'], partnerId: lawyer.id });
  expect((await counsel.get('/api/claims')).body.claims.map((c: { id: string }) => c.id)).toEqual([theirs.id]);
  expect((await counsel.get(`/api/claims/${mine.id}`)).status).toBe(404);
});

test('npx claimflow users add creates the first administrator from a password file', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cf-users-'));
  const pw = path.join(dir, 'admin.pw');
  fs.writeFileSync(pw, 'ein-sehr-langes-passwort\n', { mode: 0o600 });
  const name = `admin-${randomUUID().slice(0, 6)}`;
  const out: string[] = [];
  expect(await main(['users', 'add', '--name', name, '--role', 'admin', '--password-file', pw], (l) => out.push(l))).toBe(0);
  expect(out).toEqual([`user ${name} created (administrator); sign in with POST /api/auth/login`]);
  expect(await main(['users', 'add', '--name', name, '--role', 'admin', '--password-file', pw], (l) => out.push(l))).toBe(1);
  expect(await main(['users', 'add', '--name', name], (l) => out.push(l))).toBe(2);
  const login = await h.anonymous().post('/api/auth/login').send({ name, password: 'ein-sehr-langes-passwort' });
  const me = await h.anonymous().get('/api/auth/me').set('Authorization', `Bearer ${login.body.token}`);
  expect(me.body).toMatchObject({ name, roles: ['administrator'] });
  expect((await h.db.auditEvent.findFirstOrThrow({ where: { entityType: 'user', action: 'user.created', data: { path: ['name'], equals: name } } })).actor).toBe('cli');
});
