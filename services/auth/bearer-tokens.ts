import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { isRole, scopeOf, type Principal, type Role } from '../../domain/auth/roles';
import type { OidcConfig } from '../../infra/auth-config';

const LOCAL_ISSUER = 'claimflow';
const LOCAL_AUDIENCE = 'claimflow-api';

/** The principal a verified token names, or why it names none. */
export type TokenCheck = { principal: Principal } | { error: string };

function principalOf(name: unknown, rawRoles: unknown, partnerId: unknown, via: Principal['via']): TokenCheck {
  if (typeof name !== 'string' || !name) return { error: 'the token names no user' };
  const roles = (Array.isArray(rawRoles) ? rawRoles : []).filter((r): r is Role => typeof r === 'string' && isRole(r));
  if (roles.length === 0) return { error: `user ${name} has no claimflow role` };
  const scope = scopeOf(roles, typeof partnerId === 'string' ? partnerId : undefined);
  return 'error' in scope ? { error: `user ${name}: ${scope.error}` } : { principal: { name, roles, scope, via } };
}

/** The embedded login's tokens: HS256 with the installation's secret, short-lived. */
export function localTokens(secret: () => Promise<Uint8Array>) {
  return {
    async issue(p: { name: string; roles: string[]; partnerId?: string | null }, lifetimeSeconds: number): Promise<{ token: string; expiresAt: Date }> {
      const now = Math.floor(Date.now() / 1000);
      const token = await new SignJWT({ roles: p.roles, partner: p.partnerId ?? undefined })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(p.name)
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt(now)
        .setExpirationTime(now + lifetimeSeconds)
        .sign(await secret());
      return { token, expiresAt: new Date((now + lifetimeSeconds) * 1000) };
    },
    async verify(token: string): Promise<TokenCheck> {
      try {
        const { payload } = await jwtVerify(token, await secret(), { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, algorithms: ['HS256'] });
        return principalOf(payload.sub, payload.roles, payload.partner, 'token');
      } catch (e) {
        return { error: `invalid token: ${(e as { code?: string }).code ?? 'unreadable'}` };
      }
    },
  };
}

/** A dotted path into the token ("realm_access.roles"). */
function claimAt(payload: JWTPayload, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), payload);
}

/** The identity provider's tokens, verified against its JWKS (fetched and cached by jose), issuer, audience and expiry. */
export function oidcTokens(config: OidcConfig) {
  const jwks = createRemoteJWKSet(new URL(config.jwksUrl));
  return {
    async verify(token: string): Promise<TokenCheck> {
      try {
        const { payload } = await jwtVerify(token, jwks, { issuer: config.issuer, audience: config.audience, requiredClaims: ['exp'] });
        return principalOf(claimAt(payload, config.nameClaim), claimAt(payload, config.rolesClaim), claimAt(payload, config.partnerClaim), 'oidc');
      } catch (e) {
        return { error: `invalid token: ${(e as { code?: string }).code ?? 'unreadable'}` };
      }
    },
  };
}
