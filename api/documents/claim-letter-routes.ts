import { Router } from 'express';
import { z } from 'zod';
import { addressFor, chooseChannel } from '../../domain/documents/choose-channel';
import { TemplateError } from '../../domain/documents/template-placeholders';
import { openCents } from '../../domain/ledger/claim-balance';
import { renderDocument, type DocumentRequest } from '../../documents/render-document';
import type { DatedAmount } from '../../documents/document-request';
import type { Db } from '../../infra/db/prisma';
import { audit } from '../../persistence/audit';
import { loadClaimDocument, loadFreeLetter } from '../../persistence/documents/document-data';
import { documentPolicy } from '../../services/documents/archive';
import { TEMPLATE_KEY, TemplateNotFoundError } from '../../persistence/documents/document-templates';
import { personRecipient } from '../../persistence/documents/recipients';
import { configuredCentre } from '../../infra/centre';
import { actorOf, ApiContext } from '../context';
import { HttpError, notFound, parse } from '../errors';
import { archiveAndSend, staffSendKey } from '../../services/documents/staff-send';

export const ClaimLetterBody = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('free_letter'),
    templateKey: z.string().regex(TEMPLATE_KEY, 'lower-case words joined by dashes'),
    version: z.number().int().min(1).optional().describe('default: the newest version'),
  }),
  z.object({ kind: z.literal('fee_statement') }),
  z.object({ kind: z.literal('statement_of_claim') }),
]);
type ClaimLetter = z.infer<typeof ClaimLetterBody>;

/** A dunning level as letters name it: 1 is the Zahlungserinnerung, then the Mahnungen. */
const levelName = (level: number) => (level === 1 ? 'Zahlungserinnerung' : `${level - 1}. Mahnung`);

/** The dunning fees charged on a claim, oldest first; the level is the last part of the fee's key. */
async function dunningFees(db: Db, claimId: string): Promise<DatedAmount[]> {
  const postings = await db.ledgerPosting.findMany({
    where: { claimId, account: 'receivable_costs', amountCents: { gt: 0 }, transaction: { kind: 'reminder_fee' } },
    include: { transaction: true },
    orderBy: { transaction: { occurredAt: 'asc' } },
  });
  return postings.map((p) => ({ date: p.transaction.occurredAt.toISOString(), text: `Mahngebühr ${levelName(Number(p.transaction.idempotencyKey.split(':').pop()))}`, amountCents: p.amountCents }));
}

/** The request of a staff letter, built from the claim as it stands now. */
async function letterRequest(db: Db, claimId: string, letter: ClaimLetter): Promise<DocumentRequest> {
  const centre = configuredCentre();
  if (letter.kind === 'free_letter') return loadFreeLetter(db, claimId, centre, letter.templateKey, letter.version);
  const base = await loadClaimDocument(db, claimId, centre);
  const fees = await dunningFees(db, claimId);
  if (letter.kind === 'fee_statement') return { kind: 'fee_statement', head: base.head, claim: base.claim, fees };
  const payments = await db.payment.findMany({ where: { claimId }, orderBy: { receivedAt: 'asc' } });
  return {
    kind: 'statement_of_claim',
    head: base.head,
    claim: base.claim,
    costs: fees,
    payments: payments.map((p) => ({ date: p.receivedAt.toISOString(), text: 'Zahlung', amountCents: p.amountCents })),
    openCents: openCents(base.balance),
  };
}

/**
 * Letters staff send about a claim: a free letter from a template, the fee statement, the
 * statement of claim (Forderungsaufstellung). Rendered and archived here, sent to the person
 * responsible by sendDocumentWorkflow (channel chosen as for the claim's other letters). The same
 * Idempotency-Key answers the document it created before and sends nothing again.
 */
export function claimLetterRoutes(ctx: ApiContext): Router {
  const r = Router();
  const { db } = ctx;

  r.post('/claims/:id/letters', async (req, res) => {
    const letter = parse(ClaimLetterBody, req.body, 'body');
    const claim = await db.claim.findUnique({ where: { id: req.params.id }, include: { responsible: true } });
    if (!claim) throw notFound(`claim ${req.params.id}`);
    const kind = letter.kind.toUpperCase();
    const { doc, created } = await archiveAndSend(
      ctx,
      staffSendKey(`letter:${claim.id}`, req),
      async () => {
        let rendered;
        try {
          rendered = await renderDocument(await letterRequest(db, claim.id, letter));
        } catch (e) {
          if (e instanceof TemplateNotFoundError) throw new HttpError(422, 'unknown_template', e.message, [{ field: 'templateKey', reason: e.message }]);
          if (e instanceof TemplateError) throw new HttpError(422, 'invalid_template', e.message, e.issues);
          throw e;
        }
        const recipient = personRecipient(claim.responsible);
        const policy = await documentPolicy(db, claim.clientId);
        const channel = chooseChannel(recipient, kind, policy.faxKinds);
        return {
          kind,
          claimId: claim.id,
          clientId: claim.clientId,
          personId: recipient.personId,
          channel,
          recipient: addressFor(recipient, channel),
          subject: rendered.mail.subject,
          mimeType: 'application/pdf',
          fileName: rendered.fileName,
          content: rendered.pdf,
          retentionYears: policy.retentionYears,
        };
      },
      (known) => {
        if (known.kind !== kind) throw new HttpError(409, 'idempotency_conflict', `Idempotency-Key already used for a ${known.kind.toLowerCase()} of claim ${claim.id}, not a ${letter.kind}`);
      },
    );
    if (!created) return void res.status(200).json({ documentId: doc.id, kind: doc.kind, channel: doc.channel });
    await audit(db, actorOf(req), 'letter', 'claim', claim.id, { documentId: doc.id, ...letter, channel: doc.channel });
    res.status(202).json({ documentId: doc.id, kind, channel: doc.channel });
  });

  return r;
}
