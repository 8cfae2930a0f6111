import type { RequestHandler } from 'express';
import type { AuthService } from '../../services/auth/auth-service';
import { HttpError } from '../errors';
import { setPrincipal } from './principal';
import { ruleFor } from './route-rules';

/**
 * In front of every /api route: the route's rule (api/auth/route-rules.ts; none: 404 as an unknown
 * route), then the bearer credential (401 without a valid one) and the roles (403). Credentials are
 * read from the Authorization header only, never from the query or a cookie.
 */
export function authGate(auth: Pick<AuthService, 'authenticate'>): RequestHandler {
  return async (req, res, next) => {
    const rule = ruleFor(req.method, req.path);
    if (!rule) return next(new HttpError(404, 'not_found', `no route ${req.method} ${req.baseUrl}${req.path}`));
    if (rule.roles === 'public') return next();
    const m = /^Bearer\s+(\S+)$/i.exec(req.header('authorization') ?? '');
    res.setHeader('WWW-Authenticate', 'Bearer');
    if (!m) return next(new HttpError(401, 'unauthenticated', 'sign in: send a token or API key as "Authorization: Bearer …"'));
    const check = await auth.authenticate(m[1]);
    if ('error' in check) return next(new HttpError(401, 'unauthenticated', check.error));
    res.removeHeader('WWW-Authenticate');
    const { principal } = check;
    if (!principal.roles.some((r) => (rule.roles as string[]).includes(r))) {
      return next(new HttpError(403, 'forbidden', `${rule.key} is not open to ${principal.roles.join(', ')}`));
    }
    setPrincipal(req, principal);
    next();
  };
}
