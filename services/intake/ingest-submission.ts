import { parseBillingFile } from '../../domain/intake/parse-billing-file';
import { recordOutcome, type RecordOutcome } from '../../domain/intake/record-outcome';
import type { Db } from '../../infra/db/prisma';
import { readSubmissionContent } from '../../persistence/intake/submission-content';
import { persistChunk, type PersistedClaim } from '../../persistence/intake/persist-chunk';
import { acceptedTotalCents, markSubmissionProcessed, markSubmissionRejected, submissionById, submissionCounts, submissionRecordCounts } from '../../persistence/intake/submissions';
import { fileNotices } from '../../domain/intake/file-notices';
import { invoiceTotalDifferences } from '../../domain/intake/invoice-totals';
import { DEFAULT_GOAE_POLICY } from '../../domain/goae/policy';
import { storedRecordNos } from '../../persistence/intake/submission-records';
import { claimsByExternalId } from '../../persistence/intake/submission-claims';
import type { IntakeCounts } from '../../contracts/intake/billing-file-result';

/** Records are persisted in chunks: one transaction each, so a retry resumes after the last one. */
const CHUNK = 500;

/** One chunk committed: how many of the file's records are done, and the claims it created. */
export interface PersistedChunk {
  recordsDone: number;
  claims: PersistedClaim[];
}

/**
 * Parses, validates, prices and persists a billing file record by record; every record's outcome
 * is stored. Resumable: records already stored (an earlier attempt) are skipped. onChunk hears of
 * each committed chunk, so its claims can be started while the next chunk is persisted.
 */
export async function ingestSubmission(db: Db, submissionId: string, onChunk: (chunk: PersistedChunk) => void = () => undefined, chunkSize = CHUNK): Promise<IntakeCounts> {
  const sub = await submissionById(db, submissionId);
  if (sub.status === 'RECEIVED') {
    const { content, orderContent } = await readSubmissionContent(db, submissionId);
    const order = orderContent && sub.orderFileName !== null ? { name: sub.orderFileName, content: orderContent } : undefined;
    const parsed = parseBillingFile(content, sub.fileName, order);
    if (parsed.fileErrors.length > 0) {
      await markSubmissionRejected(db, submissionId, parsed.fileErrors);
    } else {
      const done = await storedRecordNos(db, submissionId);
      const todo = parsed.records.filter((r) => !done.has(r.ok ? r.record.recordNo : r.recordNo));
      const recordsOfFile = new Map<string, number>();
      const invoiceTotals = invoiceTotalDifferences(parsed.records, sub.fileName);
      // One chunk is written while the next is priced: PostgreSQL and Node work at the same time.
      let writing: Promise<void> = Promise.resolve();
      for (let i = 0; i < todo.length; i += chunkSize) {
        const chunk = todo.slice(i, i + chunkSize);
        const earlierClaims = await claimsByExternalId(db, sub.clientId, chunk.flatMap((r) => (r.ok ? [r.record.externalId] : [])));
        const outcomes: RecordOutcome[] = chunk.map((r) => {
          const outcome = recordOutcome(r, { claims: earlierClaims, recordsOfFile }, sub.fileName, DEFAULT_GOAE_POLICY, invoiceTotals.get(r.ok ? r.record.recordNo : r.recordNo));
          if (outcome.kind === 'accepted') recordsOfFile.set(outcome.record.externalId, outcome.record.recordNo);
          return outcome;
        });
        await writing;
        writing = persistChunk(db, submissionId, sub.clientId, sub.fileName, outcomes).then((claims) => onChunk({ recordsDone: i + chunk.length, claims }));
        // Awaited at the next chunk or below; until then a failure must not count as unhandled.
        writing.catch(() => undefined);
      }
      await writing;
      const counts = await submissionRecordCounts(db, submissionId);
      const notices = fileNotices(parsed, await acceptedTotalCents(db, submissionId), counts.rejected + counts.duplicates);
      await markSubmissionProcessed(db, submissionId, notices);
    }
  }
  return submissionCounts(db, submissionId);
}
