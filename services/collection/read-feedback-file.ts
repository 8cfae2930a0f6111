import type { Client } from '@temporalio/client';
import type { Db } from '../../infra/db/prisma';
import { lawyerReport } from '../../contracts/claims/claim-messages';
import { signalClaim } from '../../contracts/client/claim-handle';
import type { LawyerFileSummary } from '../../contracts/collection/lawyer-feedback-result';
import { parseLawyerFeedback } from '../../domain/collection/lawyer-feedback-file';
import type { FileProblem } from '../../domain/exchange-csv';
import { audit } from '../../persistence/audit';
import { feedbackFile, markFeedbackFile, quarantineProblems } from '../../persistence/collection/feedback-files';
import { reportsOfFile } from '../../persistence/collection/lawyer-reports';
import { FEEDBACK_ACTOR } from './lawyer-outbox';
import { movesLimitation, takeLawyerReport } from './take-lawyer-report';

/**
 * Reads a stored feedback file: every good line's report is taken (booked and stored, each in its
 * own transaction), every bad line (and a report on a claim not with a lawyer) is quarantined with
 * file, line and reason; a file that cannot be trusted as a whole is quarantined whole. Then each
 * report's claim is told. Safe to repeat: a file read before is not read again, a line taken before
 * is skipped by its id, and the claims are told again (they ignore a report they know).
 */
export async function readFeedbackFile(db: Db, temporal: Client, fileId: string, limitationMoved: (claimId: string) => Promise<unknown>): Promise<LawyerFileSummary> {
  const file = await feedbackFile(db, fileId);
  if (file.status === 'RECEIVED') {
    const parsed = parseLawyerFeedback(file.fileName, Buffer.from(file.content));
    const problems: FileProblem[] = parsed.ok ? [...parsed.problems] : [parsed.problem];
    for (const { line, raw, report } of parsed.ok ? parsed.reports : []) {
      const taken = await takeLawyerReport(db, report, { lawyerId: file.lawyerId, fileId, line, actor: FEEDBACK_ACTOR });
      if (taken.status === 'refused') problems.push({ file: file.fileName, line, field: taken.field, reason: taken.reason, raw });
      else if (taken.status === 'taken' && movesLimitation(report)) await limitationMoved(taken.claimId);
    }
    await quarantineProblems(db, file.lawyerId, fileId, problems);
    const taken = (await reportsOfFile(db, fileId)).length;
    // A retried read finds its own earlier lines taken: they are this file's reports, not duplicates.
    const counts = { reportCount: taken, duplicateCount: parsed.ok ? parsed.reports.length - taken - (problems.length - parsed.problems.length) : 0, problemCount: problems.length };
    await markFeedbackFile(db, fileId, parsed.ok ? 'PROCESSED' : 'QUARANTINED', counts);
    await audit(db, FEEDBACK_ACTOR, parsed.ok ? 'read' : 'quarantine', 'lawyer-file', fileId, counts);
  }
  const reports = await reportsOfFile(db, fileId);
  for (const r of reports) await signalClaim(temporal, r.report.claimId, lawyerReport, { ...r.report, reportId: r.id });
  const done = await feedbackFile(db, fileId);
  return { fileId, status: done.status === 'QUARANTINED' ? 'QUARANTINED' : 'PROCESSED', reports: done.reportCount, duplicates: done.duplicateCount, problems: done.problemCount };
}
