import { formatInvoiceNumber } from '../../domain/invoice-number';
import { isValidIban } from '../../domain/bank/iban';
import { claim, credit, decide, decideOne, IBAN_MUELLER, IBAN_SCHMIDT } from './matching-fixtures';

/** Lines that look matchable but must not be booked automatically: a wrong booking is worse than none. */

const digitsOf = (n: string) => n.slice(2);

/** A number with one digit changed (check digits then always fail). */
function oneDigitOff(n: string, pos: number): string {
  const d = digitsOf(n);
  return d.slice(0, pos) + String((Number(d[pos]) + 3) % 10) + d.slice(pos + 1);
}

describe('adversarial lines are queued, not booked', () => {
  it('a wrong check digit that is one correction away from another claim', () => {
    const target = claim(300001, 9000, 'Anna Koch');
    const typo = oneDigitOff(target.claimId, 4);
    const d = decideOne(credit(9000, `Rechnung RE${typo}`), [target]);
    expect(d.action).toBe('QUEUE');
    expect(d.suggestions[0].allocations).toEqual([{ claimId: target.claimId, amountCents: 9000 }]);
    expect(d.suggestions[0].reasons[0]).toBe(`"${typo}" has wrong check digits; ${target.claimId} is one typing error away (digit 5: ${typo[4]}→${digitsOf(target.claimId)[4]})`);
    expect(d.suggestions[0].reasons).toContain('not automatic: the invoice number in the text has wrong check digits');
  });

  it('one claim reached by two routes is one suggestion with both reasons', () => {
    const target = claim(300002, 9000, 'Anna Koch', [IBAN_MUELLER]);
    const typo = oneDigitOff(target.claimId, 6);
    // Only a relative's name on the account: the slip is not confirmed by the payer's own name.
    const d = decideOne(credit(9000, `RE${typo}`, { counterpartyIban: IBAN_MUELLER, counterpartyName: 'Peter Koch' }), [target]);
    expect(d.action).toBe('QUEUE');
    expect(d.suggestions).toHaveLength(1);
    expect(d.suggestions[0].reasons).toEqual(expect.arrayContaining([`IBAN ${IBAN_MUELLER} has paid claims of Anna Koch before`, expect.stringMatching(/one typing error away/)]));
  });

  it('carries at most the policy\'s number of suggestions', () => {
    const many = Array.from({ length: 8 }, (_, i) => claim(300100 + i, 2500, 'Anna Koch', [IBAN_MUELLER]));
    const d = decideOne(credit(2500, 'Danke', { counterpartyIban: IBAN_MUELLER, counterpartyName: 'Anna Koch' }), many, [], { maxSuggestions: 3 });
    expect(d.action).toBe('QUEUE');
    expect(d.suggestions).toHaveLength(3);
  });

  it('swapped neighbouring digits', () => {
    const target = claim(312345, 9000, 'Anna Koch');
    const d = digitsOf(target.claimId);
    const i = [...d].findIndex((ch, k) => k + 1 < d.length && ch !== d[k + 1]);
    const swapped = d.slice(0, i) + d[i + 1] + d[i] + d.slice(i + 2);
    const decision = decideOne(credit(9000, `RE ${swapped}`), [target]);
    expect(decision.action).toBe('QUEUE');
    expect(decision.suggestions.map((s) => s.allocations[0].claimId)).toContain(target.claimId);
  });

  it('two plausible claims: both named, the amount fits one alone', () => {
    const a = claim(300010, 5000, 'Anna Koch');
    const b = claim(300011, 7000, 'Anna Koch');
    const d = decideOne(credit(5000, `${a.claimId} ${b.claimId}`), [a, b]);
    expect(d.action).toBe('QUEUE');
    expect(d.suggestions[0].allocations).toEqual([{ claimId: a.claimId, amountCents: 5000 }]);
    expect(d.suggestions[0].confidence).toBeLessThan(0.9);
  });

  it('the amount fits a different claim of the same payer than the one named', () => {
    const named = claim(300020, 12000, 'Anna Koch', [IBAN_MUELLER]);
    const other = claim(300021, 4500, 'Anna Koch', [IBAN_MUELLER]);
    const d = decideOne(credit(4500, named.claimId, { counterpartyIban: IBAN_MUELLER, counterpartyName: 'Anna Koch' }), [named, other]);
    expect(d.action).toBe('QUEUE');
    expect(d.suggestions.map((s) => s.allocations[0].claimId).sort()).toEqual([named.claimId, other.claimId].sort());
    expect(d.suggestions[0].reasons).toContain(`the amount equals the open amount of ${other.claimId}, another claim of the same payer`);
  });

  it("another payer's valid number, while the sender's own claim has exactly this amount", () => {
    const own = claim(300025, 4500, 'Anna Koch', [IBAN_MUELLER]);
    const foreign = claim(300026, 9900, 'Paul Weber');
    const d = decideOne(credit(4500, foreign.claimId, { counterpartyIban: IBAN_MUELLER }), [own, foreign]);
    expect(d.action).toBe('QUEUE');
    expect(d.suggestions.map((s) => s.allocations[0].claimId)).toEqual(expect.arrayContaining([own.claimId, foreign.claimId]));
    expect(d.suggestions.find((s) => s.allocations[0].claimId === foreign.claimId)?.reasons).toContain(
      `the amount equals the open amount of ${own.claimId}, a claim of Anna Koch, who paid from this account before`,
    );
  });

  it('a valid number of a claim whose payer name and IBAN contradict strongly', () => {
    const koch = claim(300030, 8000, 'Anna Koch', []);
    const schmidt = claim(300031, 1000, 'Sabine Schmidt', [IBAN_SCHMIDT]);
    const d = decideOne(credit(8000, koch.claimId, { counterpartyIban: IBAN_SCHMIDT, counterpartyName: 'Sabine Schmidt' }), [koch, schmidt]);
    expect(d.action).toBe('QUEUE');
    expect(d.suggestions[0].reasons).toContain('both IBAN and account holder contradict the payer');
  });

  it('a relative paying from their own account is still booked (one contradiction is not two)', () => {
    const koch = claim(300040, 8000, 'Anna Koch', []);
    const d = decideOne(credit(8000, koch.claimId, { counterpartyIban: IBAN_SCHMIDT, counterpartyName: 'Peter Koch' }), [koch]);
    expect(d.action).toBe('BOOK');
  });

  it('an IBAN with two open claims of the same amount and no reference', () => {
    const a = claim(300050, 6000, 'Anna Koch', [IBAN_MUELLER]);
    const b = claim(300051, 6000, 'Anna Koch', [IBAN_MUELLER]);
    const d = decideOne(credit(6000, 'Danke', { counterpartyIban: IBAN_MUELLER, counterpartyName: 'Anna Koch' }), [a, b]);
    expect(d.action).toBe('QUEUE');
    expect(d.suggestions).toHaveLength(2);
    expect(d.suggestions[0].reasons).toContain('not automatic: 2 open claims of this IBAN have exactly this amount');
  });

  it('an IBAN in the text whose account number reads as a claim\'s number', () => {
    const n = formatInvoiceNumber(1234).slice(2);
    const check = Array.from({ length: 97 }, (_, k) => String(k + 2).padStart(2, '0')).find((k) => isValidIban(`DE${k}50010517${n}`));
    const text = `Bitte auf IBAN DE${check} 5001 0517 ${n.slice(0, 4)} ${n.slice(4, 8)} ${n.slice(8)} erstatten`;
    expect(decideOne(credit(500, text), [claim(1234, 500, 'Anna Koch')]).action).toBe('QUEUE');
  });

  it('a claim paid off by an earlier line of the statement takes no second payment', () => {
    const a = claim(300060, 6000, 'Anna Koch');
    const decisions = decide([credit(6000, a.claimId), credit(6000, `Rechnung ${a.claimId}`)], [a]);
    expect(decisions.map((x) => x.action)).toEqual(['BOOK', 'QUEUE']);
  });
});

describe('the same statement gives the same decisions', () => {
  it('is deterministic', () => {
    const a = claim(300070, 6000, 'Anna Koch', [IBAN_MUELLER]);
    const lines = [credit(3000, a.claimId), credit(3000, 'x', { counterpartyIban: IBAN_MUELLER }), credit(3000, a.claimId)];
    expect(decide(lines, [a])).toEqual(decide(lines, [a]));
  });
});
