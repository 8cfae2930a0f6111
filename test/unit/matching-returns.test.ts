import type { BookedBankPayment } from '../../domain/matching/types';
import { claim, credit, decide, decideOne, IBAN_MUELLER, IBAN_SCHMIDT } from './matching-fixtures';

const A = claim(200001, 0, 'Hans Müller', [IBAN_MUELLER]);
const B = claim(200002, 0, 'Hans Müller', [IBAN_MUELLER]);
const payment = (paymentId: string, claimId: string, amountCents: number, bankLineId: string, endToEndId?: string): BookedBankPayment => ({
  paymentId,
  claimId,
  amountCents,
  bankLineId,
  endToEndId,
  counterpartyIban: IBAN_MUELLER,
  bookingDate: '2026-11-20',
});
const returned = (amountCents: number, extra: { endToEndId?: string; counterpartyIban?: string } = {}) =>
  credit(-amountCents, 'RETOURE AC04 KONTO AUFGELOEST', { kind: 'RETURN', returnReason: 'AC04', ...extra });

describe('matching returns', () => {
  it('reverses every payment booked from the returned line, found by end-to-end id', () => {
    const payments = [payment('P1', A.claimId, 3000, 'L1', 'E2E-1'), payment('P2', B.claimId, 2000, 'L1', 'E2E-1'), payment('P3', A.claimId, 5000, 'L2', 'E2E-2')];
    const d = decideOne(returned(5000, { endToEndId: 'E2E-1', counterpartyIban: IBAN_MUELLER }), [A, B], payments);
    expect(d).toMatchObject({ action: 'REVERSE', paymentIds: ['P1', 'P2'], confidence: 0.98 });
    expect(d.reasons).toEqual(['return (reason AC04) of 50,00 €', 'end-to-end id E2E-1 matches', 'reverses 50,00 € booked on 2026-11-20 from bank line L1']);
  });

  it('falls back to IBAN and amount when the return carries no end-to-end id', () => {
    const payments = [payment('P1', A.claimId, 3000, 'L1'), payment('P3', B.claimId, 5000, 'L2')];
    const d = decideOne(returned(5000, { counterpartyIban: IBAN_MUELLER }), [A, B], payments);
    expect(d).toMatchObject({ action: 'REVERSE', paymentIds: ['P3'], confidence: 0.9 });
  });

  it('queues a return that fits several earlier payments, suggesting each', () => {
    const payments = [payment('P1', A.claimId, 5000, 'L1'), payment('P2', B.claimId, 5000, 'L2')];
    const d = decideOne(returned(5000, { counterpartyIban: IBAN_MUELLER }), [A, B], payments);
    expect(d.action).toBe('QUEUE');
    expect(d.reasons).toContain('2 earlier booked payments fit it');
    expect(d.suggestions.map((s) => s.paymentIds)).toEqual([['P1'], ['P2']]);
    expect(d.suggestions[0].allocations).toEqual([{ claimId: A.claimId, amountCents: -5000 }]);
  });

  it('queues a return whose amount differs from the payment its end-to-end id names', () => {
    const d = decideOne(returned(4500, { endToEndId: 'E2E-1' }), [A], [payment('P1', A.claimId, 5000, 'L1', 'E2E-1')]);
    expect(d.action).toBe('QUEUE');
    expect(d.reasons).toContain('the earlier payment was 50,00 €, not 45,00 €');
  });

  it('queues our own bounced transfer (money back in) for staff, without looking for patient payments', () => {
    const bounced = credit(12000, 'RETOURE AC01 IBAN FEHLERHAFT', { kind: 'RETURN', returnReason: 'AC01', counterpartyName: 'Praxis Demir' });
    const d = decideOne(bounced, [A], [payment('P1', A.claimId, 12000, 'L1')]);
    expect(d).toEqual({
      action: 'QUEUE',
      confidence: 0,
      reasons: ['our own transfer of 120,00 € to Praxis Demir came back (reason AC01)', 'staff decide whether to send it again or keep it as credit'],
      suggestions: [],
    });
  });

  it('queues a return nothing fits', () => {
    const d = decideOne(returned(5000, { counterpartyIban: IBAN_SCHMIDT }), [A], [payment('P1', A.claimId, 5000, 'L1')]);
    expect(d).toMatchObject({ action: 'QUEUE', confidence: 0, suggestions: [] });
    expect(d.reasons).toContain('no earlier booked payment fits it');
  });
});

describe('lines that are not for matching', () => {
  it('ignores our own debits and bank charges, one decision per line in order', () => {
    const open = claim(200003, 1000, 'Hans Müller');
    const decisions = decide(
      [credit(-25000, `Auszahlung ${open.claimId}`, { kind: 'DEBIT' }), credit(-890, 'Kontofuehrung', { kind: 'CHARGE' }), credit(1000, open.claimId)],
      [open],
    );
    expect(decisions.map((d) => d.action)).toEqual(['IGNORE', 'IGNORE', 'BOOK']);
    expect(decisions[1].reasons).toEqual(['bank charge: nothing to match']);
  });
});
