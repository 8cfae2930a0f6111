import { log } from '@temporalio/workflow';

/** The activities that read one kind of partner's outboxes (lawyers, factors). */
export interface OutboxSteps<S extends { status: string }> {
  list(): Promise<Array<{ partnerId: string; files: string[] }>>;
  fetch(partnerId: string, name: string): Promise<{ fileId: string }>;
  read(fileId: string): Promise<S>;
  archive(partnerId: string, name: string, fileId: string, status: string): Promise<string>;
}

export type OutboxFileResult<S> = { partnerId: string; name: string } & ({ summary: S; archivedTo: string } | { error: string });

/**
 * Every file in every partner's outbox: stored, read and moved to the done folder. A file that
 * fails (after its activity's retries) is reported and the others are read; the next run finds it
 * again, and its sha256 and line ids keep anything from being taken twice.
 */
export async function readPartnerOutboxes<S extends { status: string }>(steps: OutboxSteps<S>, what: string): Promise<Array<OutboxFileResult<S>>> {
  const results: Array<OutboxFileResult<S>> = [];
  for (const { partnerId, files } of await steps.list()) {
    for (const name of files) {
      try {
        const { fileId } = await steps.fetch(partnerId, name);
        const summary = await steps.read(fileId);
        const archivedTo = await steps.archive(partnerId, name, fileId, summary.status);
        results.push({ partnerId, name, summary, archivedTo });
      } catch (e) {
        log.warn(`${what} not read`, { partnerId, name, error: (e as Error).message });
        results.push({ partnerId, name, error: (e as Error).message });
      }
    }
  }
  return results;
}
