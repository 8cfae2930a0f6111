import type { ServiceDeps } from '../service-deps';
import type { DocumentsService } from '../documents/documents-service';
import { startPayoutRunWorkflow } from '../../contracts/client/workflow-starts';
import { doesNotExist, Refusal } from '../../domain/refusal';
import { findRun, listRuns, sepaFile } from '../../persistence/money/payout-run-store';
import { approveRun, beginExecution, cancelRun, prepareRun } from './payout-run-approval';
import { payoutRunExecution } from './payout-run-execution';
import { issuedRunInvoice } from '../../persistence/money/run-invoices';
import { loadRunInvoice } from '../../persistence/documents/journal-data';
import { renderDocument } from '../../documents/render-document';
import { payoutRunView, type PayoutRunView } from './payout-run-view';

/** The actor of the runs the Schedule prepares. */
const SCHEDULE_ACTOR = 'payout-schedule';

/**
 * Payout runs: prepare (the preview), approve (a second person), execute (`payoutRunWorkflow`:
 * SEPA file, postings, upload), cancel; the run, its lines and its file for staff.
 */
export function createPayoutRunService(deps: ServiceDeps, documents: Pick<DocumentsService, 'deliver'>) {
  const { db, temporal, queues } = deps;

  async function view(runId: string): Promise<PayoutRunView> {
    const run = await findRun(db, runId);
    if (!run) throw doesNotExist(`payout run ${runId}`);
    return payoutRunView(run);
  }

  return {
    /** On demand: a run of everything released up to now (of some clients, or all). */
    async prepare(input: { clientIds?: string[] }, actor: string): Promise<PayoutRunView> {
      const runId = await prepareRun(db, input, actor);
      if (!runId) throw new Refusal('unprocessable', 'nothing_to_pay', 'no released payables are open: there is nothing to pay out');
      return view(runId);
    },

    /** The Schedule's run (the preview staff approve); null when nothing is owed. */
    prepareScheduled: () => prepareRun(db, {}, SCHEDULE_ACTOR),

    get: view,

    async list(take = 50) {
      return { runs: (await listRuns(db, take)).map((r) => ({ id: r.id, number: r.number, status: r.status, cutOff: r.cutOff.toISOString(), preparedBy: r.preparedBy, approvedBy: r.approvedBy, executedAt: r.executedAt?.toISOString() ?? null, totals: { lineCount: r.lineCount, totalCents: r.totalCents, heldBackCents: r.heldBackCents } })) };
    },

    async approve(runId: string, actor: string): Promise<PayoutRunView> {
      await approveRun(db, runId, actor);
      return view(runId);
    },

    async cancel(runId: string, actor: string): Promise<PayoutRunView> {
      await cancelRun(db, runId, actor);
      return view(runId);
    },

    /** Starts the execution of an approved run; the workflow does the rest (the run shows EXECUTING, then EXECUTED). */
    async execute(runId: string, actor: string): Promise<PayoutRunView> {
      if (await beginExecution(db, runId, actor)) await startPayoutRunWorkflow(temporal, queues, runId);
      return view(runId);
    },

    /** The run's SEPA file, once written. */
    async sepaFile(runId: string): Promise<{ fileName: string; content: Buffer }> {
      const run = await view(runId);
      const content = await sepaFile(db, runId);
      if (!content || !run.sepa) throw new Refusal('conflict', 'no_sepa_file', `payout run ${run.number} is ${run.status}: its SEPA file is written when it is executed`);
      return { fileName: `${run.sepa.msgId}.xml`, content };
    },

    /** An issued invoice of the run as PDF (rendered from the invoice as stored, the same document the client was sent). */
    async invoicePdf(runId: string, invoiceId: string): Promise<{ fileName: string; content: Buffer }> {
      const invoice = await issuedRunInvoice(db, runId, invoiceId);
      if (!invoice) throw doesNotExist(`issued invoice ${invoiceId} of payout run ${runId}`);
      const rendered = await renderDocument(await loadRunInvoice(db, invoice.id, deps.centre));
      return { fileName: `${invoice.number}.pdf`, content: rendered.pdf };
    },

    /** The execution's steps, for the workflow's activities. */
    execution: payoutRunExecution(db, deps.collectionSftp, documents, deps.centre),
  };
}

export type PayoutRunService = ReturnType<typeof createPayoutRunService>;
