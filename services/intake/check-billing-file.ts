import { parseBillingFile } from '../../domain/intake/parse-billing-file';
import { recordOutcome } from '../../domain/intake/record-outcome';
import type { RecordError } from '../../domain/intake/types';

export interface CheckedRecord {
  externalId: string | null;
  ok: boolean;
  totalCents: number | null;
  /** The total the file itself states for the record, where its format has one. */
  claimedTotalCents: number | null;
  lines: Array<{ code: string | null; points: number | null; factor: string | null; amountCents: number }>;
  errors: RecordError[];
  warnings: string[];
}

export interface BillingFileCheck {
  kind: 'billing-file';
  fileErrors: RecordError[];
  /** What the receipt would say of the file as a whole, e.g. an encoding the bytes contradict. */
  notices: string[];
  records: CheckedRecord[];
}

/**
 * A dry run of the upload: the file is parsed, validated and priced by the same functions as the
 * intake (parseBillingFile, recordOutcome), and nothing is stored. Duplicates are judged within
 * the file only (the dry run knows no client's earlier claims).
 */
export function checkBillingFile(content: Buffer, fileName: string): BillingFileCheck {
  const parsed = parseBillingFile(content, fileName);
  const recordsOfFile = new Map<string, number>();
  const records = parsed.records.map((r): CheckedRecord => {
    const outcome = recordOutcome(r, { claims: new Map(), recordsOfFile }, fileName);
    if (r.ok && !recordsOfFile.has(r.record.externalId)) recordsOfFile.set(r.record.externalId, r.record.recordNo);
    const externalId = r.ok ? r.record.externalId : (r.externalId ?? null);
    const base = { externalId, claimedTotalCents: (r.ok ? r.record.stated?.totalCents : undefined) ?? null };
    switch (outcome.kind) {
      case 'accepted':
        return {
          ...base,
          ok: true,
          totalCents: outcome.totalCents,
          lines: outcome.lines.map((l) => ({ code: l.code ?? null, points: l.points ?? null, factor: l.factor ?? null, amountCents: l.amountCents })),
          errors: [],
          warnings: outcome.warnings.map((w) => `${w.field}: ${w.reason}`),
        };
      case 'duplicate':
        return { ...base, ok: false, totalCents: null, lines: [], errors: [{ file: fileName, record: outcome.recordNo, field: 'externalId', reason: outcome.reason }], warnings: [] };
      case 'rejected':
        return { ...base, ok: false, totalCents: null, lines: [], errors: outcome.errors, warnings: [] };
    }
  });
  return { kind: 'billing-file', fileErrors: parsed.fileErrors, notices: parsed.notices ?? [], records };
}
