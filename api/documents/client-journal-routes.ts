import { Router } from 'express';
import { z } from 'zod';
import { addressFor, chooseChannel } from '../../domain/documents/choose-channel';
import { JOURNAL_KINDS, journalKindsFor, loadJournal, periodLabel } from '../../activities/documents/journal-activities';
import { renderDocument } from '../../documents/render-document';
import { audit } from '../../persistence/audit';
import { documentPolicy } from '../../services/documents/archive';
import { clientRecipient } from '../../persistence/documents/recipients';
import { configuredCentre } from '../../infra/centre';
import { actorOf, ApiContext } from '../context';
import { HttpError, notFound, parse } from '../errors';
import { archiveAndSend, staffSendKey } from '../../services/documents/staff-send';

const isoDate = z.iso.date().describe('YYYY-MM-DD');

export const JournalBody = z
  .object({ kind: z.enum(JOURNAL_KINDS), from: isoDate, to: isoDate.describe('YYYY-MM-DD, inclusive') })
  .refine((b) => b.from <= b.to, { message: 'from must not be after to', path: ['to'] });

/** A client journal on demand: rendered, archived and sent now (sendDocumentWorkflow). */
export function clientJournalRoutes(ctx: ApiContext): Router {
  const r = Router();
  const { db } = ctx;

  r.post('/clients/:id/journals', async (req, res) => {
    const body = parse(JournalBody, req.body ?? {}, 'body');
    const client = await db.client.findUnique({ where: { id: req.params.id } });
    if (!client) throw notFound(`client ${req.params.id}`);
    if (!journalKindsFor(client.tariff).includes(body.kind)) {
      throw new HttpError(422, 'kind_not_for_tariff', `client ${client.id} (${client.tariff}) receives no ${body.kind}`, [{ field: 'kind', reason: `not sent under tariff ${client.tariff}` }]);
    }
    const period = { from: body.from, to: body.to };
    const { doc, created } = await archiveAndSend(ctx, staffSendKey(`journal:${body.kind}:${client.id}:${periodLabel(period)}`, req), async () => {
      const request = await loadJournal(db, client, body.kind, period, configuredCentre());
      if (!request) throw new HttpError(422, 'empty_journal', `the ${body.kind} of client ${client.id} for ${body.from} to ${body.to} would list nothing`);
      const rendered = await renderDocument(request);
      const recipient = clientRecipient(client);
      const kind = body.kind.toUpperCase();
      const channel = chooseChannel(recipient, kind, (await documentPolicy(db, client.id)).faxKinds);
      return {
        kind,
        clientId: client.id,
        channel,
        recipient: addressFor(recipient, channel),
        subject: rendered.subject,
        mimeType: 'application/pdf',
        fileName: rendered.fileName,
        content: rendered.pdf,
      };
    });
    if (!created) return void res.status(200).json({ documentId: doc.id });
    await audit(db, actorOf(req), 'send_journal', 'client', client.id, { documentId: doc.id, kind: body.kind, ...period });
    res.status(202).json({ documentId: doc.id });
  });

  return r;
}
