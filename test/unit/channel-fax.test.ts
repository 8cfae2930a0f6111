import PDFDocument from 'pdfkit';
import { HttpFaxProvider, isFinal, FaxJob } from '../../infra/channels/fax';
import { freePort } from '../../infra/local/free-port';
import { startLocalFaxService } from '../../infra/local/fax-service';
import type { LocalService } from '../../infra/local/postgres';

let service: LocalService;
let fax: HttpFaxProvider;
let pdf: Buffer;

beforeAll(async () => {
  // Long enough that a busy machine still sees a job queued before it is sent.
  service = await startLocalFaxService({ port: await freePort(), transmitMs: 1000 });
  fax = new HttpFaxProvider(service.url);
  pdf = await new Promise<Buffer>((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks)));
    doc.text('Eingangsbestätigung').end();
  });
});
afterAll(() => service.stop());

/** Follows a job the way sendDocumentWorkflow does: every status seen, until a final one. */
async function follow(jobId: string): Promise<FaxJob['status'][]> {
  const seen: FaxJob['status'][] = [];
  for (;;) {
    const job = await fax.status(jobId);
    if (seen[seen.length - 1] !== job.status) seen.push(job.status);
    if (isFinal(job.status)) return seen;
    await new Promise((r) => setTimeout(r, 10));
  }
}

test('a job is queued, sent and delivered', async () => {
  const id = await fax.submit({ to: '+49 30 1234567', pdf, reference: 'receipt:1#1' });
  const seen = await follow(id);
  expect(seen[0]).toBe('QUEUED');
  expect(seen.slice(-2)).toEqual(['SENDING', 'DELIVERED']);
});

test('the same reference again is the same job, not a second transmission', async () => {
  const a = await fax.submit({ to: '+49 30 1234567', pdf, reference: 'receipt:2#1' });
  expect(await fax.submit({ to: '+49 30 1234567', pdf, reference: 'receipt:2#1' })).toBe(a);
  expect(await fax.submit({ to: '+49 30 1234567', pdf, reference: 'receipt:2#2' })).not.toBe(a);
});

test('a busy number fails as often as configured, with its reason, then delivers', async () => {
  const number = '+49 40 5550001';
  await fetch(`${service.url}/numbers/${encodeURIComponent(number)}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reason: 'busy', times: 1 }) });
  const first = await fax.submit({ to: number, pdf, reference: 'busy#1' });
  expect((await follow(first)).pop()).toBe('FAILED');
  expect((await fax.status(first)).reason).toBe('busy');
  const second = await fax.submit({ to: number, pdf, reference: 'busy#2' });
  expect((await follow(second)).pop()).toBe('DELIVERED');
});

test('a bad number or a document that is not a PDF is refused with the reason', async () => {
  await expect(fax.submit({ to: 'abc', pdf, reference: 'bad#1' })).rejects.toThrow('"abc" is not a fax number');
  await expect(fax.submit({ to: '+49 30 1234567', pdf: Buffer.from('hello'), reference: 'bad#2' })).rejects.toThrow('document is not a PDF');
  await expect(fax.status('nope')).rejects.toThrow('has no status for job nope: HTTP 404');
});
