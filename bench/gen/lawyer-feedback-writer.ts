import { stringify } from 'csv-stringify/sync';
import { FEEDBACK_COLUMNS, REPORT_CODES, UNCOLLECTABLE_CODES } from '../../domain/collection/lawyer-feedback-file';
import type { LawyerReport } from '../../domain/collection/lawyer-report';
import { formatDate } from '../../domain/format';

const codeOf = (map: Record<string, string>, value: string) => Object.keys(map).find((k) => map[k] === value)!;
const euros = (cents: number) => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;

/**
 * Writes reports as a lawyer's feedback file (docs/lawyer-exchange.md), as law-firm software
 * exports it: for benchmarks, and to check that the reader takes back what was written.
 */
export function lawyerFeedbackFile(reports: LawyerReport[]): Buffer {
  const rows = reports.map((r) => [
    r.lineId,
    r.claimId,
    r.lawyerRef ?? '',
    codeOf(REPORT_CODES, r.kind),
    formatDate(r.date),
    r.kind === 'collected' || r.kind === 'costs' ? euros(r.amountCents) : '',
    r.kind === 'uncollectable' ? codeOf(UNCOLLECTABLE_CODES, r.reason) : r.kind === 'returned' ? (r.note ?? '') : '',
    r.kind === 'installment_plan' ? r.installments.map((i) => `${formatDate(i.dueDate)}=${euros(i.amountCents)}`).join('|') : '',
  ]);
  const csv = stringify([Object.values(FEEDBACK_COLUMNS), ...rows, ['ENDE', String(rows.length)]], { delimiter: ';', record_delimiter: '\r\n' });
  return Buffer.from(csv, 'utf8');
}
