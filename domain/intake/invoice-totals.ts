import { priceRecord } from '../goae/validate-record';
import { DEFAULT_GOAE_POLICY, type GoaePolicy } from '../goae/policy';
import { judgeStatedAmount, type StatedDifferences } from './stated-amounts';
import type { IntakeRecord, ParsedRecord } from './types';
import { formatCents } from './values';

/**
 * The stated total of each invoice that holds several cases (PADneXt aisendbetrag of a rechnung
 * with several abrechnungsfall) against the sum of its cases as the GOÄ prices them. A difference
 * is reported on every case of the invoice (warning within GoaePolicy.statedAmountToleranceCents,
 * error above); when a case could not be read or priced the sum is unknown, and each priced case
 * says the total was not checked and why. Keyed by record number; the whole file is judged at once
 * because an invoice's cases may fall into different persistence chunks.
 */
export function invoiceTotalDifferences(records: ParsedRecord[], fileName: string, policy: GoaePolicy = DEFAULT_GOAE_POLICY): Map<number, StatedDifferences> {
  const invoices = new Map<string, IntakeRecord[]>();
  for (const r of records) {
    const invoice = r.ok ? r.record.stated?.invoice : undefined;
    if (!r.ok || !invoice) continue;
    let cases = invoices.get(invoice.at);
    if (!cases) invoices.set(invoice.at, (cases = []));
    cases.push(r.record);
  }
  const out = new Map<number, StatedDifferences>();
  for (const cases of invoices.values()) {
    const { id, totalCents, cases: count } = cases[0].stated!.invoice!;
    const priced = cases.map((c) => priceRecord(c, fileName, policy));
    const sum = priced.reduce((s, p) => s + (p.ok ? p.totalCents : 0), 0);
    const unpriced = cases.filter((_, i) => !priced[i].ok).map((c) => c.externalId);
    const unread = count - cases.length;
    for (const c of cases) {
      const diffs: StatedDifferences = { warnings: [], errors: [] };
      const at = { file: fileName, record: c.recordNo, field: 'invoiceTotalCents' };
      if (unread || unpriced.length) {
        const why = [unread ? `${unread} of its ${count} cases could not be read` : '', unpriced.length ? `case ${unpriced.join(', ')} could not be priced` : ''].filter(Boolean).join(', ');
        diffs.warnings.push({ ...at, reason: `invoice ${id} states a total of ${formatCents(totalCents)} EUR for its ${count} cases, not checked: ${why}` });
      } else {
        judgeStatedAmount(diffs, at, `total of invoice ${id} (${count} cases: ${cases.map((x) => x.externalId).join(', ')})`, totalCents, sum, policy.statedAmountToleranceCents);
      }
      if (diffs.warnings.length || diffs.errors.length) out.set(c.recordNo, diffs);
    }
  }
  return out;
}
