import type { Db } from '../../infra/db/prisma';
import type { SftpTarget } from '../../infra/sftp';
import { archiveFile, fetchFile, listInbox } from '../../infra/sftp-folders';
import { sha256Hex } from '../../domain/sha256';
import { audit } from '../../persistence/audit';
import { allLawyers, lawyerById } from '../../persistence/collection/lawyers';
import { storeFeedbackFile } from '../../persistence/collection/feedback-files';

export const FEEDBACK_ACTOR = 'lawyer-feedback';

/**
 * The scheduled read of the lawyers' outboxes on the collection SFTP server (where the handoffs
 * go): each lawyer's files are listed, stored once per content, and moved to the lawyer's done
 * folder once read.
 */
export function lawyerOutbox(db: Db, sftp: SftpTarget) {
  async function lawyer(lawyerId: string) {
    const l = await lawyerById(db, lawyerId);
    if (!l) throw new Error(`lawyer ${lawyerId} does not exist`);
    return l;
  }

  return {
    /** Every lawyer with the files waiting in its outbox (lawyers with none are left out). */
    async list(): Promise<Array<{ lawyerId: string; files: string[] }>> {
      const out = [];
      for (const l of await allLawyers(db)) {
        const files = await listInbox(sftp, l.outboxFolder);
        if (files.length > 0) out.push({ lawyerId: l.id, files });
      }
      return out;
    },

    /** Stores one outbox file; the same content from the same lawyer again is the same file (by sha256). */
    async fetch(lawyerId: string, name: string): Promise<{ fileId: string; duplicate: boolean }> {
      const l = await lawyer(lawyerId);
      const content = await fetchFile(sftp, l.outboxFolder, name);
      const stored = await storeFeedbackFile(db, { lawyerId, fileName: name, sha256: sha256Hex(content), content });
      if (!stored.duplicate) await audit(db, FEEDBACK_ACTOR, 'receive', 'lawyer-file', stored.fileId, { lawyerId, fileName: name, bytes: content.length });
      return stored;
    },

    /** Moves the file to the lawyer's done folder and records where it went with how it was read. */
    async archive(lawyerId: string, name: string, fileId: string, status: string): Promise<string> {
      const l = await lawyer(lawyerId);
      const archived = await archiveFile(sftp, l.outboxFolder, l.doneFolder, name, fileId);
      await audit(db, FEEDBACK_ACTOR, 'archive', 'lawyer-file', fileId, { from: `${l.outboxFolder}/${name}`, to: archived, status });
      return archived;
    },
  };
}
