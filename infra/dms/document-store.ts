/** What an archived document's content is stored with. */
export interface ContentMetadata {
  mimeType: string;
  fileName: string;
}

/**
 * Where archived content lives: the built-in encrypted store in PostgreSQL, or an external DMS.
 * Metadata, links (claim, client, person) and retention are the Document row's (services/documents/archive.ts).
 */
export interface DocumentStore {
  /** Stores the content (once: the same bytes again give the same reference) and returns its reference. */
  put(content: Buffer, metadata: ContentMetadata): Promise<string>;
  /** The content stored under `ref`; throws a clear error when it is missing or cannot be decrypted. */
  get(ref: string): Promise<Buffer>;
  /** Deletes the content under `ref` (its retention ended; the caller knows no kept document shares it); missing is fine. */
  delete(ref: string): Promise<void>;
}
