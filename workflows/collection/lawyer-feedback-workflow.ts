import { log, proxyActivities } from '@temporalio/workflow';
import type { CollectionActivities } from '../../activities/collection/collection-activities';
import type { LawyerFeedbackResult } from '../../contracts/collection/lawyer-feedback-result';

const act = proxyActivities<CollectionActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
});

/**
 * The lawyers' feedback (Schedule `lawyer-feedback`): every file in each lawyer's outbox is stored,
 * read (reports booked and told to their claims, bad lines quarantined) and moved to the lawyer's
 * done folder. A crash between reading and moving books nothing twice: the next run finds the
 * file's sha256 read, and each report line's id taken.
 */
export async function lawyerFeedbackWorkflow(): Promise<LawyerFeedbackResult[]> {
  const results: LawyerFeedbackResult[] = [];
  for (const { lawyerId, files } of await act.listLawyerOutboxes()) {
    for (const name of files) {
      try {
        const { fileId } = await act.fetchLawyerFile(lawyerId, name);
        const summary = await act.readLawyerFile(fileId);
        const archivedTo = await act.archiveLawyerFile(lawyerId, name, fileId, summary.status);
        results.push({ lawyerId, name, summary, archivedTo });
      } catch (e) {
        log.warn('lawyer feedback file not read', { lawyerId, name, error: (e as Error).message });
        results.push({ lawyerId, name, error: (e as Error).message });
      }
    }
  }
  return results;
}
