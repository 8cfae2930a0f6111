import type { ServiceDeps } from '../service-deps';
import type { Channel } from '../../domain/documents/choose-channel';
import type { JournalKind } from '../../domain/documents/journal-kinds';
import type { JournalPeriod } from '../../domain/documents/journal-period';
import { documentByKey, documentPage, documentWithAttempts, markDocumentSent, type DocumentPageQuery, type DocumentRow } from '../../persistence/documents/archive';
import { clientExists, clientIdPage } from '../../persistence/documents/clients';
import { nextCursor } from '../../persistence/id-page';
import { listTemplates, loadTemplate, saveTemplateVersion, templateVersions } from '../../persistence/documents/document-templates';
import { archiveDocument, documentContent, readContent } from './archive';
import { archiveRequest, type Addressee, type ArchivedFile, type DocumentLinks } from './archive-request';
import { sendClaimLetter, type ClaimLetter } from './claim-letters';
import { sendClientJournals, sendJournal } from './client-journals';
import { deliverDocument, dispatchArchived, type Delivery } from './delivery';
import { repeatDocument, type RepeatMode } from './document-repeats';
import { faxFailed, faxPolicy, faxStatus, submitFax } from './fax-delivery';
import { runPrintBatch } from './print-run';
import type { StaffRequest } from './staff-send';
import { doesNotExist } from '../../domain/refusal';

/**
 * The documents area: letters and journals delivered exactly once through their channels (every
 * area's sends go through `deliver`, wired here once from the process's connections), the archive,
 * the steps of sendDocumentWorkflow and the print run, the monthly journal run, what staff send
 * through the API, and the free-letter templates. One service: journals are documents sent through
 * the same delivery and archive.
 */
export function createDocumentsService(deps: ServiceDeps) {
  const { db, documents: store } = deps;

  return {
    /** Delivers a document exactly once (archived, then sent through its channel). */
    deliver: (d: Delivery) => deliverDocument(deps, d),
    /** Archives a document once under its key (a collection handoff, which leaves by SFTP). */
    archive: (links: DocumentLinks, to: Addressee, file: ArchivedFile) => archiveDocument(db, store, archiveRequest(links, to, file)),
    /** Whether the document under the key went out already. */
    sentUnder: async (idempotencyKey: string) => (await documentByKey(db, idempotencyKey))?.status === 'SENT',
    /** When the document under the key was first archived (null: not yet). */
    archivedAt: async (idempotencyKey: string) => (await documentByKey(db, idempotencyKey))?.createdAt ?? null,
    /** Marks an archived document sent by a channel of its own (SFTP). */
    markSent: (idempotencyKey: string) => markDocumentSent(db, idempotencyKey),
    /** The archived content of a document. */
    content: (doc: Pick<DocumentRow, 'dmsRef' | 'sha256'>) => documentContent(store, doc),

    /** sendDocumentWorkflow: sends an archived document (a staff re-send or duplicate) through its channel. */
    dispatchArchived: (documentId: string) => dispatchArchived(deps, documentId),
    faxPolicy: (documentId: string) => faxPolicy(db, documentId),
    submitFax: (documentId: string, attempt: number) => submitFax(deps, documentId, attempt),
    faxStatus: (documentId: string, attempt: number) => faxStatus(deps, documentId, attempt),
    faxFailed: (documentId: string, reason: string) => faxFailed(db, documentId, reason),
    /** One print run: the letters waiting for post become one batch in the print drop folder. */
    runPrintBatch: (clientIds?: string[]) => runPrintBatch(db, store, deps.printDropDir, clientIds),

    /** One page of client ids (ordered), so the journal run never holds every client in one payload. */
    async clientPage(afterClientId: string | null, limit: number): Promise<{ clientIds: string[]; next: string | null }> {
      const clientIds = await clientIdPage(db, afterClientId, limit);
      return { clientIds, next: clientIds.length === limit ? clientIds[clientIds.length - 1] : null };
    },
    sendClientJournals: (clientId: string, period: JournalPeriod) => sendClientJournals(deps, clientId, period),

    /** A page of the archive, newest first; null when the cursor names no document. */
    async documentPage(q: DocumentPageQuery) {
      const documents = await documentPage(db, q);
      return documents && { documents, next: nextCursor(documents, q) };
    },
    documentWithAttempts: (documentId: string) => documentWithAttempts(db, documentId),
    readContent: (documentId: string, actor: string) => readContent(db, store, documentId, actor),
    repeat: (mode: RepeatMode, documentId: string, channel: Channel | undefined, request: StaffRequest) => repeatDocument(deps, mode, documentId, channel, request),
    sendClaimLetter: (claimId: string, letter: ClaimLetter, request: StaffRequest) => sendClaimLetter(deps, claimId, letter, request),
    sendJournal: (clientId: string, kind: JournalKind, period: JournalPeriod, request: StaffRequest) => sendJournal(deps, clientId, kind, period, request),

    templates: (clientId?: string) => listTemplates(db, clientId),
    template: (key: string, opts: { clientId?: string; version?: number }) => loadTemplate(db, key, opts),
    templateVersions: (key: string, clientId: string | null) => templateVersions(db, key, clientId),
    /** Saves an edit of a template (of all clients, or of an existing client) as its next version. */
    async saveTemplate(t: { key: string; clientId: string | null; subject: string; body: string; createdBy: string }) {
      if (t.clientId && !(await clientExists(db, t.clientId))) throw doesNotExist(`client ${t.clientId}`);
      return saveTemplateVersion(db, t);
    },
  };
}

export type DocumentsService = ReturnType<typeof createDocumentsService>;
