import type { Db } from '../infra/db/prisma';
import type { ClaimLetterData } from '../documents/claim-letters';
import { openCents } from '../domain/ledger/claim-balance';
import { claimBalance } from './ledger';

function fullName(p: { title: string | null; firstName: string; lastName: string }): string {
  return [p.title, p.firstName, p.lastName].filter(Boolean).join(' ');
}

/** A claim with what its letters need, and where to send them. */
export async function loadClaimForLetter(db: Db, claimId: string, centreName: string) {
  const claim = await db.claim.findUniqueOrThrow({
    where: { id: claimId },
    include: { lines: { orderBy: { lineNo: 'asc' } }, patient: true, responsible: true, client: true },
  });
  const balance = await claimBalance(db, claimId);
  const data: ClaimLetterData = {
    invoiceNumber: claim.id,
    centreName,
    clientName: claim.client.name,
    recipientName: fullName(claim.responsible),
    patientName: fullName(claim.patient),
    treatmentFrom: claim.treatmentFrom,
    treatmentTo: claim.treatmentTo,
    lines: claim.lines.map((l) => ({
      date: l.date,
      code: l.code,
      text: l.text,
      factor: l.factor?.toString() ?? null,
      count: l.count,
      amountCents: l.amountCents,
    })),
    totalCents: claim.totalCents,
    openCents: openCents(balance),
    dueDate: claim.dueDate?.toISOString(),
  };
  const r = claim.responsible;
  return {
    claim,
    data,
    email: r.email,
    postalRecipient: `${fullName(r)}, ${r.street}, ${r.postalCode} ${r.city}`,
  };
}
