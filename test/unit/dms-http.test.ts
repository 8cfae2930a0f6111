import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HttpDms } from '../../infra/dms/http-dms';
import { freePort } from '../../infra/local/free-port';
import { startLocalDms } from '../../infra/local/dms-server';
import type { LocalService } from '../../infra/local/postgres';

let server: LocalService;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dms-'));
  server = await startLocalDms({ port: await freePort(), dir });
});
afterAll(() => server.stop());

test('stores a document over HTTP and returns the same bytes for its reference', async () => {
  const dms = new HttpDms(server.url);
  const pdf = Buffer.from('%PDF-1.4 Eingangsbestätigung');
  const ref = await dms.put(pdf, { mimeType: 'application/pdf', fileName: 'receipt.pdf' });
  expect(await dms.get(ref)).toEqual(pdf);
  expect(JSON.parse(fs.readFileSync(path.join(dir, `${ref}.json`), 'utf8'))).toMatchObject({ fileName: 'receipt.pdf', mimeType: 'application/pdf', size: pdf.length });
});

test('the same content twice is one document', async () => {
  const dms = new HttpDms(`${server.url}/`);
  const pdf = Buffer.from('%PDF-1.4 Mahnung');
  const [a, b] = [await dms.put(pdf, { mimeType: 'application/pdf', fileName: 'a.pdf' }), await dms.put(pdf, { mimeType: 'application/pdf', fileName: 'b.pdf' })];
  expect(b).toBe(a);
  expect(fs.readdirSync(dir).filter((f) => f.startsWith(a))).toEqual([a, `${a}.json`]);
});

test('an unknown reference and an unreachable DMS fail with clear errors', async () => {
  const unknown = '00000000-0000-4000-8000-000000000000';
  await expect(new HttpDms(server.url).get(unknown)).rejects.toThrow(`document ${unknown} is not in the DMS at ${server.url}`);
  const down = new HttpDms(`http://127.0.0.1:${await freePort()}`);
  await expect(down.put(Buffer.from('x'), { mimeType: 'text/plain', fileName: 'x.txt' })).rejects.toThrow();
});

test('the local DMS refuses content that does not match its sha256', async () => {
  const res = await fetch(`${server.url}/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fileName: 'x.pdf', mimeType: 'application/pdf', sha256: '0'.repeat(64), content: Buffer.from('x').toString('base64') }),
  });
  expect(res.status).toBe(422);
  expect(((await res.json()) as { error: string }).error).toContain('does not match sha256');
});
