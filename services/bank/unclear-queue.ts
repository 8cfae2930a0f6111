import type { Db } from '../../infra/db/prisma';
import { unallocatedCents } from '../../domain/bank/unallocated-cents';
import type { MatchDecision, Suggestion } from '../../domain/matching/types';
import { bankLineOf, unclearLinesPage } from '../../persistence/bank/bank-lines';
import { IdPage, nextCursor } from '../../persistence/id-page';
import { loadSystemPolicy } from '../../persistence/policy';
import { matchWithDatabase } from './match-with-database';

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
export async function unclearPage(db: Db, q: IdPage) {
  const rows = await unclearLinesPage(db, q);
  const lines = rows.map(bankLineOf);
  const policy = await loadSystemPolicy(db);
  const decisions = await matchWithDatabase(db, lines, policy.matching);
  return {
    items: rows.map((r, i) => {
      const queued = r.decision as { reasons?: string[]; confidence?: number } | null;
      return {
        lineId: r.id,
        fileId: r.fileId,
        fileName: r.file.fileName,
        source: r.source,
        bookingDate: r.bookingDate,
        amountCents: r.amountCents,
        unallocatedCents: unallocatedCents(r, r.allocations),
        kind: r.kind,
        counterpartyName: r.counterpartyName,
        counterpartyIban: r.counterpartyIban,
        remittance: r.remittance,
        queuedBecause: queued?.reasons ?? [],
        suggestions: suggestionsOf(decisions[i]),
      };
    }),
    next: nextCursor(rows, q),
  };
}
