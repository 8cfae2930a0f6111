import type { Db } from '../db/prisma';
import { HttpFaxProvider, FaxProvider } from '../channels/fax';
import { keyringOf } from './content-cipher';
import { DatabaseDocumentStore } from './database-store';
import type { DocumentStore } from './document-store';
import { HttpDms } from './http-dms';

/** Where documents are archived and sent: resolved by infra/environment.ts or the process's env. */
export interface DocumentServicesConfig {
  /** Base64 AES-256 keys, comma-separated, newest first (DOCUMENT_ENCRYPTION_KEY). */
  encryptionKeys?: string;
  /** An external DMS (DMS_URL); the built-in encrypted store when absent. */
  dmsUrl?: string;
  /** The fax provider's API (FAX_URL); without one nothing goes by fax. */
  faxUrl?: string;
  printDropDir: string;
}

export interface DocumentServices {
  documents: DocumentStore;
  fax?: FaxProvider;
  printDropDir: string;
}

/** The external DMS when one is configured, else the built-in encrypted store. */
export function documentStore(db: Db, c: Pick<DocumentServicesConfig, 'encryptionKeys' | 'dmsUrl'>): DocumentStore {
  if (c.dmsUrl) return new HttpDms(c.dmsUrl);
  if (c.encryptionKeys) return new DatabaseDocumentStore(db, keyringOf(c.encryptionKeys.split(',')));
  throw new Error('DOCUMENT_ENCRYPTION_KEY is not set (nor DMS_URL for an external document store)');
}

export function documentServices(db: Db, c: DocumentServicesConfig): DocumentServices {
  return { documents: documentStore(db, c), fax: c.faxUrl ? new HttpFaxProvider(c.faxUrl) : undefined, printDropDir: c.printDropDir };
}
