import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { AuthPolicy } from '../../domain/auth/auth-policy';
import { durationMs } from '../../domain/duration';
import type { ApiContext } from '../context';
import { actorOf } from '../context';
import { HttpError, parse } from '../errors';
import { LoginBody, NewApiKeyBody, NewUserBody } from './auth-schemas';
import { principalOf } from './principal';

const REFUSED = {
  invalid_credentials: 'name or password wrong',
  locked_out: 'too many failed logins: locked for a while (policy auth.lockoutFor)',
  sso_only: 'the embedded login is off: sign in through the identity provider',
} as const;

/** The embedded login (rate-limited per address), who am I, and the administrators' users and API keys. */
export function authRoutes(ctx: ApiContext, limits: Pick<AuthPolicy, 'loginAttemptsPerWindow' | 'loginWindow'>): Router {
  const r = Router();
  const auth = ctx.services.auth;
  const loginLimit = rateLimit({
    windowMs: durationMs(limits.loginWindow),
    limit: limits.loginAttemptsPerWindow,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new HttpError(429, 'too_many_requests', 'too many login attempts from this address: try again later')),
  });

  r.post('/auth/login', loginLimit, async (req, res) => {
    const { name, password } = parse(LoginBody, req.body, 'body');
    const result = await auth.login(name, password);
    if ('refused' in result) throw new HttpError(result.refused === 'sso_only' ? 409 : 401, result.refused, REFUSED[result.refused]);
    res.json({ token: result.token, tokenType: 'Bearer', expiresAt: result.expiresAt });
  });
  r.get('/auth/me', (req, res) => {
    const { name, roles, scope, via } = principalOf(req);
    res.json({ name, roles, scope, via });
  });

  r.get('/users', async (_req, res) => {
    res.json({ users: await auth.users.list() });
  });
  r.post('/users', async (req, res) => {
    res.status(201).json(await auth.users.add(parse(NewUserBody, req.body, 'body'), actorOf(req)));
  });
  r.get('/api-keys', async (_req, res) => {
    res.json({ apiKeys: await auth.apiKeys.list() });
  });
  // The key is in this answer only: it is stored as its SHA-256.
  r.post('/api-keys', async (req, res) => {
    res.status(201).json(await auth.apiKeys.create(parse(NewApiKeyBody, req.body, 'body'), actorOf(req)));
  });
  r.post('/api-keys/:id/revoke', async (req, res) => {
    res.json(await auth.apiKeys.revoke(req.params.id, actorOf(req)));
  });
  return r;
}
