import { randomUUID } from 'node:crypto';
import type { Db } from '../../infra/db/prisma';
import { recordPayment } from '../../persistence/payments';
import { claimLifecycle } from '../../services/claims/claim-lifecycle';

/** Consultation and examination (section B), two lab codes (M), an X-ray (O): 49.41 EUR. */
export const GOAE_LINES = [
  { code: '1', amountCents: 1072 },
  { code: '5', amountCents: 1072 },
  { code: '3501', amountCents: 349 },
  { code: '3502', amountCents: 699 },
  { code: '5000', amountCents: 1749 },
];

/** A claim of the client over GOAE_LINES, stored as intake would (before its split). */
export async function goaeClaim(db: Db, clientId: string, doctorExternalId = 'ARZT-1'): Promise<string> {
  const id = `SPL-${randomUUID().slice(0, 8)}`;
  const person = await db.person.create({ data: { id: randomUUID(), firstName: 'Erika', lastName: 'Muster', street: 'Weg 1', postalCode: '50667', city: 'Köln' } });
  await db.claim.create({
    data: {
      id, clientId, externalId: id, doctorExternalId, doctorName: 'Dr. med. Beispiel', patientId: person.id, responsibleId: person.id, treatmentFrom: '2026-11-02', treatmentTo: '2026-11-02', totalCents: 4941,
      lines: { create: GOAE_LINES.map((l, i) => ({ id: randomUUID(), lineNo: i + 1, kind: 'goae', code: l.code, text: `GOÄ ${l.code}`, date: '2026-11-02', count: 1, amountCents: l.amountCents })) },
    },
  });
  return id;
}

/** A GOAE_LINES claim of the client paid in full (49.41 EUR) and released to the payout run (its levies taken first), through the claim's bookkeeping steps. */
export async function paidAndReleasedClaim(db: Db, clientId: string): Promise<string> {
  const steps = claimLifecycle(db);
  const id = await goaeClaim(db, clientId);
  await steps.split(id);
  await steps.recognise(id);
  await recordPayment(db, { idempotencyKey: `pay-${id}`, claimId: id, amountCents: 4941, receivedAt: new Date(), source: 'test', actor: 'test' });
  await steps.payOut(id, 'final');
  return id;
}
