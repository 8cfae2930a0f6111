import { createDb } from '../../infra/db/prisma';
import { sealAuditTrail, verifyAuditChain } from '../../persistence/audit-chain';
import { auditEventsPage, type AuditQuery } from '../../persistence/audit-events';
import type { ServiceDeps } from '../service-deps';

/** The audit trail: sealing it into its hash chain, checking the chain, and reading it with filters. */
export function createAuditService(deps: Pick<ServiceDeps, 'db'>) {
  const { db } = deps;
  return {
    seal: () => sealAuditTrail(db),
    verify: () => verifyAuditChain(db),
    /** One page of events, newest first, with the cursor of the next. */
    async events(q: AuditQuery) {
      const events = await auditEventsPage(db, q);
      const last = events[events.length - 1];
      return { events, next: events.length === q.limit ? last.id : null };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;

/** The audit service on its own database connection, for the command line; closed after `use`. */
export async function withAuditService<T>(databaseUrl: string | undefined, use: (audit: AuditService) => Promise<T>): Promise<T> {
  const db = createDb(databaseUrl, 2);
  try {
    return await use(createAuditService({ db }));
  } finally {
    await db.$disconnect();
  }
}
