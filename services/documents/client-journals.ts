import type { ServiceDeps } from '../service-deps';
import { renderDocument, type DocumentRequest } from '../../documents/render-document';
import type { Centre } from '../../domain/documents/document-request';
import { chooseChannel } from '../../domain/documents/choose-channel';
import { journalKindsFor, type JournalKind } from '../../domain/documents/journal-kinds';
import { periodLabel, type JournalPeriod } from '../../domain/documents/journal-period';
import { clientRecipient } from '../../domain/documents/recipients';
import type { Db } from '../../infra/db/prisma';
import { audit } from '../../persistence/audit';
import { clientById, clientOrThrow, type ClientRow } from '../../persistence/documents/clients';
import { documentPolicy } from '../../persistence/documents/document-policy';
import { loadPolicy } from '../../persistence/policy';
import { feeVatRate } from '../../domain/money/fee-vat-policy';
import { loadClientInvoice, loadOutgoingInvoiceJournal, loadPayoutJournal, loadPurchaseJournal } from '../../persistence/documents/journal-data';
import { addressee, archiveRequest, pdfOf } from './archive-request';
import { deliverDocument, type DeliveryDeps } from './delivery';
import { archiveAndSend, staffSendKey, type StaffRequest } from './staff-send';
import { Refusal, doesNotExist } from '../../domain/refusal';

/** One journal, one key: a retry, a second run or a staff send for the same period finds it. */
const journalKey = (kind: JournalKind, clientId: string, period: JournalPeriod) => `journal:${kind}:${clientId}:${periodLabel(period)}`;

/** The journal's data for the period, or null when it would list nothing (no empty journal is sent). */
export async function loadJournal(db: Db, client: ClientRow, kind: JournalKind, period: JournalPeriod, centre: Centre, now = new Date()): Promise<DocumentRequest | null> {
  switch (kind) {
    case 'outgoing_invoice_journal': {
      const j = await loadOutgoingInvoiceJournal(db, client.id, period, centre, now);
      return j.invoices.length ? j : null;
    }
    case 'purchase_journal': {
      const j = await loadPurchaseJournal(db, client.id, period, centre, now);
      return j.claims.length ? j : null;
    }
    case 'payout_journal': {
      const j = await loadPayoutJournal(db, client.id, period, centre, now);
      return j.items.length ? j : null;
    }
    case 'client_invoice': {
      const policy = await loadPolicy(db, client.id);
      const due = new Date(now);
      due.setUTCDate(due.getUTCDate() + policy.documents.clientInvoicePaymentDays);
      // One client invoice per client and period, so its number is derived from both.
      const invoiceNumber = `MR-${client.number}-${periodLabel(period)}`;
      const j = await loadClientInvoice(db, client.id, { invoiceNumber, period, vatRate: feeVatRate(policy.feeVat), dueDate: due.toISOString() }, centre, now);
      return j.items.length ? j : null;
    }
  }
}

/**
 * Sends the client its journals for the period, each once (key `journal:<kind>:<client>:<period>`):
 * a retry or a second run finds the keys delivered and sends nothing. Returns the kinds delivered now.
 */
export async function sendClientJournals(deps: DeliveryDeps & Pick<ServiceDeps, 'centre'>, clientId: string, period: JournalPeriod): Promise<JournalKind[]> {
  const client = await clientOrThrow(deps.db, clientId);
  const sent: JournalKind[] = [];
  for (const kind of journalKindsFor(client.tariff)) {
    const request = await loadJournal(deps.db, client, kind, period, deps.centre);
    if (!request) continue;
    const outcome = await deliverDocument(deps, {
      idempotencyKey: journalKey(kind, clientId, period),
      kind: kind.toUpperCase(),
      clientId,
      recipient: clientRecipient(client),
      from: deps.centre.email,
      render: () => renderDocument(request),
    });
    if (outcome !== 'ALREADY_DONE') sent.push(kind);
  }
  return sent;
}

/** A client journal on demand: rendered, archived and sent now (sendDocumentWorkflow). */
export async function sendJournal(deps: Pick<ServiceDeps, 'db' | 'documents' | 'temporal' | 'queues' | 'centre'>, clientId: string, kind: JournalKind, period: JournalPeriod, request: StaffRequest) {
  const client = await clientById(deps.db, clientId);
  if (!client) throw doesNotExist(`client ${clientId}`);
  if (!journalKindsFor(client.tariff).includes(kind)) {
    throw new Refusal('unprocessable', 'kind_not_for_tariff', `client ${client.id} (${client.tariff}) receives no ${kind}`, [{ field: 'kind', reason: `not sent under tariff ${client.tariff}` }]);
  }
  const sent = await archiveAndSend(deps, staffSendKey(journalKey(kind, client.id, period), request.idempotencyKey), async (idempotencyKey) => {
    const journal = await loadJournal(deps.db, client, kind, period, deps.centre);
    if (!journal) throw new Refusal('unprocessable', 'empty_journal', `the ${kind} of client ${client.id} for ${period.from} to ${period.to} would list nothing`);
    const rendered = await renderDocument(journal);
    const recipient = clientRecipient(client);
    const documentKind = kind.toUpperCase();
    const policy = await documentPolicy(deps.db, client.id);
    const to = addressee(recipient, chooseChannel(recipient, documentKind, policy.faxKinds));
    return archiveRequest({ idempotencyKey, kind: documentKind, clientId: client.id, retentionYears: policy.retentionYears }, to, pdfOf(rendered));
  });
  if (sent.created) await audit(deps.db, request.actor, 'send_journal', 'client', client.id, { documentId: sent.doc.id, kind, ...period });
  return sent;
}
