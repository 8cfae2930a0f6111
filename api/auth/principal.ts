import type { Request } from 'express';
import type { ClaimScope, Principal } from '../../domain/auth/roles';

const principals = new WeakMap<Request, Principal>();

export const setPrincipal = (req: Request, p: Principal) => principals.set(req, p);

/** The authenticated caller of a request that passed the gate (api/auth/auth-gate.ts). */
export function principalOf(req: Request): Principal {
  const p = principals.get(req);
  if (!p) throw new Error(`no principal on ${req.method} ${req.path}: the route is public in api/auth/route-rules.ts`);
  return p;
}

/** Which claims the caller may see: partners only their own. */
export const claimScopeOf = (req: Request): ClaimScope => principalOf(req).scope;
