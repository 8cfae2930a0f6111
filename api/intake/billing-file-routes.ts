import { Router } from 'express';
import { actorOf, ApiContext } from '../context';
import { notFound } from '../errors';
import { rawFileBody, uploadedFiles } from '../uploaded-file';

/**
 * Upload of a client's billing file and its receipt. The body is the billing file itself
 * (`?fileName=`), a ZIP holding it with its PADneXt order file, or multipart/form-data with both
 * as file parts.
 */
export function billingFileRoutes(ctx: ApiContext): Router {
  const r = Router();
  const { intake } = ctx.services;

  r.post('/clients/:clientId/billing-files', rawFileBody, async (req, res) => {
    const files = await uploadedFiles(req, 'billing');
    const reception = await intake.receiveBillingFile({ clientId: req.params.clientId, files, actor: actorOf(req) });
    switch (reception.kind) {
      case 'unknown_client':
        throw notFound(`client ${req.params.clientId}`);
      case 'duplicate': {
        const { earlier } = reception;
        res.status(200).json({ submissionId: earlier.id, duplicate: true, message: `this file was already received as ${earlier.fileName} on ${earlier.receivedAt.toISOString()}; nothing was booked again`, receipt: `/api/billing-files/${earlier.id}` });
        return;
      }
      case 'received':
        res.status(202).json({ submissionId: reception.submissionId, duplicate: false, receipt: `/api/billing-files/${reception.submissionId}` });
    }
  });

  r.get('/billing-files/:id', async (req, res) => {
    const receipt = await intake.billingFileReceipt(req.params.id);
    if (!receipt) throw notFound(`billing file ${req.params.id}`);
    const { submission: sub, records } = receipt;
    res.json({
      id: sub.id,
      clientId: sub.clientId,
      fileName: sub.fileName,
      orderFileName: sub.orderFileName,
      format: sub.format,
      status: sub.status,
      receivedAt: sub.receivedAt,
      processedAt: sub.processedAt,
      accepted: sub.acceptedCount,
      rejected: sub.rejectedCount,
      duplicates: sub.duplicateCount,
      fileErrors: sub.fileErrors ?? [],
      records: records.map((rec) => ({ recordNo: rec.recordNo, externalId: rec.externalId, outcome: rec.outcome, claimId: rec.claimId, errors: rec.errors ?? [] })),
    });
  });

  return r;
}
