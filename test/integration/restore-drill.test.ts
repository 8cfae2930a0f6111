import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { useHarness } from '../support/harness';
import { freshDatabase } from '../support/fresh-database';
import { accountBalances } from '../support/ledger-checks';
import { randomIban, ref, statement, upload, waitingClaims, workflowResult } from '../fixtures/bank-import/bank-test-kit';
import { claimWorkflowId } from '../../contracts/workflow-ids';
import { claimStateQuery } from '../../contracts/claims/claim-messages';
import { claimWorkflowStatus } from '../../contracts/client/claim-handle';
import { createDb } from '../../infra/db/prisma';
import { DatabaseDocumentStore } from '../../infra/dms/database-store';
import { keyringOf } from '../../infra/dms/content-cipher';
import type { DocumentServicesConfig } from '../../infra/dms/document-services';
import { sha256Hex } from '../../domain/sha256';
import { backupToFile } from '../../services/operations/backup-service';
import { restoreArchive } from '../../services/operations/restore-service';
import { reconcileClaims } from '../../services/operations/reconcile-claims';

jest.setTimeout(300_000);

const h = useHarness();

const keyFile = (dir: string) => {
  const file = path.join(dir, 'backup.key');
  fs.writeFileSync(file, randomBytes(32).toString('base64'));
  return file;
};

test('restore drill: claims, bank payments, letters and documents → backup → fresh database → restore: rows, ledger and documents identical; refusals; reconcile restarts the claims', async () => {
  // Data across the areas: claims with their invoices (documents, deliveries, audit), a bank statement paying one in full and one in half.
  const [paid, half, open] = await waitingClaims(h, 3, { paymentTerm: '1 day' });
  const res = await upload(h, statement([
    { amountCents: paid.totalCents, ref: ref(), name: paid.payer, iban: randomIban(), remittance: `Rechnung ${paid.id}` },
    { amountCents: Math.floor(half.totalCents / 2), ref: ref(), name: half.payer, iban: randomIban(), remittance: `Teilzahlung ${half.id}` },
  ]));
  expect(res.body).toMatchObject({ lines: 2, matched: 2 });
  expect(await workflowResult(h, paid.id)).toBe('PAID');
  const ids = [paid.id, half.id, open.id];
  const clientIds = [...new Set((await h.db.claim.findMany({ where: { id: { in: ids } } })).map((c) => c.clientId))];
  await h.stopWorker();

  const keys = fs.mkdtempSync(path.join(os.tmpdir(), 'cf-keys-'));
  const archives = fs.mkdtempSync(path.join(os.tmpdir(), 'cf-archives-'));
  const key = keyFile(keys);
  const archive = path.join(archives, 'drill.cfbackup');
  const lines: string[] = [];
  const written = await backupToFile({ databaseUrl: process.env.DATABASE_URL!, externalDocuments: false, keyFile: key }, archive, (l) => lines.push(l));
  expect(lines[0]).toMatch(/^backing up \d+ tables, \d+ rows$/);
  expect(lines.at(-1)).toMatch(/^backup written: \d+ rows, [\d.]+ MB$/);
  expect(fs.readFileSync(archive).subarray(0, 8).toString()).toBe('CFBACKUP');
  expect(fs.existsSync(`${archive}.partial`)).toBe(false);

  const target = await freshDatabase();
  const restored = await restoreArchive(archive, { databaseUrl: target, force: false, keyFile: key }, () => undefined);
  expect(restored.tables).toEqual(written.tables);
  const copy = createDb(target, 2);
  try {
    // Row counts per table, as the snapshot held them.
    for (const [table, n] of Object.entries(written.tables)) {
      const pg = new PgClient({ connectionString: target });
      await pg.connect();
      expect([table, Number((await pg.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n)]).toEqual([table, n]);
      await pg.end();
    }
    // The ledger: every account of these claims to the cent, and the whole ledger still sums to zero.
    expect(await accountBalances(copy, ids)).toEqual(await accountBalances(h.db, ids));
    expect((await copy.ledgerPosting.aggregate({ _sum: { amountCents: true } }))._sum.amountCents).toBe(0);
    // Documents: the same rows, and each content opens to bytes of its sha256.
    const docs = async (db: typeof copy) => (await db.document.findMany({ where: { claimId: { in: ids } }, orderBy: { id: 'asc' } })).map((d) => ({ id: d.id, kind: d.kind, ref: d.sha256 }));
    const documents = await docs(h.db);
    expect(documents.length).toBeGreaterThanOrEqual(3);
    expect(await docs(copy)).toEqual(documents);
    const store = new DatabaseDocumentStore(copy, keyringOf((JSON.parse(process.env.CF_TEST_DOCUMENTS!) as DocumentServicesConfig).encryptionKeys!.split(',')));
    for (const d of documents) expect(sha256Hex(await store.get(d.ref))).toBe(d.ref);
    // Sequences go on where they stood: the next invoice number is not one given before.
    const next = async (url: string) => {
      const pg = new PgClient({ connectionString: url });
      await pg.connect();
      const v = (await pg.query(`SELECT last_value::text AS v FROM invoice_number_seq`)).rows[0].v as string;
      await pg.end();
      return v;
    };
    expect(await next(target)).toBe(await next(process.env.DATABASE_URL!));

    // Refusals: a wrong key, a damaged archive (one flipped byte), a database that holds data.
    const wrongKey = keyFile(fs.mkdtempSync(path.join(os.tmpdir(), 'cf-keys-')));
    await expect(restoreArchive(archive, { databaseUrl: await freshDatabase(), force: false, keyFile: wrongKey }, () => undefined)).rejects.toThrow('the backup key does not open this archive: wrong key');
    const damaged = path.join(archives, 'damaged.cfbackup');
    const bytes = fs.readFileSync(archive);
    bytes[Math.floor(bytes.length / 2)] ^= 0x10;
    fs.writeFileSync(damaged, bytes);
    await expect(restoreArchive(damaged, { databaseUrl: await freshDatabase(), force: false, keyFile: key }, () => undefined)).rejects.toThrow(/^the archive is damaged: chunk \d+ \(bytes \d+–\d+\) fails its authentication$/);
    await expect(restoreArchive(archive, { databaseUrl: target, force: false, keyFile: key }, () => undefined)).rejects.toThrow(/^the database holds data \(tables .+\): restore only into an empty database, or pass --force to replace it$/);
    // A key beside the archives is refused.
    await expect(backupToFile({ databaseUrl: target, externalDocuments: false, keyFile: path.join(archives, 'k') }, path.join(archives, 'x.cfbackup'), () => undefined)).rejects.toThrow('lies in the archive folder');
    // --force replaces the database.
    const again = await restoreArchive(archive, { databaseUrl: target, force: true, keyFile: key }, () => undefined);
    expect(again.tables).toEqual(written.tables);

    // Lost Temporal history: the open claims' workflows are gone; reconcile starts them again from the restored database.
    for (const id of [half.id, open.id]) await h.temporal.workflow.getHandle(claimWorkflowId(id)).terminate('restore drill');
    const openClaims = await copy.claim.count({ where: { clientId: { in: clientIds }, stage: { not: 'CLOSED' } } });
    const reconciled = await reconcileClaims(copy, h.temporal, h.services.deps.queues, { clientIds });
    expect(reconciled).toEqual({ open: openClaims, running: openClaims - 2, restarted: [half.id, open.id].sort(), completedInTemporal: [] });
    await h.startWorker();
    for (const c of [half, open]) {
      const state = await h.eventually(`${c.id} answers`, async () => (await h.temporal.workflow.getHandle(claimWorkflowId(c.id)).query(claimStateQuery).catch(() => undefined)));
      expect(state).toMatchObject({ stage: 'WAITING', clientId: clientIds[0], dunningLevel: 0, openCents: c.id === half.id ? half.totalCents - Math.floor(half.totalCents / 2) : open.totalCents });
      expect(await claimWorkflowStatus(h.temporal, c.id)).toBe('RUNNING');
    }
    expect(await reconcileClaims(copy, h.temporal, h.services.deps.queues, { clientIds })).toEqual({ open: openClaims, running: openClaims, restarted: [], completedInTemporal: [] });
  } finally {
    await copy.$disconnect();
  }
});
