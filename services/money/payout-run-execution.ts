import path from 'node:path';
import type { Db } from '../../infra/db/prisma';
import { bankSftpTarget } from '../../infra/bank-sftp';
import { type SftpTarget, uploadOnce } from '../../infra/sftp';
import * as entries from '../../domain/ledger/entries';
import { sepaCreditTransferXml } from '../../domain/money/sepa-credit-transfer';
import { sepaMessageId } from '../../domain/money/sepa-ids';
import { sha256Hex } from '../../domain/sha256';
import { audit } from '../../persistence/audit';
import { bookNew, unbookedKeys } from '../../persistence/ledger';
import { findRun, lockRunPreparation, moveRun, paidLevies, paidLinesWithPayables, sepaFile, storeSepaFile } from '../../persistence/money/payout-run-store';
import { loadSystemPolicy } from '../../persistence/policy';
import type { PayoutRunResult } from '../../contracts/money/payout-run-result';
import type { Centre } from '../../domain/documents/document-request';
import { clientRecipient } from '../../domain/documents/recipients';
import { renderDocument } from '../../documents/render-document';
import { clientOrThrow } from '../../persistence/documents/clients';
import { loadRunInvoice, loadRunLinePayoutJournal } from '../../persistence/documents/journal-data';
import { issueRunInvoices } from '../../persistence/money/run-invoices';
import type { DocumentsService } from '../documents/documents-service';

/** The transfer's remittance text per recipient kind, before the run number and the recipient's name. */
const REMITTANCE = { CLIENT: 'Auszahlung', LEVY_RECIPIENT: 'Abgaben' } as const;

/** The actor of the execution's own steps; the person who asked for it is audited at the start. */
const ACTOR = 'payout-run';

/**
 * The steps of an approved run's execution (`payoutRunWorkflow`), each idempotent so that a run
 * interrupted anywhere resumes and pays nobody twice: the SEPA file is built once and stored, each
 * line is booked once under its key, the file is uploaded once under its name.
 */
export function payoutRunExecution(db: Db, fallbackSftp: SftpTarget, documents: Pick<DocumentsService, 'deliver'>, centre: Centre & { email: string }) {
  async function executingRun(runId: string) {
    const run = await findRun(db, runId);
    if (!run) throw new Error(`payout run ${runId} does not exist`);
    if (run.status !== 'EXECUTING' && run.status !== 'EXECUTED') throw new Error(`payout run ${run.number} is ${run.status}, not being executed`);
    return run;
  }

  return {
    /** Builds and stores the run's pain.001 file, unless it was stored before; returns its message id and digest. */
    async writeSepaFile(runId: string): Promise<{ msgId: string; sha256: string }> {
      const run = await executingRun(runId);
      if (run.sepaMsgId && run.sepaSha256) return { msgId: run.sepaMsgId, sha256: run.sepaSha256 };
      const { debtor } = (await loadSystemPolicy(db)).payout;
      const msgId = sepaMessageId(run.number);
      const xml = sepaCreditTransferXml({
        messageId: msgId,
        createdAt: new Date(),
        executionDate: run.executionDate.toISOString().slice(0, 10),
        debtor,
        transfers: run.lines
          .filter((l) => l.heldBackReason === null)
          .map((l) => ({ endToEndId: l.endToEndId, amountCents: l.amountCents, creditorName: l.holder!, iban: l.iban!, bic: l.bic, remittance: `${REMITTANCE[l.recipientKind]} ${run.number} ${l.recipientName}` })),
      });
      const content = Buffer.from(xml, 'utf8');
      const file = { msgId, content, sha256: sha256Hex(content) };
      if (await storeSepaFile(db, runId, file)) await audit(db, ACTOR, 'sepa-file', 'payout-run', runId, { msgId, sha256: file.sha256, bytes: content.length });
      const stored = await executingRun(runId);
      return { msgId: stored.sepaMsgId!, sha256: stored.sepaSha256! };
    },

    /**
     * Numbers the run's client invoices and books each paid line's transfer once: a client line's
     * released payables out through the bank, less the VAT of its invoice (one entry per line); a
     * levy recipient line's levies off levy_payable (one entry per claim levy,
     * `levy-paid:<claimLevyId>:<runId>`). Returns how many entries were booked now.
     */
    async bookTransfers(runId: string): Promise<number> {
      await executingRun(runId);
      return db.$transaction(async (tx) => {
        // The run's invoices are numbered with its transfers, under the lock that keeps the series gapless.
        await lockRunPreparation(tx);
        await issueRunInvoices(tx, runId, new Date());
        const lines = (await paidLinesWithPayables(tx, runId)).map((line) => ({
          idempotencyKey: `payout-run-line:${line.id}`,
          kind: 'payout',
          description: `payout run transfer ${line.endToEndId} to ${line.recipientName}`,
          clientId: line.recipientId,
          postings: entries.payoutTransfer(line.items.map((i) => ({ claimId: i.payout.claimId, amountCents: i.amountCents })), line.invoice?.vatCents ?? 0),
        }));
        const levies = (await paidLevies(tx, runId)).map((l) => ({
          idempotencyKey: `levy-paid:${l.claimLevyId}:${runId}`,
          kind: 'levy_paid',
          description: `payout run transfer ${l.endToEndId} to ${l.recipientName}: levy on ${l.claimId}`,
          claimId: l.claimId,
          clientId: l.clientId,
          postings: entries.levyPaid(l.amountCents, l.clientId),
        }));
        // All in two statements (bookNew): a run pays thousands of lines and a levy per claim.
        const all = [...lines, ...levies];
        const fresh = await unbookedKeys(tx, all.map((e) => e.idempotencyKey));
        await bookNew(tx, all.filter((e) => fresh.has(e.idempotencyKey)));
        return fresh.size;
      }, { timeout: 300_000 });
    },

    /** Uploads the file to the bank's SFTP folder the policy names, once; returns where it is (null: no upload configured). */
    async uploadSepaFile(runId: string): Promise<string | null> {
      const run = await executingRun(runId);
      const { sftpFolder } = (await loadSystemPolicy(db)).payout;
      if (!sftpFolder) return null;
      if (run.sepaUploadedTo) return run.sepaUploadedTo;
      const content = await sepaFile(db, runId);
      if (!content || !run.sepaMsgId) throw new Error(`payout run ${run.number} has no SEPA file to upload yet`);
      const relPath = path.posix.join(sftpFolder, `${run.sepaMsgId}.xml`);
      const uploadedNow = await uploadOnce(bankSftpTarget(fallbackSftp), relPath, content);
      await db.payoutRun.update({ where: { id: runId }, data: { sepaUploadedTo: relPath } });
      await audit(db, ACTOR, 'sepa-upload', 'payout-run', runId, { to: relPath, uploadedNow });
      return relPath;
    },

    /**
     * Sends each paid client its payout journal of the line (Auszahlungsjournal) and, for an Inkasso
     * client, the run's invoice over its fees, each once; returns how many were sent now.
     */
    async sendJournals(runId: string): Promise<number> {
      await executingRun(runId);
      let sent = 0;
      for (const line of await paidLinesWithPayables(db, runId)) {
        const client = await clientOrThrow(db, line.recipientId);
        const journal = await loadRunLinePayoutJournal(db, line.id, centre);
        const outcome = await documents.deliver({ idempotencyKey: `payout-journal:${line.id}`, kind: 'PAYOUT_JOURNAL', clientId: client.id, recipient: clientRecipient(client), from: centre.email, render: () => renderDocument(journal) });
        if (outcome !== 'ALREADY_DONE') sent++;
        if (!line.invoice) continue;
        const invoice = await loadRunInvoice(db, line.invoice.id, centre);
        const invoiced = await documents.deliver({ idempotencyKey: `payout-run-invoice:${line.invoice.id}`, kind: 'CLIENT_INVOICE', clientId: client.id, recipient: clientRecipient(client), from: centre.email, render: () => renderDocument(invoice) });
        if (invoiced !== 'ALREADY_DONE') sent++;
      }
      return sent;
    },

    /** Marks the run executed (once) and answers what it paid. */
    async finish(runId: string): Promise<PayoutRunResult> {
      const run = await executingRun(runId);
      if (await moveRun(db, runId, ['EXECUTING'], 'EXECUTED', { executedAt: new Date() })) await audit(db, ACTOR, 'executed', 'payout-run', runId, { number: run.number, totalCents: run.totalCents });
      return { runId, number: run.number, lineCount: run.lineCount, totalCents: run.totalCents, sepaMsgId: run.sepaMsgId!, uploadedTo: run.sepaUploadedTo };
    },
  };
}
