import { createHash } from 'node:crypto';

/** The SHA-256 of a file or document as lowercase hex: its identity for dedup and content addressing. */
export function sha256Hex(content: Buffer | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}
