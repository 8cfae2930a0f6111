/** What a limitation sweep found: claims looked at, found past their date, and those no workflow watches. */
export interface LimitationSweepResult {
  checked: number;
  passed: string[];
  unwatched: string[];
}
