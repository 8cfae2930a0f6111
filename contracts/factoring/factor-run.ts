/** What a run to the refinancing factors did: per factor, the sale file and what its answers booked. */
export interface FactorSaleResult {
  factorId: string;
  runId: string;
  fileName: string;
  claims: number;
  openCents: number;
  /** False when an earlier attempt had put the file there already. */
  uploaded: boolean;
}

/** How one answer file was read. */
export interface FactorFileSummary {
  fileId: string;
  status: 'PROCESSED' | 'QUARANTINED';
  /** Answers taken from this file, now or on an earlier read. */
  answers: number;
  /** Lines (or the whole file) quarantined. */
  problems: number;
}

export type FactorAnswerResult = { factorId: string; name: string } & ({ summary: FactorFileSummary; archivedTo: string } | { error: string });

export interface FactorRunInput {
  /** Names the run (and its files); the Schedule's runs use their workflow id. */
  runKey?: string;
  /** Only this factor (staff's run); else every active factor. */
  factorId?: string;
}

export interface FactorRunResult {
  sales: FactorSaleResult[];
  answers: FactorAnswerResult[];
}
