import { claimNumbersNamedBy } from '../../domain/matching/named-claims';
import { nearMisses } from '../../domain/matching/near-miss';
import { DEFAULT_MATCHING_POLICY } from '../../domain/matching/matching-policy';
import { formatInvoiceNumber } from '../../domain/invoice-number';
import { credit } from './matching-fixtures';

/** What the store loads before the matcher runs: every claim number the matcher will look up. */
describe('the claim numbers a statement names', () => {
  const [a, b, c] = [formatInvoiceNumber(200001), formatInvoiceNumber(200002), formatInvoiceNumber(200003)];
  const slip = `${c.slice(2, 5)}${(Number(c[5]) + 1) % 10}${c.slice(6)}`;

  it('takes valid numbers from the text and the end-to-end id, and the numbers a slip is one typing error from', () => {
    const named = claimNumbersNamedBy(
      [credit(1000, `Rechnung ${a.slice(2, 6)} ${a.slice(6)}`), credit(1000, 'Danke', { endToEndId: b }), credit(1000, `RE${slip}`)],
      DEFAULT_MATCHING_POLICY,
    );
    expect(named).toEqual(new Set([a, b, ...nearMisses(slip).map((m) => m.number)]));
    expect(named).toContain(c);
  });

  it('ignores lines the matcher does not look claims up for (debits, charges, returns)', () => {
    const lines = [credit(-1000, a, { kind: 'DEBIT' }), credit(-500, b, { kind: 'CHARGE' }), credit(-1000, `RUECKLASTSCHRIFT ${c}`, { kind: 'RETURN' })];
    expect(claimNumbersNamedBy(lines, DEFAULT_MATCHING_POLICY).size).toBe(0);
  });
});
