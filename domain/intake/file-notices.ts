import type { ParsedBillingFile, RecordError } from './types';
import { fileError } from './record-errors';
import { formatCents } from './values';

/**
 * What the receipt says about a file that was read: how its bytes were decoded when they
 * contradicted the declaration, what its order file recorded (an encryption undone before the
 * upload), and a stated file total (CSV trailer) that differs from the total
 * of the accepted cases, with both amounts.
 */
export function fileNotices(parsed: ParsedBillingFile, acceptedTotalCents: number, notAccepted: number): RecordError[] {
  const out = (parsed.notices ?? []).map((n) => fileError(parsed.fileName, n.field, n.reason));
  const stated = parsed.statedTotalCents;
  if (stated !== undefined && stated !== acceptedTotalCents) {
    const why = notAccepted ? ` (${notAccepted} cases were not accepted and are not in that total)` : '';
    out.push(fileError(parsed.fileName, 'trailer', `the trailer states a total of ${formatCents(stated)} EUR, the accepted cases come to ${formatCents(acceptedTotalCents)} EUR${why}`));
  }
  return out;
}
