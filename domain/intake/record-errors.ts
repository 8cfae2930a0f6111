import type { ParsedBillingFile, RecordError } from './types';

/** Collects the errors of one record so a parser can report all of them at once, not just the first. */
export class RecordErrors {
  readonly list: RecordError[] = [];

  constructor(
    private readonly file: string,
    private readonly record: number,
  ) {}

  add(field: string, reason: string): void {
    this.list.push({ file: this.file, record: this.record, field, reason });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }
}

/** A file-level complaint (record 0): the file as a whole could not be read. */
export function fileError(file: string, field: string, reason: string): RecordError {
  return { file, record: 0, field, reason };
}

/** Every complaint of a parsed file, file-level first, for listing or logging. */
export function allErrors(file: ParsedBillingFile): RecordError[] {
  return [...file.fileErrors, ...file.records.flatMap((r) => (r.ok ? [] : r.errors))];
}
