import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import express from 'express';
import type { FaxJob } from '../channels/fax';
import type { LocalService } from './postgres';

interface Job extends FaxJob {
  to: string;
  reference: string;
  callbackUrl?: string;
}

/** How a number answers: it fails `times` calls (busy, no answer) and then, if times is finite, delivers. */
interface NumberRule {
  reason: string;
  times: number;
}

/**
 * A local stand-in for an HTTP fax provider (the API of infra/channels/fax.ts) on a loopback port.
 * A job is QUEUED, SENDING after half of `transmitMs`, then DELIVERED or FAILED; a callbackUrl
 * gets each status change POSTed. Numbers fail as configured (PUT /numbers/{number}
 * {reason, times}), so tests can make a line busy for n calls or for good.
 */
export async function startLocalFaxService(opts: { port: number; transmitMs?: number }): Promise<LocalService> {
  const transmitMs = opts.transmitMs ?? 400;
  const jobs = new Map<string, Job>();
  const byReference = new Map<string, string>();
  const rules = new Map<string, NumberRule>();

  const update = (job: Job, status: FaxJob['status'], reason?: string) => {
    Object.assign(job, { status, reason });
    if (job.callbackUrl) {
      fetch(job.callbackUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: job.id, status, reason }) }).catch(() => undefined);
    }
  };
  const transmit = (job: Job) => {
    setTimeout(() => update(job, 'SENDING'), transmitMs / 2).unref();
    setTimeout(() => {
      const rule = rules.get(job.to);
      if (rule && rule.times > 0) {
        rule.times -= 1;
        update(job, 'FAILED', rule.reason);
      } else update(job, 'DELIVERED');
    }, transmitMs).unref();
  };

  const app = express();
  app.use(express.json({ limit: '50mb' }));
  app.put('/numbers/:number', (req, res) => {
    const { reason, times } = (req.body ?? {}) as { reason?: string; times?: number | null };
    rules.set(req.params.number, { reason: reason ?? 'busy', times: times ?? Infinity });
    res.status(204).end();
  });
  app.post('/faxes', (req, res) => {
    const { to, reference, document, callbackUrl } = (req.body ?? {}) as Record<string, string | undefined>;
    if (!to || !/^\+?[0-9 /-]{6,}$/.test(to)) return void res.status(400).json({ error: `"${to}" is not a fax number` });
    if (!reference || !document) return void res.status(400).json({ error: 'reference and document (base64 PDF) are required' });
    if (!Buffer.from(document, 'base64').subarray(0, 5).equals(Buffer.from('%PDF-'))) return void res.status(422).json({ error: 'document is not a PDF' });
    const known = byReference.get(reference);
    if (known) return void res.status(200).json({ id: known, status: jobs.get(known)!.status });
    const job: Job = { id: randomUUID(), to, reference, callbackUrl, status: 'QUEUED' };
    jobs.set(job.id, job);
    byReference.set(reference, job.id);
    transmit(job);
    res.status(202).json({ id: job.id, status: job.status });
  });
  app.get('/faxes/:id', (req, res) => {
    const job = jobs.get(req.params.id);
    if (!job) return void res.status(404).json({ error: `no fax job ${req.params.id}` });
    res.json({ id: job.id, to: job.to, reference: job.reference, status: job.status, reason: job.reason });
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(opts.port, '127.0.0.1', () => resolve(s)).once('error', reject);
  });
  return {
    url: `http://127.0.0.1:${opts.port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
