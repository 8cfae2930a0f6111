import type { Db } from '../infra/db/prisma';
import type { SftpTarget } from '../infra/sftp';
import { archiveFile, fetchFile, listInbox } from '../infra/sftp-folders';
import { sha256Hex } from '../domain/sha256';
import { audit } from '../persistence/audit';

/** A partner that puts files for the centre into an SFTP outbox: a lawyer, a refinancing factor. */
export interface OutboxPartner {
  id: string;
  outboxFolder: string;
  doneFolder: string;
}

export interface PartnerOutboxOptions {
  /** Every partner whose outbox is read. */
  partners: () => Promise<OutboxPartner[]>;
  partner: (id: string) => Promise<OutboxPartner | null>;
  /** Stores a file once per partner and sha256. */
  store: (f: { partnerId: string; fileName: string; sha256: string; content: Buffer }) => Promise<{ fileId: string; duplicate: boolean }>;
  /** Who the audit trail names, and the entity type of the files ("lawyer-file"). */
  actor: string;
  entityType: string;
  /** The partner's kind in messages and audit details ("lawyer"). */
  kind: string;
}

/**
 * The scheduled read of partners' outboxes: each partner's files are listed, stored once per
 * content (audited when new), and moved to the partner's done folder once read.
 */
export function partnerOutbox(db: Db, sftp: SftpTarget, o: PartnerOutboxOptions) {
  async function partner(id: string) {
    const p = await o.partner(id);
    if (!p) throw new Error(`${o.kind} ${id} does not exist`);
    return p;
  }

  return {
    /** Every partner with the files waiting in its outbox (partners with none are left out). */
    async list(): Promise<Array<{ partnerId: string; files: string[] }>> {
      const out = [];
      for (const p of await o.partners()) {
        const files = await listInbox(sftp, p.outboxFolder);
        if (files.length > 0) out.push({ partnerId: p.id, files });
      }
      return out;
    },

    /** Stores one outbox file; the same content from the same partner again is the same file (by sha256). */
    async fetch(partnerId: string, name: string): Promise<{ fileId: string; duplicate: boolean }> {
      const p = await partner(partnerId);
      const content = await fetchFile(sftp, p.outboxFolder, name);
      const stored = await o.store({ partnerId, fileName: name, sha256: sha256Hex(content), content });
      if (!stored.duplicate) await audit(db, o.actor, 'receive', o.entityType, stored.fileId, { [`${o.kind}Id`]: partnerId, fileName: name, bytes: content.length });
      return stored;
    },

    /** Moves the file to the partner's done folder and records where it went with how it was read. */
    async archive(partnerId: string, name: string, fileId: string, status: string): Promise<string> {
      const p = await partner(partnerId);
      const archived = await archiveFile(sftp, p.outboxFolder, p.doneFolder, name, fileId);
      await audit(db, o.actor, 'archive', o.entityType, fileId, { from: `${p.outboxFolder}/${name}`, to: archived, status });
      return archived;
    },
  };
}
