import { parentPort, workerData } from 'node:worker_threads';
import { tsWorker } from '../../infra/ts-worker';
import { BankFileError, type ParsedBankFile } from '../../domain/bank/bank-line';
import type { BankFileLimits } from '../../domain/bank/bank-import-policy';
import { readBankDelivery } from '../../domain/bank/read-bank-delivery';

/**
 * Reads a bank delivery on a worker thread of its own, stopped at the policy's deadline: a file
 * that would take the parser too long is rejected with that reason, and the import goes on with
 * the files beside it. Whatever the parser throws comes back as a BankFileError for this file; only
 * a thread that cannot run at all throws a plain Error (the import is then retried, not quarantined).
 */
export function parseWithinDeadline(fileName: string, content: Buffer, limits: BankFileLimits): Promise<ParsedBankFile> {
  const job: Job = { role: ROLE, fileName, content, limits };
  const worker = tsWorker(__filename, job);
  return new Promise<ParsedBankFile>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () => settle(() => reject(new BankFileError(fileName, 'file', `not read within ${limits.parseDeadlineMs / 1000} s (the bank import's parse deadline): too large or malformed for the parser`))),
      limits.parseDeadlineMs,
    );
    worker.once('message', (answer: Answer) =>
      settle(() => (answer.ok ? resolve(answer.parsed) : reject(new BankFileError(answer.fileName, answer.location, answer.reason)))),
    );
    worker.once('error', (e) => settle(() => reject(e)));
    worker.once('exit', (code) => settle(() => reject(new Error(`the bank file parser thread stopped (exit code ${code}) before answering`))));
  });
}

const ROLE = 'parse-bank-delivery';

interface Job {
  role: typeof ROLE;
  fileName: string;
  content: Uint8Array;
  limits: BankFileLimits;
}

type Answer = { ok: true; parsed: ParsedBankFile } | { ok: false; fileName: string; location: string; reason: string };

async function answer(job: Job): Promise<Answer> {
  try {
    // Structured cloning hands the thread a Uint8Array, not a Buffer.
    const content = Buffer.from(job.content.buffer, job.content.byteOffset, job.content.byteLength);
    return { ok: true, parsed: await readBankDelivery(job.fileName, content, job.limits) };
  } catch (e) {
    if (e instanceof BankFileError) return { ok: false, fileName: e.fileName, location: e.location, reason: e.reason };
    return { ok: false, fileName: job.fileName, location: 'file', reason: `unreadable: ${(e as Error).message}` };
  }
}

if (parentPort && (workerData as Job | undefined)?.role === ROLE) {
  const port = parentPort;
  void answer(workerData as Job).then((a) => port.postMessage(a));
}
