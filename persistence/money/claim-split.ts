import type { Prisma } from '../../prisma/generated/client';
import type { Levy, Share } from '../../domain/splitting/evaluate-split';
import { audit } from '../audit';
import { lockClaim } from '../ledger';
import { newRowId } from '../row-id';

type Tx = Prisma.TransactionClient;

/** What splitting a claim reads: the claim and its lines, its treating doctor's own client, the submitter's rules. */
export async function splitInputs(tx: Tx, claimId: string) {
  await lockClaim(tx, claimId);
  const claim = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, include: { lines: { orderBy: { lineNo: 'asc' } } } });
  const [doctor, rule, splitBefore] = await Promise.all([
    tx.doctor.findUnique({ where: { submitterId_externalId: { submitterId: claim.clientId, externalId: claim.doctorExternalId } } }),
    tx.splitRule.findUnique({ where: { clientId: claim.clientId } }),
    tx.claimShare.count({ where: { claimId } }),
  ]);
  return { claim, doctor, stages: rule?.stages ?? [], splitBefore: splitBefore > 0 };
}

/** The levy rules of these clients (as stored; the caller validates them). */
export async function levyRulesOf(tx: Tx, clientIds: string[]): Promise<Map<string, unknown>> {
  const rows = await tx.levyRule.findMany({ where: { clientId: { in: clientIds } } });
  return new Map(rows.map((r) => [r.clientId, r.rules]));
}

/**
 * Stores a claim's shares and levies and moves the claim to its treating client (the client whose
 * tariff and policy it then runs under); audited as the system's split.
 */
export async function storeSplit(tx: Tx, claim: { id: string; clientId: string }, treatingClientId: string, shares: Share[], levies: Levy[], doctorExternalId: string): Promise<void> {
  await tx.claimShare.createMany({
    data: shares.map((s) => ({ id: newRowId(), claimId: claim.id, stage: s.stage, clientId: s.clientId, amountCents: s.amountCents, rule: s.rule, lines: s.lines as unknown as Prisma.InputJsonValue })),
  });
  await tx.claimLevy.createMany({
    data: levies.map((l) => ({ id: newRowId(), claimId: claim.id, clientId: l.clientId, recipientId: l.recipientId, ruleIndex: l.ruleIndex, amountCents: l.amountCents, rule: l.rule, lines: l.lines as unknown as Prisma.InputJsonValue })),
  });
  const moved = treatingClientId !== claim.clientId;
  if (moved) await tx.claim.update({ where: { id: claim.id }, data: { clientId: treatingClientId } });
  if (moved || shares.length > 1) {
    const split = { from: claim.clientId, to: treatingClientId, doctor: doctorExternalId, ...(shares.length > 1 ? { shares: shares.map((s) => ({ clientId: s.clientId, amountCents: s.amountCents })) } : {}) };
    await audit(tx, 'system', 'split', 'claim', claim.id, split);
  }
}

/** A claim's shares and levies, as the claim's view shows them. */
export async function claimSplit(db: Tx, claimId: string) {
  const [shares, levies] = await Promise.all([
    db.claimShare.findMany({ where: { claimId }, orderBy: { stage: 'asc' }, select: { stage: true, clientId: true, amountCents: true, rule: true, lines: true } }),
    db.claimLevy.findMany({ where: { claimId }, orderBy: [{ clientId: 'asc' }, { ruleIndex: 'asc' }], select: { clientId: true, recipientId: true, amountCents: true, rule: true, lines: true, recipient: { select: { name: true } } } }),
  ]);
  return { shares, levies: levies.map(({ recipient, ...l }) => ({ ...l, recipientName: recipient.name })) };
}
