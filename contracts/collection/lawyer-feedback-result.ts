/** How one feedback file was read: its status and what became of its lines. */
export interface LawyerFileSummary {
  fileId: string;
  status: 'PROCESSED' | 'QUARANTINED';
  /** Reports taken from this file now or on an earlier read. */
  reports: number;
  /** Lines whose id the lawyer had used before (another file, or this one read again): skipped. */
  duplicates: number;
  /** Lines (or the whole file) quarantined. */
  problems: number;
}

/** One outbox file of one run of the feedback Schedule. */
export type LawyerFeedbackResult = { lawyerId: string; name: string } & ({ summary: LawyerFileSummary; archivedTo: string } | { error: string });
