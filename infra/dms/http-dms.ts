import { sha256Hex } from '../../domain/sha256';
import type { ContentMetadata, DocumentStore } from './document-store';

/**
 * An external DMS reached over HTTP (DMS_URL), with this small JSON API:
 *   POST {base}/documents  {fileName, mimeType, sha256, content: base64} → 201|200 {id}
 *     (the DMS assigns the id; the same sha256 again answers the id it already has)
 *   GET  {base}/documents/{id} → 200 {id, fileName, mimeType, sha256, size, content: base64} | 404
 *   DELETE {base}/documents/{id} → 204 | 404 (retention ended)
 * infra/local/dms-server.ts implements it for tests and local runs.
 */
export class HttpDms implements DocumentStore {
  private readonly base: string;

  constructor(baseUrl: string) {
    this.base = baseUrl.replace(/\/+$/, '');
  }

  async put(content: Buffer, metadata: ContentMetadata): Promise<string> {
    const sha256 = sha256Hex(content);
    const res = await fetch(`${this.base}/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...metadata, sha256, content: content.toString('base64') }),
    });
    const body = (await res.json().catch(() => ({}))) as { id?: string; error?: string };
    if (!res.ok || !body.id) throw new Error(`DMS ${this.base} refused ${metadata.fileName}: HTTP ${res.status} ${body.error ?? ''}`.trim());
    return body.id;
  }

  async get(ref: string): Promise<Buffer> {
    const res = await fetch(`${this.base}/documents/${encodeURIComponent(ref)}`);
    if (res.status === 404) throw new Error(`document ${ref} is not in the DMS at ${this.base}`);
    if (!res.ok) throw new Error(`DMS ${this.base} failed to return document ${ref}: HTTP ${res.status}`);
    const body = (await res.json()) as { sha256: string; content: string };
    const content = Buffer.from(body.content, 'base64');
    if (sha256Hex(content) !== body.sha256) throw new Error(`DMS ${this.base} returned document ${ref} damaged (sha256 mismatch)`);
    return content;
  }

  async delete(ref: string): Promise<void> {
    const res = await fetch(`${this.base}/documents/${encodeURIComponent(ref)}`, { method: 'DELETE' });
    if (!res.ok && res.status !== 404) throw new Error(`DMS ${this.base} failed to delete document ${ref}: HTTP ${res.status}`);
  }
}
