import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { durationMs } from '../../domain/duration';
import { isRole, scopeOf, type Principal, type Role } from '../../domain/auth/roles';
import { Refusal } from '../../domain/refusal';
import { sha256Hex } from '../../domain/sha256';
import { createDb, type Db } from '../../infra/db/prisma';
import type { AuthConfig } from '../../infra/auth-config';
import { audit } from '../../persistence/audit';
import { createApiKey, listApiKeys, revokeApiKey, useApiKey } from '../../persistence/auth/api-keys';
import { installationSecret } from '../../persistence/auth/installation-secret';
import { countFailedLogin, createUser, findUserByName, listUsers, resetFailedLogins } from '../../persistence/auth/users';
import { loadSystemPolicy } from '../../persistence/policy';
import { localTokens, oidcTokens, type TokenCheck } from './bearer-tokens';

/** API keys start with this, so a key is told from a token at a glance (and by secret scanners). */
const API_KEY_PREFIX = 'cfk_';

export interface Grant {
  name: string;
  roles: string[];
  partnerId?: string;
}

export type LoginResult = { token: string; expiresAt: Date } | { refused: 'invalid_credentials' | 'locked_out' | 'sso_only' };

/** The roles and partner of a new user or key, checked: a partner role needs its id, alone. */
function checkedGrant(g: Grant): { roles: Role[]; partnerId?: string } {
  const unknown = g.roles.filter((r) => !isRole(r));
  if (unknown.length > 0 || g.roles.length === 0) throw new Refusal('unprocessable', 'invalid_roles', `unknown roles: ${unknown.join(', ') || '(none given)'}`);
  const roles = [...new Set(g.roles)] as Role[];
  const scope = scopeOf(roles, g.partnerId);
  if ('error' in scope) throw new Refusal('unprocessable', 'invalid_roles', scope.error);
  return { roles, partnerId: scope.kind === 'all' ? undefined : scope.id };
}

/**
 * Authentication: the identity provider's tokens when single sign-on is configured, else the
 * embedded login (local users, argon2id, short-lived HS256 tokens, lockout); API keys for machine
 * clients either way. Users and keys are created and revoked here, audited under the acting user.
 */
export function createAuthService(db: Db, config: AuthConfig) {
  let secret: Promise<Uint8Array> | undefined;
  const signingKey = () =>
    (secret ??= config.tokenSecret
      ? Promise.resolve(Buffer.from(config.tokenSecret, 'base64url'))
      : installationSecret(db, 'token', () => randomBytes(32).toString('base64url')).then((s) => Buffer.from(s, 'base64url')));
  const local = localTokens(signingKey);
  const oidc = config.oidc ? oidcTokens(config.oidc) : undefined;
  const policy = async () => (await loadSystemPolicy(db)).auth;
  // Verifying against a hash of nothing when the user does not exist takes as long as a real check.
  let decoy: Promise<string> | undefined;

  async function byApiKey(key: string): Promise<TokenCheck> {
    const row = await useApiKey(db, sha256Hex(Buffer.from(key)));
    if (!row) return { error: 'unknown or revoked API key' };
    const scope = scopeOf(row.roles.filter(isRole), row.partnerId ?? undefined);
    return 'error' in scope ? scope : { principal: { name: `api-key:${row.name}`, roles: row.roles.filter(isRole), scope, via: 'api-key' } };
  }

  return {
    ssoConfigured: Boolean(oidc),
    policy,

    /** Who sent an `Authorization: Bearer …` credential: an API key, the provider's or the embedded login's token. */
    async authenticate(credential: string): Promise<TokenCheck> {
      if (credential.startsWith(API_KEY_PREFIX)) return byApiKey(credential);
      return oidc ? oidc.verify(credential) : local.verify(credential);
    },

    /** The embedded login: a token for the right password; the policy's lockout after failures in a row. */
    async login(name: string, password: string): Promise<LoginResult> {
      if (oidc) return { refused: 'sso_only' };
      const p = await policy();
      const user = await findUserByName(db, name);
      if (!user || user.disabledAt) {
        await argon2.verify(await (decoy ??= argon2.hash(randomBytes(16), { type: argon2.argon2id })), password);
        return { refused: 'invalid_credentials' };
      }
      if (user.lockedUntil && user.lockedUntil > new Date()) return { refused: 'locked_out' };
      if (!(await argon2.verify(user.passwordHash, password))) {
        await countFailedLogin(db, user.id, p.lockoutAfterFailures, new Date(Date.now() + durationMs(p.lockoutFor)));
        return { refused: 'invalid_credentials' };
      }
      if (user.failedLogins > 0 || user.lockedUntil) await resetFailedLogins(db, user.id);
      return local.issue(user, Math.floor(durationMs(p.tokenLifetime) / 1000));
    },

    /** A token of the embedded login for a principal (tests and the demo act as a role this way). */
    async issueToken(g: Grant) {
      return local.issue({ name: g.name, ...checkedGrant(g) }, Math.floor(durationMs((await policy()).tokenLifetime) / 1000));
    },

    users: {
      list: () => listUsers(db),
      /** A local user with an argon2id hash of its password; refused when the name is taken. */
      async add(g: Grant & { password: string }, actor: string) {
        if (g.password.length < 12) throw new Refusal('unprocessable', 'weak_password', 'a password needs at least 12 characters');
        const grant = checkedGrant(g);
        const user = await createUser(db, { name: g.name, passwordHash: await argon2.hash(g.password, { type: argon2.argon2id }), ...grant });
        if (!user) throw new Refusal('conflict', 'user_exists', `user ${g.name} already exists`);
        await audit(db, actor, 'user.created', 'user', user.id, { name: user.name, ...grant });
        return { id: user.id, name: user.name, ...grant };
      },
    },

    apiKeys: {
      list: () => listApiKeys(db),
      /** A new key, returned this once: only its SHA-256 is stored. */
      async create(g: Grant, actor: string) {
        const grant = checkedGrant(g);
        const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
        const row = await createApiKey(db, { name: g.name, prefix: key.slice(0, 10), keyHash: sha256Hex(Buffer.from(key)), ...grant, createdBy: actor });
        if (!row) throw new Refusal('conflict', 'api_key_exists', `an API key named ${g.name} already exists`);
        await audit(db, actor, 'api-key.created', 'api-key', row.id, { name: row.name, ...grant });
        return { ...row, key };
      },
      async revoke(id: string, actor: string) {
        const row = await revokeApiKey(db, id);
        if (!row) throw new Refusal('not_found', 'not_found', `API key ${id} does not exist`);
        await audit(db, actor, 'api-key.revoked', 'api-key', row.id, { name: row.name });
        return row;
      },
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

/** The auth service of a command (`claimflow users add`) against the database at `databaseUrl`. */
export async function withAuthService<T>(databaseUrl: string | undefined, use: (auth: AuthService) => Promise<T>): Promise<T> {
  const db = createDb(databaseUrl, 2);
  try {
    return await use(createAuthService(db, {}));
  } finally {
    await db.$disconnect();
  }
}
export type { Principal };
