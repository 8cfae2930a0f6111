/**
 * Who may do what (README "Roles"). Internal roles see every claim; the partner roles (client,
 * lawyer, factor) are bound to their partner's id and see only that partner's claims.
 */
export const ROLES = ['administrator', 'staff', 'accountant', 'operator', 'auditor', 'client', 'lawyer', 'factor'] as const;
export type Role = (typeof ROLES)[number];

export const PARTNER_ROLES = ['client', 'lawyer', 'factor'] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

export const isRole = (s: string): s is Role => (ROLES as readonly string[]).includes(s);
export const isPartnerRole = (r: Role): r is PartnerRole => (PARTNER_ROLES as readonly string[]).includes(r);

/** Which claims a principal may see: all of them, or one partner's. */
export type ClaimScope = { kind: 'all' } | { kind: PartnerRole; id: string };
export const ALL_CLAIMS: ClaimScope = { kind: 'all' };

/** The authenticated caller: its name is the actor of the audit trail. */
export interface Principal {
  name: string;
  roles: Role[];
  scope: ClaimScope;
  /** How it authenticated: the embedded login's token, an API key, or the identity provider's token. */
  via: 'token' | 'api-key' | 'oidc';
}

/**
 * The scope of a set of roles: a partner role binds the principal to its partner (the id it was
 * given); refused when partner roles are mixed with others or lack their id (a misconfigured user
 * must not fall back to seeing everything).
 */
export function scopeOf(roles: Role[], partnerId: string | undefined): ClaimScope | { error: string } {
  const partner = roles.filter(isPartnerRole);
  if (partner.length === 0) return ALL_CLAIMS;
  if (partner.length > 1 || roles.length > 1) return { error: `role ${partner[0]} cannot be combined with ${roles.filter((r) => r !== partner[0]).join(', ')}` };
  if (!partnerId) return { error: `role ${partner[0]} needs the id of its ${partner[0]}` };
  return { kind: partner[0], id: partnerId };
}
