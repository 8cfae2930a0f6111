import { v7 } from 'uuid';

/**
 * Ids of rows written in bulk (ledger entries and postings, payments, bank lines and allocations):
 * time-ordered UUIDs (v7). A batch's primary-key entries, and those of the indexes on columns that
 * hold such ids (a posting's transaction, an allocation's line), then land at the right edge of
 * each btree, on pages in memory, instead of on random pages of indexes larger than the cache.
 */
export function newRowId(): string {
  return v7();
}
