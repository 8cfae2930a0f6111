import { readBillingDelivery, type BillingDelivery, type DeliveryFile } from '../../domain/intake/billing-delivery';
import { parseBillingFile } from '../../domain/intake/parse-billing-file';
import { invoiceTotalDifferences } from '../../domain/intake/invoice-totals';
import { DEFAULT_GOAE_POLICY } from '../../domain/goae/policy';
import { fileError } from '../../domain/intake/record-errors';
import type { ZipLimits } from '../../domain/zip-entries';
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
  /** What the receipt would say of the file as a whole, e.g. an encoding the bytes contradict ("field: reason"). */
  notices: string[];
  records: CheckedRecord[];
}

/**
 * A dry run of the upload: the files are taken as one delivery (a billing file with its order
 * file, or a ZIP of both) as the upload takes them (readBillingDelivery), and nothing is stored.
 */
export async function checkBillingDelivery(files: DeliveryFile[], limits: ZipLimits): Promise<BillingFileCheck> {
  const reading = await readBillingDelivery(files, limits);
  if (reading.ok) return checkBillingFile(reading.delivery);
  return { kind: 'billing-file', fileErrors: [fileError(reading.location, 'delivery', reading.reason)], notices: [], records: [] };
}

/**
 * The delivery is parsed, validated and priced by the same functions as the intake
 * (parseBillingFile, recordOutcome). Duplicates are judged within the file only (the dry run
 * knows no client's earlier claims).
 */
export function checkBillingFile({ billing, order }: BillingDelivery): BillingFileCheck {
  const fileName = billing.name;
  const parsed = parseBillingFile(billing.content, fileName, order);
  const recordsOfFile = new Map<string, number>();
  const invoiceTotals = invoiceTotalDifferences(parsed.records, fileName);
  const records = parsed.records.map((r): CheckedRecord => {
    const outcome = recordOutcome(r, { claims: new Map(), recordsOfFile }, fileName, DEFAULT_GOAE_POLICY, invoiceTotals.get(r.ok ? r.record.recordNo : r.recordNo));
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
  return { kind: 'billing-file', fileErrors: parsed.fileErrors, notices: (parsed.notices ?? []).map((n) => `${n.field}: ${n.reason}`), records };
}
