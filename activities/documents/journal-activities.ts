import type { Services } from '../../services';
import type { JournalKind } from '../../domain/documents/journal-kinds';
import type { JournalPeriod } from '../../domain/documents/journal-period';

/** The activities of the monthly client journal run. */
export function createJournalActivities(services: Services) {
  const { documents } = services;

  return {
    /** One page of client ids (ordered), so the run never holds every client in one payload. */
    listClientPage: (afterClientId: string | null, limit: number): Promise<{ clientIds: string[]; next: string | null }> => documents.clientPage(afterClientId, limit),

    /**
     * Sends the client its journals for the period, each once (key `journal:<kind>:<client>:<period>`):
     * a retry or a second run finds the keys delivered and sends nothing. Returns the kinds delivered now.
     */
    sendClientJournals: (clientId: string, period: JournalPeriod): Promise<JournalKind[]> => documents.sendClientJournals(clientId, period),
  };
}

export type JournalActivities = ReturnType<typeof createJournalActivities>;
