import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, type Worker, workerData } from 'node:worker_threads';
import { tsWorker } from '../infra/ts-worker';
import { renderDocument } from '../documents/render-document';
import { sampleLogo, sampleRequest } from '../documents/sample-documents';
import { createSmtpMailer } from '../infra/mailer';
import { freePort } from '../infra/local/free-port';
import { startLocalSmtp } from '../infra/local/smtp';

/**
 * npm run bench:documents: renders 2,000 invoices and 2,000 dunning letters to PDF (client logo and
 * cover mail included) on worker threads, one per core, then sends 2,000 of them as emails with the PDF
 * attached through a pooled SMTP transport to the local SMTP server (or SMTP_URL) and checks they
 * arrived. BENCH_DOCUMENTS changes the count per kind, BENCH_SMTP_CONNECTIONS the pool size.
 * Last line: one JSON object with the figures.
 */

interface Job {
  role: 'render';
  kind: 'invoice' | 'reminder';
  from: number;
  to: number;
  /** Return the rendered documents (for mailing) or only their sizes. */
  keep: boolean;
}
interface Rendered {
  n: number;
  pdf: Uint8Array;
  subject: string;
  html: string;
  text: string;
  fileName: string;
}

/** The client's logo, as a worker would hold it once loaded: one buffer for every letter. */
const LOGO = sampleLogo();

async function renderRange(job: Job): Promise<{ bytes: number; docs: Rendered[] }> {
  let bytes = 0;
  const docs: Rendered[] = [];
  for (let n = job.from; n < job.to; n++) {
    const req = sampleRequest(job.kind, n + 1);
    req.head.client.logo = LOGO;
    const r = await renderDocument(req);
    bytes += r.pdf.length;
    if (job.keep) docs.push({ n, pdf: r.pdf, subject: r.mail.subject, html: r.mail.html, text: r.mail.text, fileName: r.fileName });
  }
  return { bytes, docs };
}

interface SmtpJob {
  role: 'smtp';
  mailDir: string;
}

/** A worker thread running this file again. */
function thread(data: { role: 'render-thread' } | SmtpJob): Worker {
  return tsWorker(__filename, data);
}

/** Render threads, each warmed up (modules loaded, fonts parsed) before the clock starts. */
async function startRenderThreads(count: number): Promise<Worker[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const w = thread({ role: 'render-thread' });
      await new Promise<void>((resolve, reject) => {
        w.once('message', () => resolve());
        w.once('error', reject);
      });
      return w;
    }),
  );
}

function runOn(w: Worker, jobs: Job[]): Promise<Array<{ bytes: number; docs: Rendered[] }>> {
  return new Promise((resolve, reject) => {
    w.once('message', resolve);
    w.once('error', reject);
    w.postMessage(jobs);
  });
}

async function serveRenders(): Promise<void> {
  await renderRange({ role: 'render', kind: 'invoice', from: 0, to: 1, keep: false });
  await renderRange({ role: 'render', kind: 'reminder', from: 0, to: 1, keep: false });
  parentPort!.on('message', async (jobs: Job[]) => {
    const results = [];
    for (const job of jobs) results.push(await renderRange(job));
    parentPort!.postMessage(results, results.flatMap((r) => r.docs.map((d) => d.pdf.buffer as ArrayBuffer)));
  });
  parentPort!.postMessage('ready');
}

/**
 * The local SMTP stand-in on a thread of its own, as a mail server runs apart from the sender
 * (in-process it would share one event loop with the client it measures).
 */
async function smtpThread(mailDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const w = thread({ role: 'smtp', mailDir });
  const url = await new Promise<string>((resolve, reject) => {
    w.once('message', resolve);
    w.once('error', reject);
  });
  return { url, stop: async () => void (await w.terminate()) };
}

async function serveSmtp(job: SmtpJob): Promise<void> {
  await startLocalSmtp({ port: await freePort(), mailDir: job.mailDir }).then((s) => parentPort!.postMessage(s.url));
}

/** Splits `count` documents of a kind into one range per thread. */
function split(kind: Job['kind'], count: number, threads: number, keep: boolean): Job[] {
  const per = Math.ceil(count / threads);
  return Array.from({ length: threads }, (_, i) => ({ role: 'render' as const, kind, from: i * per, to: Math.min(count, (i + 1) * per), keep })).filter((j) => j.from < j.to);
}

/** CPU milliseconds this process (all its threads) used since `from`. */
function cpuMs(from: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
}

const WARM_UP_MAILS = 20;

async function main(): Promise<void> {
  const count = Number(process.env.BENCH_DOCUMENTS ?? 2000);
  const threads = os.availableParallelism();
  const connections = Number(process.env.BENCH_SMTP_CONNECTIONS ?? 4);

  const workers = await startRenderThreads(threads);
  console.log(`[bench] rendering ${count} invoices and ${count} dunning letters on ${threads} threads`);
  const invoiceJobs = split('invoice', count, threads, true);
  const reminderJobs = split('reminder', count, threads, false);
  let cpu0 = process.cpuUsage();
  let t0 = performance.now();
  const results = (await Promise.all(workers.map((w, i) => runOn(w, [invoiceJobs[i], reminderJobs[i]].filter((j): j is Job => j !== undefined))))).flat();
  const renderS = (performance.now() - t0) / 1000;
  const renderCpu = cpuMs(cpu0);
  await Promise.all(workers.map((w) => w.terminate()));
  const pdfs = 2 * count;
  const bytes = results.reduce((s, r) => s + r.bytes, 0);
  const invoices = results.flatMap((r) => r.docs).sort((a, b) => a.n - b.n);
  console.log(`[bench] ${pdfs} PDFs in ${renderS.toFixed(2)} s: ${(pdfs / renderS).toFixed(1)} PDFs/s, average ${(bytes / pdfs / 1024).toFixed(1)} KiB, ${(renderCpu / pdfs).toFixed(2)} CPU ms per PDF (PDF and cover mail)`);

  const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimflow-bench-mail-'));
  const local = process.env.SMTP_URL ? undefined : await smtpThread(mailDir);
  const url = process.env.SMTP_URL ?? local!.url;
  const mailer = createSmtpMailer(`${url}${url.includes('?') ? '&' : '?'}pool=true&maxConnections=${connections}&maxMessages=${count}`);
  console.log(`[bench] sending ${invoices.length} emails (after ${WARM_UP_MAILS} warm-up messages) with the PDF attached to ${local ? 'the local SMTP server' : 'SMTP_URL'} over ${connections} pooled connections`);
  const mailOf = (d: Rendered) => ({
    from: 'abrechnung@pvs-sued.example',
    to: `patient-${d.n}@example.de`,
    subject: d.subject,
    html: d.html,
    text: d.text,
    messageId: `<bench-${process.pid}-${d.n}@claimflow>`,
    attachments: [{ filename: d.fileName, content: Buffer.from(d.pdf.buffer, d.pdf.byteOffset, d.pdf.byteLength), contentType: 'application/pdf' }],
  });
  // Warm-up outside the clock (pool connections open, JIT compiled): the rate is the steady state.
  const warmUp = invoices.slice(0, WARM_UP_MAILS).map((d) => ({ ...mailOf(d), messageId: `<bench-${process.pid}-warm-${d.n}@claimflow>` }));
  await Promise.all(warmUp.map((m) => mailer.send(m)));
  cpu0 = process.cpuUsage();
  t0 = performance.now();
  const sent = await Promise.all(invoices.map((d) => mailer.send(mailOf(d))));
  const sendS = (performance.now() - t0) / 1000;
  const sendCpu = cpuMs(cpu0);
  mailer.close();
  const accepted = sent.filter((s) => s.accepted.length === 1).length;
  if (accepted !== invoices.length) throw new Error(`only ${accepted} of ${invoices.length} emails were accepted`);
  if (local) {
    const arrived = fs.readdirSync(mailDir).length - warmUp.length;
    if (arrived !== invoices.length) throw new Error(`the SMTP server stored ${arrived} of ${invoices.length} emails`);
    await local.stop();
    fs.rmSync(mailDir, { recursive: true, force: true });
  }
  console.log(`[bench] ${accepted} emails accepted in ${sendS.toFixed(2)} s: ${(accepted / sendS).toFixed(1)} emails/s, ${(sendCpu / accepted).toFixed(2)} CPU ms per email${local ? ' (client and local server)' : ''}`);
  console.log(`[bench] load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${threads} cores (other processes share them)`);
  const round = (v: number) => Math.round(v * 10) / 10;
  console.log(JSON.stringify({ pdfs_per_s: round(pdfs / renderS), emails_per_s: round(accepted / sendS), pdfs, emails: accepted, cpu_ms_per_pdf: round(renderCpu / pdfs), cpu_ms_per_email: round(sendCpu / accepted), threads, smtp_connections: connections }));
}

if (isMainThread) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  const data = workerData as { role: 'render-thread' } | SmtpJob;
  void (data.role === 'smtp' ? serveSmtp(data) : serveRenders());
}
