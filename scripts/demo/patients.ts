import type { Db } from '../../infra/db/prisma';

type Behaviour = 'pays' | 'pays-in-two-parts' | 'pays-after-reminder' | 'defers-then-pays' | 'installments' | 'never-pays' | 'cancelled';

/** How the demo's patients and staff behave, by claim position: most pay, some late, some never. */
const BEHAVIOURS: Behaviour[] = ['pays', 'pays', 'pays', 'pays', 'pays-in-two-parts', 'pays-after-reminder', 'defers-then-pays', 'installments', 'never-pays', 'cancelled'];

/** The patients at these positions pay by bank transfer: the demo's bank statement pays them (bank-statement.ts). */
export function paysByTransfer(position: number): boolean {
  return BEHAVIOURS[position % BEHAVIOURS.length] === 'pays';
}

interface ClaimRow {
  id: string;
  stage: string;
  dunningLevel: number;
  openCents: number;
}

/**
 * Acts like the patients (payments) and staff (deferral, installment plan, cancellation) of the
 * sample claims, through the REST API, each action once. Returns a function that stops it.
 */
export function simulatePatients(opts: { api: string; authorization: string; db: Db; submissionId: string; log: (l: string) => void }): () => void {
  const done = new Set<string>();
  const firstSeen = new Map<string, number>();
  const post = async (path: string, body: unknown, key?: string) => {
    const res = await fetch(`${opts.api}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: opts.authorization, ...(key ? { 'idempotency-key': key } : {}) },
      body: JSON.stringify(body),
    });
    if (res.status >= 400) opts.log(`demo action ${path} failed: ${res.status} ${await res.text()}`);
  };
  const once = async (claimId: string, step: string, action: () => Promise<void>) => {
    const key = `${claimId}:${step}`;
    if (done.has(key)) return;
    done.add(key);
    await action();
  };
  const pay = (c: ClaimRow, step: string, cents: number) =>
    once(c.id, step, () => post(`/claims/${c.id}/payments`, { amountCents: cents, reference: `Rechnung ${c.id}` }, `demo-${c.id}-${step}`));

  async function tick(): Promise<void> {
    const res = await fetch(`${opts.api}/claims?submissionId=${opts.submissionId}&limit=500`, { headers: { authorization: opts.authorization } });
    const { claims } = (await res.json()) as { claims: ClaimRow[] };
    const now = Date.now();
    for (const [i, c] of claims.entries()) {
      if (!['WAITING', 'REMINDER'].includes(c.stage) || c.openCents <= 0) continue;
      if (!firstSeen.has(c.id)) firstSeen.set(c.id, now);
      const waited = now - firstSeen.get(c.id)!;
      switch (BEHAVIOURS[i % BEHAVIOURS.length]) {
        case 'pays':
          // Paid by the bank statement, booked by the import.
          break;
        case 'pays-in-two-parts':
          if (c.stage === 'WAITING') await pay(c, 'part-1', Math.floor(c.openCents / 2));
          else await pay(c, 'part-2', c.openCents);
          break;
        case 'pays-after-reminder':
          if (c.dunningLevel >= 1) await pay(c, 'late', c.openCents);
          break;
        case 'defers-then-pays':
          await once(c.id, 'deferral', () => post(`/claims/${c.id}/deferral`, { until: new Date(now + 15_000).toISOString(), reason: 'Patient im Krankenhaus' }));
          if (waited > 12_000) await pay(c, 'after-deferral', c.openCents);
          break;
        case 'installments': {
          const first = Math.floor(c.openCents / 2);
          await once(c.id, 'plan', () =>
            post(`/claims/${c.id}/installment-agreement`, {
              installments: [
                { dueDate: new Date(now + 6_000).toISOString(), amountCents: first },
                { dueDate: new Date(now + 12_000).toISOString(), amountCents: c.openCents - first },
              ],
            }),
          );
          if (waited > 4_000) await pay(c, 'rate-1', first);
          if (waited > 10_000) await pay(c, 'rate-2', c.openCents);
          break;
        }
        case 'cancelled':
          await once(c.id, 'cancel', () => post(`/claims/${c.id}/cancellation`, { reason: 'Behandlung doppelt abgerechnet' }));
          break;
        case 'never-pays':
          break;
      }
    }
  }

  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    tick()
      .catch((e) => opts.log(`demo patients: ${(e as Error).message}`))
      .finally(() => (busy = false));
  }, 1000);
  return () => clearInterval(timer);
}
