import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writePrintBatch } from '../../infra/channels/print';

const items = [
  { documentId: 'd1', fileName: 'RE000001.pdf', recipient: 'Erika Mustermann, Hauptstr. 1, 10115 Berlin', pdf: Buffer.from('%PDF-1 a') },
  { documentId: 'd2', fileName: '../evil/RE000002.pdf', recipient: 'Max "Maxi" Muster; Hof 2, 80331 München', pdf: Buffer.from('%PDF-1 b') },
];

test('a batch is a folder of numbered PDFs with a manifest in print order', () => {
  const drop = fs.mkdtempSync(path.join(os.tmpdir(), 'print-'));
  const folder = writePrintBatch(drop, 'PB-1', items);
  expect(folder).toBe(path.join(drop, 'PB-1'));
  expect(fs.readdirSync(folder).sort()).toEqual(['0001-RE000001.pdf', '0002-RE000002.pdf', 'manifest.csv']);
  expect(fs.readFileSync(path.join(folder, '0002-RE000002.pdf'))).toEqual(items[1].pdf);
  expect(fs.readFileSync(path.join(folder, 'manifest.csv'), 'utf8').split('\r\n')).toEqual([
    'seq;file;document;recipient',
    '1;0001-RE000001.pdf;d1;Erika Mustermann, Hauptstr. 1, 10115 Berlin',
    '2;0002-RE000002.pdf;d2;"Max ""Maxi"" Muster; Hof 2, 80331 München"',
    '',
  ]);
  expect(fs.readdirSync(drop)).toEqual(['PB-1']);
});

test('writing the same batch again replaces it rather than adding to it', () => {
  const drop = fs.mkdtempSync(path.join(os.tmpdir(), 'print-'));
  writePrintBatch(drop, 'PB-2', items);
  writePrintBatch(drop, 'PB-2', items.slice(0, 1));
  expect(fs.readdirSync(path.join(drop, 'PB-2')).sort()).toEqual(['0001-RE000001.pdf', 'manifest.csv']);
});
