import type { Db } from '../../infra/db/prisma';
import type { SftpTarget } from '../../infra/sftp';
import { allLawyers, lawyerById } from '../../persistence/collection/lawyers';
import { storeFeedbackFile } from '../../persistence/collection/feedback-files';
import { partnerOutbox } from '../partner-outbox';

export const FEEDBACK_ACTOR = 'lawyer-feedback';

/**
 * The scheduled read of the lawyers' outboxes on the collection SFTP server (where the handoffs
 * go): each lawyer's files are listed, stored once per content, and moved to the lawyer's done
 * folder once read.
 */
export function lawyerOutbox(db: Db, sftp: SftpTarget) {
  const outbox = partnerOutbox(db, sftp, {
    partners: () => allLawyers(db),
    partner: (id) => lawyerById(db, id),
    store: (f) => storeFeedbackFile(db, { lawyerId: f.partnerId, fileName: f.fileName, sha256: f.sha256, content: f.content }),
    actor: FEEDBACK_ACTOR,
    entityType: 'lawyer-file',
    kind: 'lawyer',
  });
  return {
    /** Every lawyer with the files waiting in its outbox (lawyers with none are left out). */
    list: async (): Promise<Array<{ lawyerId: string; files: string[] }>> => (await outbox.list()).map(({ partnerId, files }) => ({ lawyerId: partnerId, files })),
    fetch: outbox.fetch,
    archive: outbox.archive,
  };
}
