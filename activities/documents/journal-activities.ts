import type { Db } from '../../infra/db/prisma';
import type { Client } from '../../prisma/generated/client';
import type { Centre, DocumentRequest, JournalPeriod } from '../../documents/document-request';
import { renderDocument } from '../../documents/render-document';
import { deliverDocument, type DeliveryDeps } from '../../services/documents/delivery';
import { documentPolicy } from '../../services/documents/archive';
import { loadClientInvoice, loadOutgoingInvoiceJournal, loadPayoutJournal, loadPurchaseJournal } from '../../persistence/documents/document-data';
import { clientRecipient } from '../../persistence/documents/recipients';
import type { Services } from '../../services';
import type { ServiceDeps } from '../../services/service-deps';

/** The journals a client receives for a period (DocumentRequest kinds). */
export const JOURNAL_KINDS = ['outgoing_invoice_journal', 'purchase_journal', 'payout_journal', 'client_invoice'] as const;
export type JournalKind = (typeof JOURNAL_KINDS)[number];

/** Which journals fit a client's tariff: purchases only under factoring, the fee invoice only under Inkasso. */
export function journalKindsFor(tariff: Client['tariff']): JournalKind[] {
  return JOURNAL_KINDS.filter((k) => (k === 'purchase_journal' ? tariff !== 'INKASSO' : k === 'client_invoice' ? tariff === 'INKASSO' : true));
}

/** "2026-10" for a whole calendar month, else "2026-10-05_2026-10-20": names the period in keys and numbers. */
export function periodLabel(p: JournalPeriod): string {
  const month = p.from.slice(0, 7);
  const lastDay = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  return p.from === `${month}-01` && p.to === `${month}-${String(lastDay).padStart(2, '0')}` ? month : `${p.from}_${p.to}`;
}

/** The journal's data for the period, or null when it would list nothing (no empty journal is sent). */
export async function loadJournal(db: Db, client: Client, kind: JournalKind, period: JournalPeriod, centre: Centre, now = new Date()): Promise<DocumentRequest | null> {
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
      const policy = await documentPolicy(db, client.id);
      const due = new Date(now);
      due.setUTCDate(due.getUTCDate() + policy.clientInvoicePaymentDays);
      // One client invoice per client and period, so its number is derived from both.
      const invoiceNumber = `MR-${client.number}-${periodLabel(period)}`;
      const j = await loadClientInvoice(db, client.id, { invoiceNumber, period, vatRate: policy.clientInvoiceVatRate, dueDate: due.toISOString() }, centre, now);
      return j.items.length ? j : null;
    }
  }
}

export function deliveryDeps(deps: Pick<ServiceDeps, 'db' | 'mailer' | 'documents' | 'temporal' | 'fax' | 'queues'>): DeliveryDeps {
  return { db: deps.db, mailer: deps.mailer, documents: deps.documents, temporal: deps.temporal, faxAvailable: !!deps.fax, queues: deps.queues };
}

/** The activities of the monthly client journal run. */
export function createJournalActivities(services: Services) {
  const { deps } = services;
  const { db } = deps;
  const delivery = deliveryDeps(deps);

  return {
    /** One page of client ids (ordered), so the run never holds every client in one payload. */
    async listClientPage(afterClientId: string | null, limit: number): Promise<{ clientIds: string[]; next: string | null }> {
      const clients = await db.client.findMany({ where: afterClientId ? { id: { gt: afterClientId } } : {}, orderBy: { id: 'asc' }, take: limit, select: { id: true } });
      const clientIds = clients.map((c) => c.id);
      return { clientIds, next: clientIds.length === limit ? clientIds[clientIds.length - 1] : null };
    },

    /**
     * Sends the client its journals for the period, each once (key `journal:<kind>:<client>:<period>`):
     * a retry or a second run finds the keys delivered and sends nothing. Returns the kinds delivered now.
     */
    async sendClientJournals(clientId: string, period: JournalPeriod): Promise<JournalKind[]> {
      const client = await db.client.findUniqueOrThrow({ where: { id: clientId } });
      const sent: JournalKind[] = [];
      for (const kind of journalKindsFor(client.tariff)) {
        const request = await loadJournal(db, client, kind, period, deps.centre);
        if (!request) continue;
        const outcome = await deliverDocument(delivery, {
          idempotencyKey: `journal:${kind}:${clientId}:${periodLabel(period)}`,
          kind: kind.toUpperCase(),
          clientId,
          recipient: clientRecipient(client),
          from: deps.centre.email,
          render: () => renderDocument(request),
        });
        if (outcome !== 'ALREADY_DONE') sent.push(kind);
      }
      return sent;
    },
  };
}

export type JournalActivities = ReturnType<typeof createJournalActivities>;
