import { randomUUID } from 'node:crypto';
import { camt053, Entry } from '../../bench/gen/camt053-writer';
import { formatEuro } from '../../domain/format';
import type { Db } from '../../infra/db/prisma';

/** The centre's account in the demo statement. */
const CENTRE_IBAN = 'DE89370400440532013000';

/** How patients write the invoice number in the remittance text: clean, spaced, lower case, without prefix. */
const NOISE: Array<(id: string, name: string) => string> = [
  (id) => `Rechnung ${id}`,
  (id, name) => `${name} RE ${id.slice(2, 6)} ${id.slice(6, 10)} ${id.slice(10)}`,
  (id) => `rg.nr. ${id.toLowerCase()} vielen dank`,
  (id) => `Arztrechnung ${id.slice(2)}`,
];

/** A German IBAN for a demo payer (valid check digits, account number from the claim's position). */
function payerIban(i: number): string {
  const bban = `37040044${String(5_320_000_000 + i).padStart(10, '0')}`;
  return `DE${String(98n - (BigInt(`${bban}131400`) % 97n)).padStart(2, '0')}${bban}`;
}

/**
 * The demo's bank: every few seconds, the claims among `claimIds` whose invoices went out since
 * the last statement are paid by a CAMT.053 statement (remittance texts with the noise real ones
 * have, and a bank charge), uploaded to the bank-statement route as a bank would deliver it; each
 * import summary is printed. Returns a function that stops it.
 */
export function payByBankStatements(opts: { api: string; authorization: string; db: Db; claimIds: string[]; log: (l: string) => void }): () => void {
  const pending = new Set(opts.claimIds);
  let busy = false;
  const timer = setInterval(() => {
    if (busy || pending.size === 0) return;
    busy = true;
    statementFor(opts, pending)
      .catch((e) => opts.log(`demo bank statement: ${(e as Error).message}`))
      .finally(() => (busy = false));
  }, 3000);
  return () => clearInterval(timer);
}

async function statementFor(opts: { api: string; authorization: string; db: Db; log: (l: string) => void }, pending: Set<string>): Promise<void> {
  const claims = await opts.db.claim.findMany({ where: { id: { in: [...pending] }, stage: 'WAITING' }, include: { responsible: true }, orderBy: { id: 'asc' } });
  if (claims.length === 0) return;
  for (const c of claims) pending.delete(c.id);
  const entries: Entry[] = claims.map((c, i) => {
    const name = `${c.responsible.firstName} ${c.responsible.lastName}`;
    return { amountCents: c.totalCents, ref: `DEMO-${randomUUID().slice(0, 12)}`, endToEndId: `E2E-${c.id}`, name, iban: payerIban(i), remittance: NOISE[i % NOISE.length](c.id, name) };
  });
  entries.push({ amountCents: -990, ref: `DEMO-${randomUUID().slice(0, 12)}`, family: 'CCRD', subFamily: 'CHRG', remittance: 'Kontoführungsentgelt' });
  const file = camt053([{ iban: CENTRE_IBAN, id: `DEMO-${Date.now()}`, openingCents: 25_000_00, date: new Date().toISOString().slice(0, 10), entries }]);
  const res = await fetch(`${opts.api}/bank-statements?fileName=kontoauszug-${Date.now()}.xml`, { method: 'POST', headers: { 'content-type': 'application/xml', authorization: opts.authorization }, body: file });
  const s = (await res.json()) as { lines: number; matched: number; queued: number; ignored: number; fileId: string; error?: { message: string } };
  if (!res.ok) {
    opts.log(`bank statement rejected: ${s.error?.message}`);
    return;
  }
  const total = claims.reduce((sum, c) => sum + c.totalCents, 0);
  opts.log(`bank statement (CAMT.053, ${formatEuro(total)} received): ${s.lines} lines, ${s.matched} booked automatically, ${s.queued} to the unclear-payments queue, ${s.ignored} bank charge: ${opts.api}/bank-statements/${s.fileId}`);
}
