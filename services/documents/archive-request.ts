import { addressFor, type Channel, type Recipient } from '../../domain/documents/choose-channel';

/** A document to archive: its content plus metadata and links, under one idempotency key. */
export interface ArchiveRequest {
  idempotencyKey: string;
  kind: string;
  claimId?: string;
  clientId?: string;
  personId?: string;
  channel: string;
  recipient: string;
  subject: string;
  mimeType: string;
  fileName: string;
  content: Buffer;
  /** The document this one repeats (re-send, duplicate). */
  sourceId?: string;
  /** Known to the caller already (it loaded the policy); else read from the client's policy. */
  retentionYears?: number;
}

/** What a document is and what it is about, under its key. */
export type DocumentLinks = Pick<ArchiveRequest, 'idempotencyKey' | 'kind' | 'claimId' | 'clientId' | 'sourceId' | 'retentionYears'>;

/** Where a document goes: the channel, the address on it, the person it is for. */
export type Addressee = Pick<ArchiveRequest, 'channel' | 'recipient' | 'personId'>;

/** The archived bytes with their type, file name and subject. */
export type ArchivedFile = Pick<ArchiveRequest, 'content' | 'mimeType' | 'fileName' | 'subject'>;

/** A recipient reached through a channel: the address that channel sends to. */
export function addressee(r: Recipient, channel: Channel): Addressee {
  return { channel, recipient: addressFor(r, channel), personId: r.personId };
}

/** A rendered document's PDF, under the subject of its cover mail. */
export function pdfOf(rendered: { pdf: Buffer; fileName: string; mail: { subject: string } }): ArchivedFile {
  return { content: rendered.pdf, mimeType: 'application/pdf', fileName: rendered.fileName, subject: rendered.mail.subject };
}

/** The one shape of an archive request: the document's links, where it goes, what it is. */
export function archiveRequest(links: DocumentLinks, to: Addressee, file: ArchivedFile): ArchiveRequest {
  return { ...links, ...to, ...file };
}
