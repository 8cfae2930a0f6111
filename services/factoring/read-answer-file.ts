import type { Db } from '../../infra/db/prisma';
import type { FactorFileSummary } from '../../contracts/factoring/factor-run';
import type { FileProblem } from '../../domain/exchange-csv';
import { parseFactorAnswers } from '../../domain/factoring/factor-answer-file';
import { audit } from '../../persistence/audit';
import { factorFile, markFactorFile, quarantineFactorProblems } from '../../persistence/factoring/factor-files';
import { answersOfFile } from '../../persistence/factoring/factor-sales';
import { FACTORING_ACTOR } from './sale-run';
import { takeFactorAnswer } from './take-factor-answer';

/**
 * Reads a stored answer file: every good line is taken in its own transaction, every bad line (and
 * an answer that cannot be taken) quarantined with file, line and reason; a file that cannot be
 * trusted as a whole is quarantined whole. Safe to repeat: a file read before is not read again,
 * and a line taken before is skipped by its id.
 */
export async function readAnswerFile(db: Db, fileId: string): Promise<FactorFileSummary> {
  const file = await factorFile(db, fileId);
  if (file.status === 'RECEIVED') {
    const parsed = parseFactorAnswers(file.fileName, Buffer.from(file.content));
    const problems: FileProblem[] = parsed.ok ? [...parsed.problems] : [parsed.problem];
    for (const { line, raw, answer } of parsed.ok ? parsed.answers : []) {
      const taken = await takeFactorAnswer(db, answer, { factorId: file.factorId, fileId, line, actor: FACTORING_ACTOR });
      if (taken.status === 'refused') problems.push({ file: file.fileName, line, field: taken.field, reason: taken.reason, raw });
    }
    await quarantineFactorProblems(db, file.factorId, fileId, problems);
    const counts = { answerCount: await answersOfFile(db, fileId), problemCount: problems.length };
    await markFactorFile(db, fileId, parsed.ok ? 'PROCESSED' : 'QUARANTINED', counts);
    await audit(db, FACTORING_ACTOR, parsed.ok ? 'read' : 'quarantine', 'factor-file', fileId, counts);
  }
  const done = await factorFile(db, fileId);
  return { fileId, status: done.status === 'QUARANTINED' ? 'QUARANTINED' : 'PROCESSED', answers: done.answerCount, problems: done.problemCount };
}
