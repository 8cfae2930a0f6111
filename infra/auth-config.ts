/** Single sign-on against the centre's identity provider (OpenID Connect). */
export interface OidcConfig {
  /** The provider's JWKS, e.g. https://sso.example/realms/centre/protocol/openid-connect/certs. */
  jwksUrl: string;
  issuer: string;
  audience: string;
  /** Where the roles are in the token, as a dotted path (Keycloak: "realm_access.roles", Entra ID: "roles"). */
  rolesClaim: string;
  /** The claim naming the user in the audit trail. */
  nameClaim: string;
  /** The claim carrying the client, lawyer or factor id of a partner's user. */
  partnerClaim: string;
}

export interface AuthConfig {
  /** When set, bearer tokens are the provider's and the embedded login is off (API keys still work). */
  oidc?: OidcConfig;
  /** The embedded login's HS256 signing secret (base64url, ≥ 32 bytes); generated and stored once when absent. */
  tokenSecret?: string;
}

/**
 * From the environment (docs/authentication.md): OIDC_JWKS_URL, OIDC_ISSUER, OIDC_AUDIENCE turn
 * single sign-on on; OIDC_ROLES_CLAIM (default "roles"), OIDC_NAME_CLAIM ("preferred_username"),
 * OIDC_PARTNER_CLAIM ("claimflow_partner"); AUTH_TOKEN_SECRET for the embedded login.
 */
export function configuredAuth(): AuthConfig {
  const { OIDC_JWKS_URL: jwksUrl, OIDC_ISSUER: issuer, OIDC_AUDIENCE: audience } = {
    OIDC_JWKS_URL: process.env.OIDC_JWKS_URL || undefined,
    OIDC_ISSUER: process.env.OIDC_ISSUER || undefined,
    OIDC_AUDIENCE: process.env.OIDC_AUDIENCE || undefined,
  };
  const anyOidc = jwksUrl || issuer || audience;
  if (anyOidc && !(jwksUrl && issuer && audience)) throw new Error('single sign-on needs all of OIDC_JWKS_URL, OIDC_ISSUER and OIDC_AUDIENCE');
  const oidc = anyOidc
    ? {
        jwksUrl: jwksUrl!,
        issuer: issuer!,
        audience: audience!,
        rolesClaim: process.env.OIDC_ROLES_CLAIM || 'roles',
        nameClaim: process.env.OIDC_NAME_CLAIM || 'preferred_username',
        partnerClaim: process.env.OIDC_PARTNER_CLAIM || 'claimflow_partner',
      }
    : undefined;
  return { oidc, tokenSecret: process.env.AUTH_TOKEN_SECRET || undefined };
}
