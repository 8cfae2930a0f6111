import type { ServiceDeps } from './service-deps';
import { createAccountingService } from './accounting/accounting-service';
import { createBankService } from './bank/bank-service';
import { createClaimService } from './claims/claim-service';
import { createCollectionService } from './collection/collection-service';
import { createFactoringService } from './factoring/factoring-service';
import { createDocumentsService } from './documents/documents-service';
import { createIntakeService } from './intake/intake-service';
import { createPayoutRunService } from './money/payout-run-service';
import { healthService } from './system/health-service';
import { monitoringService } from './system/monitoring-service';
import { createSplittingService } from './money/splitting-service';
import { createAccountService } from './money/account-service';
import { createAuditService } from './audit/audit-service';
import { createPersonsService } from './persons/persons-service';
import { createPolicyService } from './system/policy-service';
import { createOperationsService } from './operations/operations-service';
import { createAuthService } from './auth/auth-service';

/**
 * Every business area's use cases, built once per process from its connections and shared by the
 * activities (workers) and the REST API: both sides call the same code for the same action.
 */
export function createServices(deps: ServiceDeps) {
  // Every area sends its letters through the one documents service (archive, then deliver once).
  const documents = createDocumentsService(deps);
  // The lawyer's reports of a dunning order or a title move the claim's limitation date.
  const claims = createClaimService(deps, documents);
  return {
    /** The task queues, for wiring workers. */
    queues: deps.queues,
    documents,
    intake: createIntakeService(deps, documents),
    bank: createBankService(deps),
    claims,
    collection: createCollectionService(deps, documents, claims.limitation),
    payoutRuns: createPayoutRunService(deps, documents),
    accounting: createAccountingService(deps),
    splitting: createSplittingService(deps),
    factoring: createFactoringService(deps),
    health: healthService(deps.db, deps.temporal),
    monitoring: monitoringService(deps.db),
    accounts: createAccountService(deps),
    audit: createAuditService(deps),
    persons: createPersonsService(deps, documents),
    policies: createPolicyService(deps),
    operations: createOperationsService(deps),
    auth: createAuthService(deps.db, deps.auth ?? {}),
  };
}

export type Services = ReturnType<typeof createServices>;
