import type { ServiceDeps } from './service-deps';
import { createBankService } from './bank/bank-service';
import { createClaimService } from './claims/claim-service';
import { createIntakeService } from './intake/intake-service';
import { healthService } from './system/health-service';

/**
 * Every business area's use cases, built once per process from its connections and shared by the
 * activities (workers) and the REST API: both sides call the same code for the same action.
 */
export function createServices(deps: ServiceDeps) {
  return {
    /** The task queues, for wiring workers. */
    queues: deps.queues,
    intake: createIntakeService(deps),
    bank: createBankService(deps),
    claims: createClaimService(deps),
    health: healthService(deps.db, deps.temporal),
    /** Transitional: the raw connections for areas that have no service yet (removed when all have one). */
    deps,
  };
}

export type Services = ReturnType<typeof createServices>;
