import type { Services } from '../../services';

/** The scheduled seal of the audit trail: an adapter over the audit service. */
export function createAuditActivities(services: Services) {
  return {
    sealAuditTrail: services.audit.seal,
  };
}

export type AuditActivities = ReturnType<typeof createAuditActivities>;
