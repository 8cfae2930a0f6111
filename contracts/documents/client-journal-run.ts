import type { JournalPeriod } from '../../domain/documents/journal-period';

export interface ClientJournalRunInput {
  /** Default: the previous calendar month (UTC) from the workflow's start time. */
  period?: JournalPeriod;
  /** Where a continued run resumes (the last client id done). */
  afterClientId?: string;
  /** Journals sent by the runs this one continues. */
  sentSoFar?: number;
}

export interface ClientJournalRunResult {
  period: JournalPeriod;
  journalsSent: number;
}
