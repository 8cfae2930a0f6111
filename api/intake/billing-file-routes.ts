import express, { Router } from 'express';
import { randomUUID } from 'node:crypto';
import { Prisma } from '../../prisma/generated/client';
import { sha256Hex } from '../../domain/sha256';
import { audit } from '../../persistence/audit';
import { writeSubmissionContent } from '../../store/submission-content';
import { actorOf, ApiContext } from '../context';
import { HttpError, notFound, parse } from '../errors';
import { UploadQuery } from '../schemas';
import { startBillingFileWorkflow } from '../../contracts/client/workflow-starts';

/** Upload of a client's billing file and its receipt. */
export function billingFileRoutes(ctx: ApiContext): Router {
  const r = Router();

  r.post('/clients/:clientId/billing-files', express.raw({ type: () => true, limit: '200mb' }), async (req, res) => {
    const { fileName } = parse(UploadQuery, req.query, 'query');
    const content = req.body as Buffer;
    if (!Buffer.isBuffer(content) || content.length === 0) throw new HttpError(400, 'empty_file', `the billing file ${fileName} is empty`);
    const client = await ctx.db.client.findUnique({ where: { id: req.params.clientId } });
    if (!client) throw notFound(`client ${req.params.clientId}`);
    const sha256 = sha256Hex(content);
    const answerIfDuplicate = async () => {
      const earlier = await ctx.db.submission.findUnique({ where: { clientId_sha256: { clientId: client.id, sha256 } } });
      if (!earlier) return false;
      res.status(200).json({ submissionId: earlier.id, duplicate: true, message: `this file was already received as ${earlier.fileName} on ${earlier.receivedAt.toISOString()}; nothing was booked again`, receipt: `/api/billing-files/${earlier.id}` });
      return true;
    };
    if (await answerIfDuplicate()) return;
    const id = randomUUID();
    try {
      await ctx.db.$transaction(async (tx) => {
        await tx.submission.create({ data: { id, clientId: client.id, fileName, format: fileName.toLowerCase().endsWith('.csv') ? 'csv' : 'padnext', sha256, content: new Uint8Array(0) } });
        await writeSubmissionContent(tx, id, content);
        await audit(tx, actorOf(req), 'upload', 'submission', id, { fileName, bytes: content.length });
      });
    } catch (e) {
      // The same file uploaded twice at once: the unique (client, sha256) lets one win.
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002' && (await answerIfDuplicate())) return;
      throw e;
    }
    await startBillingFileWorkflow(ctx.temporal, ctx.queues, id);
    res.status(202).json({ submissionId: id, duplicate: false, receipt: `/api/billing-files/${id}` });
  });

  r.get('/billing-files/:id', async (req, res) => {
    const sub = await ctx.db.submission.findUnique({ where: { id: req.params.id } });
    if (!sub) throw notFound(`billing file ${req.params.id}`);
    const records = await ctx.db.submissionRecord.findMany({ where: { submissionId: sub.id }, orderBy: { recordNo: 'asc' }, omit: { raw: true } });
    res.json({
      id: sub.id,
      clientId: sub.clientId,
      fileName: sub.fileName,
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
