import type { Services } from '../../services';
import type { LawyerFileSummary } from '../../contracts/collection/lawyer-feedback-result';

/** The scheduled read of the lawyers' feedback: adapters over the collection service. */
export function createCollectionActivities(services: Services) {
  const { collection } = services;

  return {
    /** Every lawyer with the files waiting in its outbox. */
    listLawyerOutboxes(): Promise<Array<{ lawyerId: string; files: string[] }>> {
      return collection.listOutboxes();
    },

    /** Stores one outbox file (the same content again is the same file, by sha256). */
    fetchLawyerFile(lawyerId: string, name: string): Promise<{ fileId: string; duplicate: boolean }> {
      return collection.fetchFeedbackFile(lawyerId, name);
    },

    /** Takes the file's reports, quarantines what cannot be taken, tells the claims; idempotent. */
    readLawyerFile(fileId: string): Promise<LawyerFileSummary> {
      return collection.readFeedbackFile(fileId);
    },

    /** Moves the file to the lawyer's done folder. */
    archiveLawyerFile(lawyerId: string, name: string, fileId: string, status: string): Promise<string> {
      return collection.archiveFeedbackFile(lawyerId, name, fileId, status);
    },
  };
}

export type CollectionActivities = ReturnType<typeof createCollectionActivities>;
