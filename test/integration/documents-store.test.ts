import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { HttpDms } from '../../infra/dms/http-dms';
import { startLocalDms } from '../../infra/local/dms-server';
import { freePort } from '../../infra/local/free-port';
import { decrypt, keyringOf } from '../../infra/dms/content-cipher';
import { DatabaseDocumentStore } from '../../infra/dms/database-store';
import { sha256Hex } from '../../domain/sha256';
import { DEFAULT_DOCUMENT_POLICY } from '../../domain/documents/document-policy';
import { renderDocument } from '../../documents/render-document';
import { sampleRequest } from '../../documents/sample-documents';
import { archiveDocument, documentContent } from '../../services/documents/archive';
import { useHarness } from '../support/harness';

jest.setTimeout(60_000);

const h = useHarness();
const newKey = () => randomBytes(32).toString('base64');

async function samplePdf(n: number): Promise<Buffer> {
  return (await renderDocument(sampleRequest('invoice', n))).pdf;
}

async function rawRow(sha256: string) {
  const [row] = await h.db.$queryRaw<Array<{ data: Uint8Array; keyId: string }>>`SELECT "data", "keyId" FROM "StoredContent" WHERE "sha256" = ${sha256}`;
  return { data: Buffer.from(row.data), keyId: row.keyId };
}

test('content is stored once, encrypted at rest, and read back as it was', async () => {
  const key = newKey();
  const store = new DatabaseDocumentStore(h.db, keyringOf([key]));
  const pdf = await samplePdf(101);
  const ref = await store.put(pdf, { mimeType: 'application/pdf', fileName: 'a.pdf' });
  expect(ref).toBe(sha256Hex(pdf));
  expect(await store.put(pdf, { mimeType: 'application/pdf', fileName: 'b.pdf' })).toBe(ref);
  expect(await h.db.storedContent.count({ where: { sha256: ref } })).toBe(1);

  const raw = await rawRow(ref);
  expect(raw.data.equals(pdf)).toBe(false);
  expect(raw.data.includes(Buffer.from('%PDF'))).toBe(false);
  expect(raw.keyId).toBe(keyringOf([key]).current.id);
  expect(decrypt(raw.data, keyringOf([key]).current)).toEqual(pdf);
  expect(await store.get(ref)).toEqual(pdf);
});

test('without its key, or with altered bytes, content is refused with a clear error', async () => {
  const ring = keyringOf([newKey()]);
  const pdf = await samplePdf(102);
  const ref = await new DatabaseDocumentStore(h.db, ring).put(pdf, { mimeType: 'application/pdf', fileName: 'x.pdf' });
  const other = keyringOf([newKey()]);
  await expect(new DatabaseDocumentStore(h.db, other).get(ref)).rejects.toThrow(
    `document content ${ref} is encrypted with key ${ring.current.id}, which is not configured (DOCUMENT_ENCRYPTION_KEY has ${other.current.id} first)`,
  );
  const raw = await rawRow(ref);
  raw.data[raw.data.length - 1] ^= 0xff;
  await h.db.storedContent.update({ where: { sha256: ref }, data: { data: new Uint8Array(raw.data) } });
  await expect(new DatabaseDocumentStore(h.db, ring).get(ref)).rejects.toThrow(`document content ${ref} does not decrypt with key ${ring.current.id}: the stored bytes were altered`);
  await expect(new DatabaseDocumentStore(h.db, ring).get('0'.repeat(64))).rejects.toThrow('is not in the document store');
});

test('key rotation re-encrypts content under older keys and content moved in unencrypted', async () => {
  const [oldKey, newKeyB64] = [newKey(), newKey()];
  const oldPdf = await samplePdf(103);
  const ref = await new DatabaseDocumentStore(h.db, keyringOf([oldKey])).put(oldPdf, { mimeType: 'application/pdf', fileName: 'old.pdf' });
  // What the migration leaves: content from the former Document.content column, not yet encrypted.
  const plain = Buffer.from(`<p>Rechnung ${randomUUID()}</p>`);
  await h.db.storedContent.create({ data: { sha256: sha256Hex(plain), size: plain.length, mimeType: 'text/html', keyId: 'none', data: new Uint8Array(plain) } });

  const rotated = new DatabaseDocumentStore(h.db, keyringOf([newKeyB64, oldKey]));
  expect(await rotated.rotate()).toBeGreaterThanOrEqual(2);
  const onlyNew = new DatabaseDocumentStore(h.db, keyringOf([newKeyB64]));
  expect(await onlyNew.get(ref)).toEqual(oldPdf);
  expect(await onlyNew.get(sha256Hex(plain))).toEqual(plain);
  expect((await rawRow(sha256Hex(plain))).data.includes(Buffer.from('Rechnung'))).toBe(false);
});

test('an archived document references its content by sha256, links client and person, and is kept per policy', async () => {
  const client = await h.client('INKASSO', { documents: { ...DEFAULT_DOCUMENT_POLICY, retentionYears: 8 } });
  const person = await h.db.person.create({ data: { id: randomUUID(), firstName: 'Erika', lastName: 'Mustermann', street: 'Hauptstr. 1', postalCode: '10115', city: 'Berlin' } });
  const store = h.services.deps.documents;
  const pdf = await samplePdf(104);
  const key = `test-archive:${randomUUID()}`;
  const request = { idempotencyKey: key, kind: 'INVOICE', clientId: client.id, personId: person.id, channel: 'post', recipient: 'Erika Mustermann, Hauptstr. 1, 10115 Berlin', subject: 'Rechnung', mimeType: 'application/pdf', fileName: 'Rechnung.pdf', content: pdf };
  const doc = await archiveDocument(h.db, store, request);
  expect(await archiveDocument(h.db, store, request)).toEqual(doc);
  expect(doc).toMatchObject({ sha256: sha256Hex(pdf), dmsRef: null, clientId: client.id, personId: person.id, status: 'PREPARED' });
  expect(doc).not.toHaveProperty('content');
  expect(doc.retainUntil!.getUTCFullYear() - doc.createdAt.getUTCFullYear()).toBe(8);
  expect(await documentContent(store, doc)).toEqual(pdf);
});

test('with an external DMS, the document keeps its reference there and reads back through it', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dms-'));
  const dms = await startLocalDms({ port: await freePort(), dir });
  try {
    const store = new HttpDms(dms.url);
    const pdf = await samplePdf(105);
    const doc = await archiveDocument(h.db, store, { idempotencyKey: `test-dms:${randomUUID()}`, kind: 'INVOICE', channel: 'post', recipient: 'x', subject: 'Rechnung', mimeType: 'application/pdf', fileName: 'Rechnung.pdf', content: pdf });
    expect(doc.dmsRef).toMatch(/^[0-9a-f-]{36}$/);
    expect(doc.sha256).toBe(sha256Hex(pdf));
    expect(fs.readFileSync(path.join(dir, doc.dmsRef!))).toEqual(pdf);
    expect(await documentContent(store, doc)).toEqual(pdf);
  } finally {
    await dms.stop();
  }
});
