import fs from 'node:fs';
import path from 'node:path';

export interface PrintItem {
  documentId: string;
  fileName: string;
  /** The postal recipient, one line (the print service folds and franks by it). */
  recipient: string;
  pdf: Buffer;
}

function csvField(s: string): string {
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Writes one print batch into the print service's drop folder: `<dropDir>/<batchId>/` with the
 * PDFs (numbered in print order) and manifest.csv. Written under a temporary name and renamed, so
 * the print service never picks up half a batch; writing the same batch again replaces it.
 */
export function writePrintBatch(dropDir: string, batchId: string, items: PrintItem[]): string {
  const folder = path.join(dropDir, batchId);
  const tmp = path.join(dropDir, `.${batchId}.partial`);
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  const rows = ['seq;file;document;recipient'];
  items.forEach((item, i) => {
    const file = `${String(i + 1).padStart(4, '0')}-${path.basename(item.fileName)}`;
    fs.writeFileSync(path.join(tmp, file), item.pdf);
    rows.push([String(i + 1), file, item.documentId, item.recipient].map(csvField).join(';'));
  });
  fs.writeFileSync(path.join(tmp, 'manifest.csv'), rows.join('\r\n') + '\r\n');
  fs.rmSync(folder, { recursive: true, force: true });
  fs.renameSync(tmp, folder);
  return folder;
}
