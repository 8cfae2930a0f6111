import type { Db } from '../../infra/db/prisma';
import type { BankLine as BankLineRow } from '../../prisma/generated/client';
import type { BankLine, BankLineKind } from '../../domain/bank/bank-line';
import { matchLines } from '../../domain/matching/match-lines';
import type { MatchDecision, Suggestion } from '../../domain/matching/types';
import { loadSystemPolicy } from '../../persistence/bank/system-policy';
import { matchWithDatabase } from './match-with-database';

/** The domain model of a stored line (what the matcher reads). */
export function bankLineOf(r: BankLineRow): BankLine {
  return {
    accountId: r.accountId,
    bookingDate: r.bookingDate,
    valueDate: r.valueDate ?? undefined,
    amountCents: r.amountCents,
    currency: r.currency,
    original: r.originalAmountCents !== null && r.originalCurrency ? { amountCents: r.originalAmountCents, currency: r.originalCurrency } : undefined,
    kind: r.kind as BankLineKind,
    entryRef: r.entryRef ?? undefined,
    endToEndId: r.endToEndId ?? undefined,
    counterpartyName: r.counterpartyName ?? undefined,
    counterpartyIban: r.counterpartyIban ?? undefined,
    remittance: r.remittance,
    bankCode: r.bankCode ?? undefined,
    returnReason: r.returnReason ?? undefined,
    source: r.source,
  };
}

/** A confident decision made now (say, the claim arrived after the statement) is the first suggestion. */
function suggestionsOf(d: MatchDecision): Suggestion[] {
  const top = d.action === 'BOOK' ? [{ allocations: d.allocations, confidence: d.confidence, reasons: d.reasons }] : [];
  return [...top, ...d.suggestions].sort((a, b) => b.confidence - a.confidence);
}

/**
 * A page of the unclear-payments queue (stable order, cursor = last line id). Suggestions are made afresh against the
 * claims as they are now (what was open at import may be paid since); why the line was queued
 * comes from the import's decision.
 */
export async function unclearPage(db: Db, q: { limit: number; after?: string }) {
  const rows = await db.bankLine.findMany({
    where: { status: 'UNCLEAR', ...(q.after ? { id: { gt: q.after } } : {}) },
    orderBy: { id: 'asc' },
    take: q.limit,
    include: { allocations: true, file: { select: { fileName: true } } },
  });
  const lines = rows.map(bankLineOf);
  const policy = await loadSystemPolicy(db);
  const decisions = await matchWithDatabase(db, lines, (ctx) => matchLines(lines, ctx, policy.matching));
  return {
    items: rows.map((r, i) => {
      const allocated = r.allocations.filter((a) => !a.reversedAt && a.kind !== 'REVERSAL').reduce((s, a) => s + a.amountCents, 0);
      const queued = r.decision as { reasons?: string[]; confidence?: number } | null;
      return {
        lineId: r.id,
        fileId: r.fileId,
        fileName: r.file.fileName,
        source: r.source,
        bookingDate: r.bookingDate,
        amountCents: r.amountCents,
        unallocatedCents: r.amountCents - allocated,
        kind: r.kind,
        counterpartyName: r.counterpartyName,
        counterpartyIban: r.counterpartyIban,
        remittance: r.remittance,
        queuedBecause: queued?.reasons ?? [],
        suggestions: suggestionsOf(decisions[i]),
      };
    }),
    next: rows.length === q.limit ? rows[rows.length - 1].id : null,
  };
}
