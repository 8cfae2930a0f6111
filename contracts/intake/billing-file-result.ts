/** The billing-file workflow's input: the stored upload. */
export interface BillingFileInput {
  submissionId: string;
}

/** What became of a billing file's records. */
export interface IntakeCounts {
  accepted: number;
  rejected: number;
  duplicates: number;
}

export interface BillingFileResult extends IntakeCounts {
  /** Claim workflows running for the file's accepted records. */
  started: number;
}
