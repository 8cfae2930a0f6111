import type { Db, Tx } from '../../infra/db/prisma';
import type { CreditedLine } from '../../domain/claims/credit-note';
import { newRowId } from '../row-id';

export function creditNoteByRequest(db: Db | Tx, requestId: string) {
  return db.creditNote.findUnique({ where: { requestId } });
}

/** The claim's invoice lines and how much of each earlier credit notes credited. */
export async function creditableLines(tx: Tx, claimId: string) {
  const lines = await tx.claimLine.findMany({ where: { claimId }, select: { lineNo: true, amountCents: true, text: true, code: true }, orderBy: { lineNo: 'asc' } });
  const creditedByLine = new Map<number, number>();
  for (const note of await tx.creditNote.findMany({ where: { claimId }, select: { lines: true } }))
    for (const l of note.lines as unknown as CreditedLine[]) creditedByLine.set(l.lineNo, (creditedByLine.get(l.lineNo) ?? 0) + l.amountCents);
  return { lines, creditedByLine };
}

export function insertCreditNote(tx: Tx, n: { requestId: string; claimId: string; amountCents: number; lines: CreditedLine[]; reason: string; actor: string }) {
  return tx.creditNote.create({ data: { id: newRowId(), ...n, lines: n.lines as unknown as object[] } });
}

/** What the claim's credit notes before this one credited. */
export async function creditedBefore(db: Db, claimId: string, noteId: string): Promise<number> {
  const note = await db.creditNote.findUniqueOrThrow({ where: { id: noteId }, select: { number: true } });
  return (await db.creditNote.aggregate({ where: { claimId, number: { lt: note.number } }, _sum: { amountCents: true } }))._sum.amountCents ?? 0;
}
