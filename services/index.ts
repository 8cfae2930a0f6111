import type { ServiceDeps } from './service-deps';
import { createDocumentsService } from './documents/documents-service';

/**
 * Every business area's use cases, built once per process from its connections and shared by the
 * activities (workers) and the REST API: both sides call the same code for the same action.
 */
export function createServices(deps: ServiceDeps) {
  return {
    /** The task queues, for wiring workers. */
    queues: deps.queues,
    /** Transitional: the raw connections for areas that have no service yet (removed when all have one). */
    deps,
    documents: createDocumentsService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
