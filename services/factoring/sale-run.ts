import type { Db } from '../../infra/db/prisma';
import type { SftpTarget } from '../../infra/sftp';
import { uploadOnce } from '../../infra/sftp';
import type { FactorSaleResult } from '../../contracts/factoring/factor-run';
import { DEFAULT_CURRENCY } from '../../domain/accounting/currency';
import { saleFile, saleFileName } from '../../domain/factoring/sale-file';
import * as entries from '../../domain/ledger/entries';
import { audit } from '../../persistence/audit';
import { completeRun, factorRun, insertRun, markUploaded } from '../../persistence/factoring/factor-runs';
import { insertSales, saleCandidates } from '../../persistence/factoring/factor-sales';
import { factorById } from '../../persistence/factoring/factors';
import { book } from '../../persistence/ledger';
import { loadPolicy } from '../../persistence/policy';

export const FACTORING_ACTOR = 'refinancing-factor';

/** A run's id from its key and factor: letters, digits and dashes, so it can name a file. */
export const factorRunId = (runKey: string, factorId: string) => `${runKey}-${factorId}`.replace(/[^A-Za-z0-9-]+/g, '-');

/**
 * Sells to one factor in one transaction: the purchased claims their clients' refinancing policy names, each
 * once (unique claim: a claim another run sold is skipped), each sale booked from the receivables
 * to the factor clearing account, and the run's file written. The same run again returns what the
 * first wrote; a run that found nothing to sell leaves no row.
 */
export async function prepareSaleRun(db: Db, runKey: string, factorId: string, now: Date): Promise<FactorSaleResult> {
  const runId = factorRunId(runKey, factorId);
  const fileName = saleFileName(runId);
  const done = await factorRun(db, runId);
  if (done) return { factorId, runId, fileName, claims: done.claimCount, openCents: done.openCents, uploaded: done.uploadedAt !== null };
  if (!(await factorById(db, factorId))) throw new Error(`factor ${factorId} does not exist`);
  return db.$transaction(
    async (tx) => {
      const candidates = await saleCandidates(tx, async (clientId) => (await loadPolicy(tx, clientId)).refinancing, now);
      if (candidates.length === 0) return { factorId, runId, fileName, claims: 0, openCents: 0, uploaded: false };
      await insertRun(tx, { id: runId, factorId, fileName });
      const won = await insertSales(tx, runId, factorId, candidates);
      const sold = candidates.filter((c) => won.has(c.claimId));
      for (const c of sold) {
        await book(tx, { idempotencyKey: `factor-sale:${won.get(c.claimId)}:sold`, kind: 'factor_sale', description: `${c.claimId} sold to factor ${factorId} (run ${runId})`, claimId: c.claimId, clientId: c.clientId, postings: entries.factorSale(c.openCents) });
      }
      const openCents = sold.reduce((s, c) => s + c.openCents, 0);
      const content = saleFile(sold.map((c) => ({ invoiceNumber: c.claimId, debtor: c.debtor, dueDate: c.dueDate.toISOString().slice(0, 10), openCents: c.openCents, purchasePriceCents: c.purchasePriceCents, currency: DEFAULT_CURRENCY })));
      await completeRun(tx, runId, content, sold.length, openCents);
      await audit(tx, FACTORING_ACTOR, 'sell', 'factor-run', runId, { factorId, fileName, claims: sold.length, openCents });
      return { factorId, runId, fileName, claims: sold.length, openCents, uploaded: false };
    },
    { timeout: 120_000 },
  );
}

/** Puts the run's file into the factor's inbox once (a retry after the upload finds it there). */
export async function uploadSaleRun(db: Db, sftp: SftpTarget, runId: string): Promise<boolean> {
  const run = await factorRun(db, runId);
  if (!run) throw new Error(`factor run ${runId} does not exist`);
  const factor = await factorById(db, run.factorId);
  const uploaded = await uploadOnce(sftp, `${factor!.inboxFolder.replace(/^\/+/, '')}/${run.fileName}`, Buffer.from(run.content));
  await markUploaded(db, runId);
  if (uploaded) await audit(db, FACTORING_ACTOR, 'upload', 'factor-run', runId, { to: `${factor!.inboxFolder}/${run.fileName}` });
  return uploaded;
}
