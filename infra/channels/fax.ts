/** A fax job's state at the provider; DELIVERED and FAILED are final. */
export type FaxStatus = 'QUEUED' | 'SENDING' | 'DELIVERED' | 'FAILED';

export interface FaxJob {
  id: string;
  status: FaxStatus;
  /** Why a job FAILED (busy, no answer, ...). */
  reason?: string;
}

/** An HTTP fax service: submit a PDF to a number, then follow the job until it is final. */
export interface FaxProvider {
  /** Submits a job; `reference` is our idempotency key: the same reference again answers the same job. */
  submit(job: { to: string; pdf: Buffer; reference: string }): Promise<string>;
  status(jobId: string): Promise<FaxJob>;
}

export function isFinal(status: FaxStatus): boolean {
  return status === 'DELIVERED' || status === 'FAILED';
}

/**
 * The fax provider's REST API (FAX_URL; infra/local/fax-service.ts implements it):
 *   POST {base}/faxes {to, reference, document: base64 PDF, callbackUrl?} → 202|200 {id, status}
 *   GET  {base}/faxes/{id} → {id, to, reference, status, reason?}
 */
export class HttpFaxProvider implements FaxProvider {
  private readonly base: string;

  constructor(baseUrl: string) {
    this.base = baseUrl.replace(/\/+$/, '');
  }

  async submit(job: { to: string; pdf: Buffer; reference: string }): Promise<string> {
    const res = await fetch(`${this.base}/faxes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to: job.to, reference: job.reference, document: job.pdf.toString('base64') }),
    });
    const body = (await res.json().catch(() => ({}))) as { id?: string; error?: string };
    if (!res.ok || !body.id) throw new Error(`fax service ${this.base} refused the job for ${job.to}: HTTP ${res.status} ${body.error ?? ''}`.trim());
    return body.id;
  }

  async status(jobId: string): Promise<FaxJob> {
    const res = await fetch(`${this.base}/faxes/${encodeURIComponent(jobId)}`);
    if (!res.ok) throw new Error(`fax service ${this.base} has no status for job ${jobId}: HTTP ${res.status}`);
    const body = (await res.json()) as FaxJob;
    return { id: body.id, status: body.status, reason: body.reason };
  }
}
