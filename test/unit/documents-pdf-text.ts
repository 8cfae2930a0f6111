import { execFile } from 'node:child_process';

export interface PdfTextItem {
  str: string;
  /** Position of the text's baseline start from the page's top-left corner, in points. */
  x: number;
  y: number;
  page: number;
}

// pdf-parse (pdfjs) loads its worker with a dynamic import, which jest's CommonJS sandbox
// refuses; a plain node child process reads the PDF instead.
const SCRIPT = `
const { PDFParse } = require('pdf-parse');
(async () => {
  const chunks = [];
  for await (const c of process.stdin) chunks.push(c);
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  const r = await parser.getText();
  const doc = await parser.load();
  const items = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const height = page.getViewport({ scale: 1 }).height;
    for (const it of (await page.getTextContent()).items) if (it.str) items.push({ str: it.str, x: it.transform[4], y: height - it.transform[5], page: p });
  }
  await parser.destroy();
  process.stdout.write(JSON.stringify({ text: r.text, pages: r.total, items }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

/**
 * The text layer of a PDF (whitespace and line breaks collapsed to single spaces, so a wrapped
 * sentence still matches), its page count and the positioned text items.
 */
export function pdfText(pdf: Buffer): Promise<{ text: string; pages: number; items: PdfTextItem[] }> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['-e', SCRIPT], { cwd: __dirname, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`pdf-parse failed: ${stderr || err.message}`));
      else {
        const r = JSON.parse(stdout) as { text: string; pages: number; items: PdfTextItem[] };
        resolve({ ...r, text: r.text.replace(/\s+/g, ' ') });
      }
    });
    child.stdin!.end(pdf);
  });
}
