import type { IntakeRecord, ParsedRecord, RecordError } from './types';
import { priceRecord, type PricedLine } from '../goae/validate-record';
import { DEFAULT_GOAE_POLICY, type GoaePolicy } from '../goae/policy';
import { compareStatedAmounts, type StatedDifferences } from './stated-amounts';

/** What becomes of one record of a billing file. */
export type RecordOutcome =
  | { kind: 'rejected'; recordNo: number; externalId?: string; errors: RecordError[]; raw: unknown }
  /** The case was submitted before: as a claim (claimId) or earlier in this same file. */
  | { kind: 'duplicate'; recordNo: number; externalId: string; claimId?: string; reason: string }
  /** warnings: what the receipt says about an accepted case, e.g. a stated amount a cent off. */
  | { kind: 'accepted'; record: IntakeRecord; lines: PricedLine[]; totalCents: number; warnings: RecordError[] };

/** The cases submitted before a record: the client's claims by externalId, this file's records by externalId. */
export interface EarlierCases {
  claims: Map<string, string>;
  recordsOfFile: Map<string, number>;
}

/**
 * Judges one parsed record: rejected (unreadable or unpriceable), a duplicate of an earlier case, or
 * accepted and priced. invoiceTotal: what the check of its invoice's stated total across several
 * cases found for it (invoiceTotalDifferences).
 */
export function recordOutcome(r: ParsedRecord, earlier: EarlierCases, fileName: string, policy: GoaePolicy = DEFAULT_GOAE_POLICY, invoiceTotal?: StatedDifferences): RecordOutcome {
  if (!r.ok) return { kind: 'rejected', recordNo: r.recordNo, externalId: r.externalId, errors: r.errors, raw: null };
  const rec = r.record;
  const earlierClaim = earlier.claims.get(rec.externalId);
  if (earlierClaim) return { kind: 'duplicate', recordNo: rec.recordNo, externalId: rec.externalId, claimId: earlierClaim, reason: `case ${rec.externalId} was already submitted as claim ${earlierClaim}` };
  const earlierRecord = earlier.recordsOfFile.get(rec.externalId);
  if (earlierRecord) return { kind: 'duplicate', recordNo: rec.recordNo, externalId: rec.externalId, reason: `case ${rec.externalId} appears already as record ${earlierRecord} of this file` };
  const priced = priceRecord(rec, fileName, policy);
  if (!priced.ok) return { kind: 'rejected', recordNo: rec.recordNo, externalId: rec.externalId, errors: priced.errors, raw: rec };
  const own = compareStatedAmounts(rec, priced.lines, priced.totalCents, fileName, policy.statedAmountToleranceCents);
  const errors = [...own.errors, ...(invoiceTotal?.errors ?? [])];
  const warnings = [...own.warnings, ...(invoiceTotal?.warnings ?? [])];
  if (errors.length) return { kind: 'rejected', recordNo: rec.recordNo, externalId: rec.externalId, errors: [...errors, ...warnings], raw: rec };
  return { kind: 'accepted', record: rec, lines: priced.lines, totalCents: priced.totalCents, warnings };
}
