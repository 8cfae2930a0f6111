import type { Client } from '@temporalio/client';
import type { Db } from '../../infra/db/prisma';
import { pingDatabase } from '../../persistence/system/database-ping';

export interface Health {
  status: 'ok' | 'degraded';
  database: string;
  temporal: string;
}

/** Whether the process reaches what it depends on: the database and the Temporal server. */
export function healthService(db: Db, temporal: Client) {
  return {
    async check(): Promise<Health> {
      const checks = await Promise.allSettled([pingDatabase(db), temporal.workflowService.getSystemInfo({})]);
      const [database, server] = checks.map((c) => (c.status === 'fulfilled' ? 'ok' : `down: ${(c.reason as Error).message}`));
      return { status: database === 'ok' && server === 'ok' ? 'ok' : 'degraded', database, temporal: server };
    },
  };
}
