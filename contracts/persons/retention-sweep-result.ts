/** What one run of the retention sweep did (the workflow's result, in the Temporal UI). */
export interface RetentionSweepResult {
  anonymisedPersons: number;
  erasedDocuments: number;
}
