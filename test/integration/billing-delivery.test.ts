import { createHash } from 'node:crypto';
import { generatePadnext } from '../../bench/gen/padnext-generator';
import { billingFileWorkflowId } from '../../contracts/workflow-ids';
import { readSubmissionContent } from '../../persistence/intake/submission-content';
import type { ClientSeed } from '../../persistence/seed';
import { useHarness } from '../support/harness';
import { zipArchive } from '../support/zip-archive';

/**
 * A PADneXt delivery (billing file and order file) in one upload through the REST API: as two
 * multipart parts or a ZIP; checked against each other at intake, the order file kept beside the
 * billing file.
 */

jest.setTimeout(120_000);

const h = useHarness();

type Result = { accepted: number; rejected: number; duplicates: number; started: number };

async function finished(submissionId: string): Promise<Result> {
  return (await h.temporal.workflow.getHandle(billingFileWorkflowId(submissionId)).result()) as Result;
}

describe('billing file and order file in one upload', () => {
  let client: ClientSeed;
  beforeAll(async () => {
    client = await h.client('INKASSO', { paymentTerm: '1 hour' });
  });
  const url = () => `/api/clients/${client.id}/billing-files`;

  test('multipart: a decrypted billing file whose order records PKCS#7 is accepted, the receipt says so, the same delivery again is recognised', async () => {
    const g = generatePadnext({ cases: 5, seed: 61, clientId: client.id });
    const auf = g.auf.replace('verfahren="0" idcert="keine"', 'verfahren="1" idcert="PVS-Zertifikat-7"');
    const send = () => h.api().post(url()).attach('lieferung', Buffer.from(g.padx), g.padxName).attach('auftrag', Buffer.from(auf), g.aufName);
    const res = await send();
    expect(res.status).toBe(202);
    const id = res.body.submissionId as string;
    const result = await finished(id);
    expect(result.accepted).toBe(g.cases.filter((c) => c.consent).length);
    expect(result.started).toBe(result.accepted);

    const receipt = (await h.api().get(`/api/billing-files/${id}`)).body;
    expect(receipt).toMatchObject({ fileName: g.padxName, orderFileName: g.aufName, format: 'padnext', status: 'PROCESSED' });
    expect(receipt.fileErrors).toEqual([{ file: g.padxName, record: 0, field: 'order.verschluesselung', reason: expect.stringContaining('records PKCS#7 encryption (verfahren="1"); the billing file arrived decrypted') }]);
    const stored = await readSubmissionContent(h.db, id);
    expect(stored.content.equals(Buffer.from(g.padx))).toBe(true);
    expect(stored.orderContent?.toString('utf8')).toBe(auf);

    const again = await send();
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ submissionId: id, duplicate: true });
  });

  test('ZIP: a billing file cut short is rejected whole naming the order file’s fields and both values; both files are kept', async () => {
    const g = generatePadnext({ cases: 3, seed: 62, clientId: client.id });
    const full = Buffer.from(g.padx);
    const cut = full.subarray(0, full.length - 300);
    const zip = zipArchive([{ name: `export/${g.padxName}`, content: cut }, { name: `export/${g.aufName}`, content: Buffer.from(g.auf) }]);
    const res = await h.api().post(url()).query({ fileName: 'lieferung.zip' }).set('Content-Type', 'application/zip').send(zip);
    expect(res.status).toBe(202);
    expect(await finished(res.body.submissionId)).toEqual({ accepted: 0, rejected: 0, duplicates: 0, started: 0 });
    const receipt = (await h.api().get(`/api/billing-files/${res.body.submissionId}`)).body;
    expect(receipt).toMatchObject({ fileName: g.padxName, orderFileName: g.aufName, status: 'REJECTED', records: [] });
    expect(receipt.fileErrors).toEqual([
      { file: g.padxName, record: 0, field: 'order.datei.dateilaenge.laenge', reason: `order file ${g.aufName}: states laenge="${full.length}" bytes, the billing file has ${cut.length} bytes: transfer incomplete or altered` },
      {
        file: g.padxName,
        record: 0,
        field: 'order.datei.dateilaenge.pruefsumme',
        reason: `order file ${g.aufName}: states SHA-1 pruefsumme="${createHash('sha1').update(full).digest('hex')}", the billing file's SHA-1 is ${createHash('sha1').update(cut).digest('hex')}: transfer incomplete or altered`,
      },
    ]);
    expect((await readSubmissionContent(h.db, res.body.submissionId)).content.equals(cut)).toBe(true);
    expect(await h.db.claim.count({ where: { submissionId: res.body.submissionId } })).toBe(0);
  });

  test('ZIP: the intact delivery is accepted; files that are not one delivery answer 422 naming them', async () => {
    // A client of its own: the generator's invoice ids repeat across seeds (they would be duplicates).
    client = await h.client('INKASSO', { paymentTerm: '1 hour' });
    const g = generatePadnext({ cases: 2, seed: 63, clientId: client.id });
    const zip = zipArchive([{ name: g.aufName, content: Buffer.from(g.auf) }, { name: g.padxName, content: Buffer.from(g.padx) }]);
    const res = await h.api().post(url()).query({ fileName: 'lieferung.zip' }).set('Content-Type', 'application/zip').send(zip);
    expect(res.status).toBe(202);
    expect((await finished(res.body.submissionId)).accepted).toBe(g.cases.filter((c) => c.consent).length);

    const two = zipArchive([{ name: 'a_padx.xml', content: Buffer.from(g.padx) }, { name: 'b_padx.xml', content: Buffer.from(g.padx) }]);
    const refused = await h.api().post(url()).query({ fileName: 'zwei.zip' }).set('Content-Type', 'application/zip').send(two);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'not_a_delivery', message: 'ZIP zwei.zip: holds 2 billing files (a_padx.xml, b_padx.xml): a delivery is one billing file with at most one order file (*_auf.xml)' });

    const orderOnly = await h.api().post(url()).attach('auftrag', Buffer.from(g.auf), g.aufName);
    expect(orderOnly.status).toBe(422);
    expect(orderOnly.body.error.message).toBe(`${g.aufName}: holds only the order file ${g.aufName} and no billing file: a delivery is one billing file with at most one order file (*_auf.xml)`);
  });
});
