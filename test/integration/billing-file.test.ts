import { generateCsv, generatePadnext } from '../../bench/gen/padnext-generator';
import { unitFeeCents, type SynthCase } from '../../bench/gen/synthetic-cases';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { formatEuro } from '../../domain/format';
import { WorkflowNotFoundError } from '@temporalio/client';
import { useHarness } from '../support/harness';
import { ingestSubmission, type PersistedChunk } from '../../services/intake/ingest-submission';
import { writeSubmissionContent } from '../../persistence/intake/submission-content';
import type { ClientSeed } from '../../persistence/seed';
import { billingFileWorkflowId, claimWorkflowId } from '../../contracts/workflow-ids';
import { executeBillingFileWorkflow } from '../../contracts/client/workflow-starts';

/**
 * Billing files through the REST API: every record of a file is answered (accepted with a claim,
 * rejected with file/record/field/reason, or a duplicate of an earlier claim), an identical file is
 * recognised, an unreadable file is rejected as a whole, and the client gets its receipt by email.
 */

jest.setTimeout(120_000);

const h = useHarness();

type ReceiptRecord = { recordNo: number; externalId: string | null; outcome: string; claimId: string | null; errors: Array<Record<string, unknown>> };
type BillingFileResult = { accepted: number; rejected: number; duplicates: number; started: number };

const INVOICE_NUMBER = /^RE\d{10}$/;

/** Uploads a file and waits for its billing-file workflow; returns the submission id and the workflow result. */
async function upload(clientId: string, fileName: string, content: string | Buffer, contentType: string): Promise<{ submissionId: string; result: BillingFileResult }> {
  const res = await h.api().post(`/api/clients/${clientId}/billing-files`).query({ fileName }).set('Content-Type', contentType).send(content);
  expect(res.status).toBe(202);
  expect(res.body).toEqual({ submissionId: expect.any(String), duplicate: false, receipt: `/api/billing-files/${res.body.submissionId}` });
  const result = (await h.temporal.workflow.getHandle(billingFileWorkflowId(res.body.submissionId)).result()) as BillingFileResult;
  return { submissionId: res.body.submissionId, result };
}

async function receipt(submissionId: string) {
  const res = await h.api().get(`/api/billing-files/${submissionId}`);
  expect(res.status).toBe(200);
  return res.body as {
    id: string;
    clientId: string;
    fileName: string;
    format: string;
    status: string;
    accepted: number;
    rejected: number;
    duplicates: number;
    fileErrors: Array<Record<string, unknown>>;
    records: ReceiptRecord[];
  };
}

/** 1-based number of the line the generators break: the last fee line of the case. */
const brokenLineNo = (c: SynthCase) => c.lines.reduce((last, l, i) => (l.kind === 'fee' ? i + 1 : last), 1);

/** What the receipt must say about one generated PADneXt case: null = accepted. */
function expectedPadnextError(file: string, recordNo: number, c: SynthCase) {
  const n = brokenLineNo(c);
  switch (c.broken) {
    case 'missing-patient-name':
      return { file, record: recordNo, field: 'patient.lastName', reason: expect.stringContaining('<name> is missing') };
    case 'invalid-date': {
      const bad = `${c.lines[n - 1].date.slice(0, 5)}02-30`;
      return { file, record: recordNo, field: `lines[${n}].date`, reason: expect.stringContaining(`'${bad}' is not a valid calendar date`) };
    }
    case 'bad-factor':
      return { file, record: recordNo, field: `lines[${n}].factor`, reason: expect.stringContaining(`'abc' is not a decimal factor`) };
    default:
      return c.consent ? null : { file, record: recordNo, field: 'consent', reason: 'no patient consent: the claim goes back to the client, it is not billed' };
  }
}

/** Total of an ambulatory case as the GOÄ prices it (no § 6a reduction). */
function ambulatoryTotalCents(c: SynthCase): number {
  return c.lines.reduce((s, l) => s + (l.kind === 'fee' ? unitFeeCents(l.points, l.factor) * l.count : l.amountCents * l.count), 0);
}

/** Decoded text/plain part of a raw message (quoted-printable or base64). */
function mailText(raw: string): string {
  const m = /Content-Type: text\/plain[^]*?\r?\n\r?\n([^]*?)\r?\n--/i.exec(raw);
  if (!m) return raw;
  const headers = raw.slice(0, m.index + m[0].length - m[1].length);
  const body = m[1];
  if (/Content-Transfer-Encoding: base64/i.test(headers.slice(headers.lastIndexOf('Content-Type: text/plain')))) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, hex: string) => `%${hex}`);
  try {
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
  } catch {
    return bytes;
  }
}

/** The total of a file's claims as the receipt prints it. */
async function acceptedSum(submissionId: string): Promise<string> {
  return formatEuro((await h.db.claim.aggregate({ where: { submissionId }, _sum: { totalCents: true } }))._sum.totalCents ?? 0);
}

async function receiptMail(client: ClientSeed, fileName: string): Promise<string> {
  const mail = await h.eventually(`receipt mail for ${fileName}`, async () => h.mails().find((m) => m.subject === `Eingangsbestätigung ${fileName}` && m.to.includes(client.email)));
  return mailText(mail.raw);
}

describe('PADneXt file with broken records, sent again, and a file repeating cases', () => {
  let client: ClientSeed;
  const first = () => generatePadnext({ cases: 20, seed: 7, clientId: client.id, brokenEvery: 4 });
  let firstSubmission: string;
  /** externalId → claim id of the first file's accepted records. */
  const acceptedClaims = new Map<string, string>();

  beforeAll(async () => {
    client = await h.client('INKASSO', { paymentTerm: '1 hour' });
  });

  test('every good record is accepted with a claim, every broken one rejected naming file, record, field and reason', async () => {
    const file = first();
    const expected = file.cases.map((c, i) => expectedPadnextError(file.padxName, i + 1, c));
    const good = expected.filter((e) => e === null).length;
    // The file exercises all three breakages plus a case without consent.
    expect(file.cases.filter((c) => c.broken).map((c) => c.broken)).toEqual(['missing-patient-name', 'invalid-date', 'bad-factor', 'missing-patient-name', 'invalid-date']);
    expect(file.cases.filter((c) => !c.broken && !c.consent)).toHaveLength(1);
    expect(good).toBe(14);

    const { submissionId, result } = await upload(client.id, file.padxName, file.padx, 'application/xml');
    firstSubmission = submissionId;
    expect(result).toEqual({ accepted: 14, rejected: 6, duplicates: 0, started: 14 });

    const r = await receipt(submissionId);
    expect(r).toMatchObject({ id: submissionId, clientId: client.id, fileName: file.padxName, format: 'padnext', status: 'PROCESSED', accepted: 14, rejected: 6, duplicates: 0, fileErrors: [] });
    expect(r.records.map((x) => x.recordNo)).toEqual(file.cases.map((_, i) => i + 1));
    r.records.forEach((rec, i) => {
      const c = file.cases[i];
      const err = expected[i];
      expect(rec.externalId).toBe(c.invoiceId);
      if (err === null) {
        expect({ recordNo: rec.recordNo, outcome: rec.outcome, errors: rec.errors }).toEqual({ recordNo: i + 1, outcome: 'ACCEPTED', errors: [] });
        expect(rec.claimId).toMatch(INVOICE_NUMBER);
        acceptedClaims.set(c.invoiceId, rec.claimId!);
      } else {
        expect({ recordNo: rec.recordNo, outcome: rec.outcome, claimId: rec.claimId, errors: rec.errors }).toEqual({ recordNo: i + 1, outcome: 'REJECTED', claimId: null, errors: [err] });
      }
    });
    expect(new Set(acceptedClaims.values()).size).toBe(14);

    // The accepted claims exist with their lines; the lines add up to the total.
    const claims = await h.db.claim.findMany({ where: { submissionId }, include: { lines: { orderBy: { lineNo: 'asc' } }, patient: true } });
    expect(claims.map((c) => [c.externalId, c.id]).sort()).toEqual([...acceptedClaims.entries()].sort());
    for (const claim of claims) {
      const c = file.cases.find((x) => x.invoiceId === claim.externalId)!;
      expect(claim.clientId).toBe(client.id);
      expect(claim.patient.lastName).toBe(c.patient.lastName);
      expect([claim.treatmentFrom, claim.treatmentTo]).toEqual([c.from, c.to]);
      expect(claim.lines.map((l) => [l.lineNo, l.kind, l.count])).toEqual(c.lines.map((l, n) => [n + 1, l.kind, l.count]));
      expect(claim.lines.reduce((s, l) => s + l.amountCents, 0)).toBe(claim.totalCents);
      expect(claim.totalCents).toBeGreaterThan(0);
      if (!c.inpatient) expect(claim.totalCents).toBe(ambulatoryTotalCents(c));
    }

    // Rejected records keep what is needed for review: their errors, and the priced-out record itself.
    const stored = await h.db.submissionRecord.findMany({ where: { submissionId, outcome: 'REJECTED' }, orderBy: { recordNo: 'asc' } });
    expect(stored.map((s) => s.recordNo)).toEqual(expected.flatMap((e, i) => (e ? [i + 1] : [])));
    for (const s of stored) {
      expect(s.errors).toEqual([expected[s.recordNo - 1]]);
      expect(s.claimId).toBeNull();
    }
    const noConsent = stored.find((s) => (s.errors as Array<{ field: string }>)[0].field === 'consent')!;
    expect(noConsent.raw).toMatchObject({ recordNo: noConsent.recordNo, externalId: file.cases[noConsent.recordNo - 1].invoiceId, consent: false });

    // Every accepted claim has its workflow.
    for (const id of acceptedClaims.values()) {
      const d = await h.temporal.workflow.getHandle(claimWorkflowId(id)).describe();
      expect(d.type).toBe('claimWorkflow');
    }

    // The client's receipt names every record that was not taken, with its field.
    const text = await receiptMail(client, file.padxName);
    expect(text).toContain(`Ihre Abrechnungsdatei ${file.padxName} ist bei uns eingegangen.`);
    expect(text).toContain(`Übernommen: 14 (Summe ${await acceptedSum(firstSubmission)}), abgelehnt: 6, bereits eingereicht: 0.`);
    const named = [...text.matchAll(/Datensatz (\d+)/g)].map((m) => Number(m[1]));
    expect(named).toEqual(expected.flatMap((e, i) => (e ? [i + 1] : [])));
    expected.forEach((e, i) => {
      if (e) expect(text).toContain(`Datensatz ${i + 1} (Fall ${file.cases[i].invoiceId}): ${e.field}: `);
    });
  });

  test('the identical file sent again is recognised: 200, duplicate, same submission, nothing booked', async () => {
    const file = first();
    const claimsBefore = await h.db.claim.count({ where: { clientId: client.id } });
    const res = await h.api().post(`/api/clients/${client.id}/billing-files`).query({ fileName: 'renamed_padx.xml' }).set('Content-Type', 'application/xml').send(file.padx);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ submissionId: firstSubmission, duplicate: true, receipt: `/api/billing-files/${firstSubmission}` });
    expect(res.body.message).toContain(file.padxName);
    expect(await h.db.submission.count({ where: { clientId: client.id } })).toBe(1);
    expect(await h.db.claim.count({ where: { clientId: client.id } })).toBe(claimsBefore);
    expect(claimsBefore).toBe(14);
  });

  test('a different file repeating submitted cases: those are duplicates naming the earlier claim, the rest accepted', async () => {
    // Cases 15..24: 17, 18, 19 were accepted before; 15 (no consent), 16 and 20 (broken) were rejected,
    // so they are new cases now; 21..24 are new.
    const file = generatePadnext({ cases: 10, seed: 1234, clientId: client.id, firstCaseNo: 15 });
    expect(file.padxName).not.toBe(first().padxName);
    expect(file.cases.map((c) => c.invoiceId)).toEqual(Array.from({ length: 10 }, (_, i) => `${client.id}-2024-${String(15 + i).padStart(6, '0')}`));
    expect(file.cases.every((c) => c.consent)).toBe(true);
    const repeated = file.cases.filter((c) => acceptedClaims.has(c.invoiceId)).map((c) => c.invoiceId);
    expect(repeated).toEqual([17, 18, 19].map((n) => `${client.id}-2024-0000${n}`));

    const { submissionId, result } = await upload(client.id, file.padxName, file.padx, 'application/xml');
    expect(submissionId).not.toBe(firstSubmission);
    expect(result).toEqual({ accepted: 7, rejected: 0, duplicates: 3, started: 7 });

    const r = await receipt(submissionId);
    expect(r).toMatchObject({ status: 'PROCESSED', accepted: 7, rejected: 0, duplicates: 3, fileErrors: [] });
    r.records.forEach((rec, i) => {
      const c = file.cases[i];
      expect([rec.recordNo, rec.externalId]).toEqual([i + 1, c.invoiceId]);
      const earlier = acceptedClaims.get(c.invoiceId);
      if (earlier) {
        expect([rec.outcome, rec.claimId]).toEqual(['DUPLICATE', earlier]);
        expect(rec.errors).toHaveLength(1);
        expect(rec.errors[0]).toMatchObject({ field: 'externalId', reason: `case ${c.invoiceId} was already submitted as claim ${earlier}` });
      } else {
        expect([rec.outcome, rec.errors]).toEqual(['ACCEPTED', []]);
        expect(rec.claimId).toMatch(INVOICE_NUMBER);
        expect([...acceptedClaims.values()]).not.toContain(rec.claimId);
      }
    });

    // Only the new cases became claims; the earlier claims are untouched.
    const newClaims = await h.db.claim.findMany({ where: { submissionId }, orderBy: { externalId: 'asc' } });
    expect(newClaims.map((c) => c.externalId)).toEqual(file.cases.filter((c) => !acceptedClaims.has(c.invoiceId)).map((c) => c.invoiceId));
    expect(await h.db.claim.count({ where: { clientId: client.id } })).toBe(14 + 7);
    for (const [externalId, id] of acceptedClaims) {
      expect((await h.db.claim.findUniqueOrThrow({ where: { id } })).submissionId).toBe(firstSubmission);
      expect(await h.db.claim.count({ where: { clientId: client.id, externalId } })).toBe(1);
    }

    const text = await receiptMail(client, file.padxName);
    expect(text).toContain(`Übernommen: 7 (Summe ${await acceptedSum(submissionId)}), abgelehnt: 0, bereits eingereicht: 3.`);
    expect([...text.matchAll(/Datensatz (\d+)/g)].map((m) => Number(m[1]))).toEqual([3, 4, 5]);
  });
});

describe('CSV and unreadable files', () => {
  test('a CSV file is accepted the same way, its broken cases rejected with the spreadsheet row', async () => {
    const client = await h.client('INKASSO', { paymentTerm: '1 hour' });
    const { csv, cases } = generateCsv({ cases: 8, seed: 9, clientId: client.id, brokenEvery: 4 });
    const fileName = 'Abrechnung Januar.csv';
    expect(cases.map((c) => c.broken ?? (c.consent ? 'ok' : 'no-consent'))).toEqual(['ok', 'ok', 'ok', 'missing-patient-name', 'ok', 'ok', 'ok', 'invalid-date']);
    // Spreadsheet row of a case's first line: the header is row 1, one row per line.
    const firstRow = (k: number) => 2 + cases.slice(0, k).reduce((s, c) => s + c.lines.length, 0);

    const { submissionId, result } = await upload(client.id, fileName, csv, 'text/csv');
    expect(result).toEqual({ accepted: 6, rejected: 2, duplicates: 0, started: 6 });

    const r = await receipt(submissionId);
    expect(r).toMatchObject({ fileName, format: 'csv', status: 'PROCESSED', accepted: 6, rejected: 2, duplicates: 0, fileErrors: [] });
    const dateLine = brokenLineNo(cases[7]);
    expect(r.records.map((x) => ({ ...x, claimId: x.claimId && INVOICE_NUMBER.test(x.claimId) ? 'claim' : x.claimId }))).toEqual(
      cases.map((c, i) => {
        const base = { recordNo: i + 1, externalId: c.invoiceId };
        if (i === 3) return { ...base, outcome: 'REJECTED', claimId: null, errors: [{ file: fileName, record: 4, field: 'patient.lastName', reason: `row ${firstRow(3)}: patient_nachname is empty` }] };
        if (i === 7) {
          return {
            ...base,
            outcome: 'REJECTED',
            claimId: null,
            errors: [{ file: fileName, record: 8, field: `lines[${dateLine}].date`, reason: `row ${firstRow(7) + dateLine - 1}: datum '30.02.${c.lines[0].date.slice(0, 4)}' is not a valid calendar date` }],
          };
        }
        return { ...base, outcome: 'ACCEPTED', claimId: 'claim', errors: [] };
      }),
    );
    const claims = await h.db.claim.findMany({ where: { submissionId }, include: { lines: true } });
    expect(claims.map((c) => c.externalId).sort()).toEqual(cases.filter((c) => !c.broken).map((c) => c.invoiceId).sort());
    for (const claim of claims) {
      const c = cases.find((x) => x.invoiceId === claim.externalId)!;
      expect(claim.lines).toHaveLength(c.lines.length);
      expect(claim.lines.reduce((s, l) => s + l.amountCents, 0)).toBe(claim.totalCents);
      if (!c.inpatient) expect(claim.totalCents).toBe(ambulatoryTotalCents(c));
    }

    const text = await receiptMail(client, fileName);
    expect([...text.matchAll(/Datensatz (\d+)/g)].map((m) => Number(m[1]))).toEqual([4, 8]);
  });

  test('a file that is neither XML nor CSV is rejected as a whole, naming the file, and books nothing', async () => {
    const client = await h.client('INKASSO', { paymentTerm: '1 hour' });
    // Deterministic binary noise without '<' (would be read as XML), ';' or ',' (separators).
    let x = 12345;
    const noise = Buffer.from(
      Array.from({ length: 512 }, () => {
        x = (x * 1103515245 + 12345) & 0x7fffffff;
        return x >> 16;
      }).map((b) => ([0x3c, 0x3b, 0x2c].includes(b & 0xff) ? 0x41 : b & 0xff)),
    );
    const fileName = 'scan_0001.dat';
    const { submissionId, result } = await upload(client.id, fileName, noise, 'application/octet-stream');
    expect(result).toEqual({ accepted: 0, rejected: 0, duplicates: 0, started: 0 });
    const r = await receipt(submissionId);
    expect(r).toMatchObject({ fileName, status: 'REJECTED', accepted: 0, rejected: 0, duplicates: 0, records: [] });
    expect(r.fileErrors).toEqual([{ file: fileName, record: 0, field: 'header', reason: 'the first row must be a header of semicolon-separated column names' }]);

    // Announced as XML but not well-formed.
    const xmlName = 'kaputt_padx.xml';
    const xml = await upload(client.id, xmlName, '<?xml version="1.0"?><rechnungen><rechnung>', 'application/xml');
    expect(xml.result).toEqual({ accepted: 0, rejected: 0, duplicates: 0, started: 0 });
    const rx = await receipt(xml.submissionId);
    expect(rx).toMatchObject({ fileName: xmlName, status: 'REJECTED', records: [] });
    expect(rx.fileErrors).toEqual([{ file: xmlName, record: 0, field: 'xml', reason: expect.stringMatching(/^not well-formed XML/) }]);

    expect(await h.db.claim.count({ where: { clientId: client.id } })).toBe(0);
    expect(await h.db.submissionRecord.count({ where: { submissionId: { in: [submissionId, xml.submissionId] } } })).toBe(0);
    const text = await receiptMail(client, fileName);
    expect(text).toContain('Die Datei konnte nicht verarbeitet werden: header: the first row must be a header of semicolon-separated column names');
  });
});

describe('claims started while the file is persisted', () => {
  /** A submission stored the way the upload route stores it, without starting its workflow. */
  async function storedSubmission(clientId: string, cases: number, seed: number): Promise<string> {
    const file = generatePadnext({ cases, seed, clientId, brokenEvery: 3 });
    const id = randomUUID();
    await h.db.$transaction(async (tx) => {
      await tx.submission.create({ data: { id, clientId, fileName: file.padxName, format: 'padnext', sha256: id, content: new Uint8Array(0) }, select: { id: true } });
      await writeSubmissionContent(tx, id, Buffer.from(file.padx));
    });
    return id;
  }

  test('each committed chunk reports its claims, in order, so they can be started before the next chunk is written', async () => {
    const client = await h.client('INKASSO');
    const submissionId = await storedSubmission(client.id, 7, 31);
    const chunks: PersistedChunk[] = [];
    const counts = await ingestSubmission(h.db, submissionId, (c) => chunks.push(c), 3);
    expect(chunks.map((c) => c.recordsDone)).toEqual([3, 6, 7]);
    const reported = chunks.flatMap((c) => c.claims);
    const stored = await h.db.claim.findMany({ where: { submissionId }, orderBy: { id: 'asc' }, select: { id: true, clientId: true } });
    expect(reported).toEqual(stored);
    expect(reported).toHaveLength(counts.accepted);
    // Broken records (every third) are in the chunk counts but create no claim.
    expect(counts).toEqual({ accepted: 5, rejected: 2, duplicates: 0 });
  });

  test('claims an earlier attempt persisted but died before starting are started when the file is processed again', async () => {
    const client = await h.client('INKASSO', { paymentTerm: '1 hour' });
    const submissionId = await storedSubmission(client.id, 4, 47);
    // The earlier attempt got as far as persisting every record, then died: no claim runs yet.
    const counts = await ingestSubmission(h.db, submissionId);
    const claims = await h.db.claim.findMany({ where: { submissionId }, select: { id: true } });
    expect(claims.length).toBe(counts.accepted);
    expect(counts.accepted).toBeGreaterThan(0);
    for (const c of claims) await expect(h.temporal.workflow.getHandle(claimWorkflowId(c.id)).describe()).rejects.toThrow(WorkflowNotFoundError);

    const result = await executeBillingFileWorkflow(h.temporal, h.services.deps.queues, submissionId);
    expect(result).toEqual({ ...counts, started: counts.accepted });
    for (const c of claims) expect((await h.temporal.workflow.getHandle(claimWorkflowId(c.id)).describe()).status.name).toBe('RUNNING');
    // Nothing was persisted twice.
    expect(await h.db.claim.count({ where: { submissionId } })).toBe(counts.accepted);
  });
});

describe('what the receipt says about a file that was read', () => {
  test('stated amounts a cent off, an encoding the bytes contradict and the accepted total are on the receipt', async () => {
    const client = await h.client('INKASSO', { paymentTerm: '1 hour' });
    // The ISO-8859-15 fixture written as UTF-8 under its old declaration, with consent for case 2,
    // line 1 stated a cent off (30.61 for 30.60) and case 2's invoice total stated as computed.
    const xml = iconv
      .decode(readFileSync(path.resolve(__dirname, '../fixtures/intake/iso-8859-15_padx.xml')), 'iso-8859-15')
      .replace(/Einwilligung: nein[^<]*/, 'Einwilligung: ja')
      .replace('<pad:gesamtbetrag>30.60</pad:gesamtbetrag>', '<pad:gesamtbetrag>30.61</pad:gesamtbetrag>')
      .replace('<pad:rechnung id="R-2024-002"', '<pad:rechnung id="R-2024-002" aisendbetrag="46.26"');
    const fileName = 'stated_padx.xml';
    const { submissionId, result } = await upload(client.id, fileName, Buffer.from(xml, 'utf8'), 'application/xml');
    expect(result).toEqual({ accepted: 2, rejected: 0, duplicates: 0, started: 2 });

    const r = await receipt(submissionId);
    expect(r).toMatchObject({ status: 'PROCESSED', accepted: 2, fileErrors: [{ file: fileName, record: 0, field: 'encoding', reason: 'the file declares ISO-8859-15, but its bytes are UTF-8: read as UTF-8' }] });
    expect(r.records[0]).toMatchObject({ outcome: 'ACCEPTED', errors: [{ field: 'lines[1].amountCents', reason: expect.stringContaining('the file states 30,61 EUR, the GOÄ pricing gives 30,60 EUR') }] });
    expect(r.records[1]).toMatchObject({ outcome: 'ACCEPTED', errors: [] });
    const claims = await h.db.claim.findMany({ where: { submissionId }, orderBy: { externalId: 'asc' }, include: { patient: true } });
    expect(claims.map((c) => c.totalCents)).toEqual([3280, 4626]);
    expect(claims[0].patient.firstName).toBe('Jörg');

    const text = await receiptMail(client, fileName);
    expect(text).toContain('Übernommen: 2 (Summe 79,06');
    expect(text).toContain('Hinweis zur Datei: encoding: the file declares ISO-8859-15, but its bytes are UTF-8: read as UTF-8');
    expect(text).toContain('Datensatz 1 (Fall R-2024-001), übernommen mit Hinweis: lines[1].amountCents: line 1 (GOÄ 3)');
    expect(text).not.toContain('Datensatz 2');
  });

  test('a CSV trailer total that differs is stated on the receipt with both amounts', async () => {
    const client = await h.client('INKASSO', { paymentTerm: '1 hour' });
    const { csv, cases } = generateCsv({ cases: 3, seed: 5, clientId: client.id });
    const fileName = 'mit_summe.csv';
    const { submissionId, result } = await upload(client.id, fileName, `${csv}#summe;${cases.length};1,00\r\n`, 'text/csv');
    expect(result).toMatchObject({ accepted: cases.filter((c) => c.consent).length });
    const total = (await h.db.claim.aggregate({ where: { submissionId }, _sum: { totalCents: true } }))._sum.totalCents!;
    const r = await receipt(submissionId);
    expect(r.fileErrors).toEqual([{ file: fileName, record: 0, field: 'trailer', reason: expect.stringMatching(/^the trailer states a total of 1,00 EUR, the accepted cases come to \d+,\d\d EUR/) }]);
    expect(r.fileErrors[0].reason).toContain(`${Math.trunc(total / 100)},${String(total % 100).padStart(2, '0')} EUR`);
  });
});
