import type { Prisma } from '../../prisma/generated/client';
import type { LevyRuleSpec } from '../../domain/splitting/levy-rules';
import type { LevyRecipientInput } from '../../domain/splitting/levy-recipient';
import type { SplitStages } from '../../domain/splitting/split-rules';
import { audit } from '../audit';
import { newRowId } from '../row-id';

type Tx = Prisma.TransactionClient;

export async function splitStagesOf(db: Tx, clientId: string): Promise<unknown> {
  return (await db.splitRule.findUnique({ where: { clientId } }))?.stages ?? [];
}

export async function saveSplitStages(tx: Tx, clientId: string, stages: SplitStages, actor: string): Promise<void> {
  const json = stages as unknown as Prisma.InputJsonValue;
  await tx.splitRule.upsert({ where: { clientId }, create: { clientId, stages: json }, update: { stages: json } });
  await audit(tx, actor, 'split-rules', 'client', clientId, { stages });
}

export async function levyRulesOfClient(db: Tx, clientId: string): Promise<unknown> {
  return (await db.levyRule.findUnique({ where: { clientId } }))?.rules ?? [];
}

export async function saveLevyRules(tx: Tx, clientId: string, rules: LevyRuleSpec[], actor: string): Promise<void> {
  const json = rules as unknown as Prisma.InputJsonValue;
  await tx.levyRule.upsert({ where: { clientId }, create: { clientId, rules: json }, update: { rules: json } });
  await audit(tx, actor, 'levy-rules', 'client', clientId, { rules });
}

/** The ids among `ids` that name no client (for a rule's recipients). */
export async function unknownClients(db: Tx, ids: string[]): Promise<string[]> {
  const found = new Set((await db.client.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((c) => c.id));
  return ids.filter((id) => !found.has(id));
}

/** The ids among `ids` that name no levy recipient. */
export async function unknownRecipients(db: Tx, ids: string[]): Promise<string[]> {
  const found = new Set((await db.levyRecipient.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((r) => r.id));
  return ids.filter((id) => !found.has(id));
}

export function levyRecipients(db: Tx) {
  return db.levyRecipient.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }], select: { id: true, name: true, iban: true, bic: true } });
}

export async function createLevyRecipient(tx: Tx, input: LevyRecipientInput, actor: string) {
  const row = await tx.levyRecipient.create({ data: { id: newRowId(), name: input.name, iban: input.iban, bic: input.bic ?? null }, select: { id: true, name: true, iban: true, bic: true } });
  await audit(tx, actor, 'create', 'levy-recipient', row.id, input);
  return row;
}
