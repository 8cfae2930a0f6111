import { proxyActivities } from '@temporalio/workflow';
import type { CollectionActivities } from '../../activities/collection/collection-activities';
import type { LawyerFeedbackResult } from '../../contracts/collection/lawyer-feedback-result';
import { readPartnerOutboxes } from '../read-partner-outboxes';

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
  const results = await readPartnerOutboxes(
    {
      list: async () => (await act.listLawyerOutboxes()).map(({ lawyerId, files }) => ({ partnerId: lawyerId, files })),
      fetch: act.fetchLawyerFile,
      read: act.readLawyerFile,
      archive: act.archiveLawyerFile,
    },
    'lawyer feedback file',
  );
  return results.map(({ partnerId, ...rest }) => ({ lawyerId: partnerId, ...rest }));
}
