import { paymentMethodOf, returnKindOf } from '../../domain/bank/payment-method';
import type { BookedBankPayment } from '../../domain/matching/types';
import { claim, credit, decide, decideOne, IBAN_MUELLER, IBAN_SCHMIDT } from './matching-fixtures';

const A = claim(200001, 0, 'Hans Müller', [IBAN_MUELLER]);
const B = claim(200002, 0, 'Hans Müller', [IBAN_MUELLER]);
const COLLECTION = 'PMNT/IDDT/ESDD';
const TRANSFER = 'PMNT/RCDT/ESCT';
const payment = (paymentId: string, claimId: string, amountCents: number, bankLineId: string, endToEndId?: string, bankCode = COLLECTION, mandateId?: string): BookedBankPayment => ({
  paymentId,
  claimId,
  amountCents,
  bankLineId,
  endToEndId,
  mandateId,
  counterpartyIban: IBAN_MUELLER,
  bookingDate: '2026-11-20',
  method: paymentMethodOf(bankCode),
});
/** A returned direct debit (ISO PMNT/IDDT/UPDD) unless another bank code is given. */
const returned = (amountCents: number, extra: { endToEndId?: string; mandateId?: string; counterpartyIban?: string; bankCode?: string } = {}) =>
  credit(-amountCents, 'RETOURE AC04 KONTO AUFGELOEST', { kind: 'RETURN', returnReason: 'AC04', bankCode: 'PMNT/IDDT/UPDD', ...extra });

describe('what kind of payment a line is and what a return gives back, from the bank code', () => {
  it.each([
    ['PMNT/RCDT/ESCT', 'TRANSFER'],
    ['PMNT/IDDT/ESDD', 'DIRECT_DEBIT'],
    ['PMNT/IDDT/UPDD', 'DIRECT_DEBIT'],
    ['NTRF+166+931', 'TRANSFER'],
    ['NDDT+171+931', 'DIRECT_DEBIT'],
    ['109', 'DIRECT_DEBIT'],
    ['159', 'TRANSFER'],
    ['ACMT/MDOP/CHRG', undefined],
    ['NTRF', undefined],
    [undefined, undefined],
  ])('%s is %s', (code, method) => expect(paymentMethodOf(code)).toBe(method));

  it.each([
    [-100, 'PMNT/IDDT/UPDD', 'DIRECT_DEBIT_RETURN'],
    [-100, 'NRLS+109+931', 'DIRECT_DEBIT_RETURN'],
    [-100, 'PMNT/RCDT/RPCR', 'TRANSFER_RECALL'],
    [100, '159', 'OUR_TRANSFER_RETURNED'],
    [-100, 'NTRF+000', undefined],
    [-100, undefined, undefined],
  ])('a return of %i with code %s is %s', (amountCents, bankCode, kind) => expect(returnKindOf({ amountCents, bankCode })).toBe(kind));
});

describe('matching returns', () => {
  it('reverses every payment booked from the returned collection, found by end-to-end id', () => {
    const payments = [payment('P1', A.claimId, 3000, 'L1', 'E2E-1'), payment('P2', B.claimId, 2000, 'L1', 'E2E-1'), payment('P3', A.claimId, 5000, 'L2', 'E2E-2')];
    const d = decideOne(returned(5000, { endToEndId: 'E2E-1', counterpartyIban: IBAN_MUELLER }), [A, B], payments);
    expect(d).toMatchObject({ action: 'REVERSE', paymentIds: ['P1', 'P2'], confidence: 0.98 });
    expect(d.reasons).toEqual(['returned direct debit (reason AC04) of 50,00 €', 'end-to-end id E2E-1 names this collection of ours', 'reverses 50,00 € booked on 2026-11-20 from bank line L1']);
  });

  it('reverses a recalled transfer by its end-to-end id, never a collection of the same account and amount', () => {
    const payments = [payment('P1', A.claimId, 5000, 'L1', 'E2E-T', TRANSFER), payment('P2', B.claimId, 5000, 'L2', 'E2E-D')];
    const d = decideOne(returned(5000, { endToEndId: 'E2E-T', counterpartyIban: IBAN_MUELLER, bankCode: 'PMNT/RCDT/RPCR' }), [A, B], payments);
    expect(d).toMatchObject({ action: 'REVERSE', paymentIds: ['P1'] });
    expect(d.reasons[0]).toBe('recalled transfer (reason AC04) of 50,00 €');
  });

  it('queues a returned direct debit whose end-to-end id names no collection of ours, the transfer of the same IBAN and amount only suggested', () => {
    const d = decideOne(returned(5000, { endToEndId: 'E2E-FOREIGN', counterpartyIban: IBAN_MUELLER }), [A], [payment('P1', A.claimId, 5000, 'L1', undefined, TRANSFER)]);
    expect(d.action).toBe('QUEUE');
    expect(d.reasons).toContain('end-to-end id E2E-FOREIGN names no collection of ours');
    expect(d.suggestions).toEqual([expect.objectContaining({ paymentIds: ['P1'], reasons: expect.arrayContaining(['IBAN DE89370400440532013000 and amount 50,00 € match a transfer']) })]);
  });

  it('queues a returned direct debit whose end-to-end id names a transfer, not a collection', () => {
    const d = decideOne(returned(5000, { endToEndId: 'E2E-T' }), [A], [payment('P1', A.claimId, 5000, 'L1', 'E2E-T', TRANSFER)]);
    expect(d.action).toBe('QUEUE');
    expect(d.reasons).toContain('end-to-end id E2E-T names a transfer, not a collection of ours');
  });

  it('queues a recall whose end-to-end id names our collection', () => {
    const d = decideOne(returned(5000, { endToEndId: 'E2E-D', bankCode: 'PMNT/RCDT/RPCR' }), [A], [payment('P1', A.claimId, 5000, 'L1', 'E2E-D')]);
    expect(d.action).toBe('QUEUE');
    expect(d.reasons).toContain('end-to-end id E2E-D names a collection of ours, not a transfer received');
  });

  it('queues a return without end-to-end id however well IBAN and amount fit', () => {
    const payments = [payment('P1', A.claimId, 3000, 'L1'), payment('P3', B.claimId, 5000, 'L2')];
    const d = decideOne(returned(5000, { counterpartyIban: IBAN_MUELLER }), [A, B], payments);
    expect(d.action).toBe('QUEUE');
    expect(d.reasons).toContain('the returned direct debit carries no end-to-end id, mandate reference or original reference naming exactly one collection of ours of this amount');
    expect(d.suggestions.map((s) => s.paymentIds)).toEqual([['P3']]);
    expect(d.suggestions[0].allocations).toEqual([{ claimId: B.claimId, amountCents: -5000 }]);
  });

  it('without end-to-end id, reverses the one collection of this amount on the claim the original reference names', () => {
    const payments = [payment('P1', A.claimId, 5000, 'L1'), payment('P2', B.claimId, 5000, 'L2'), payment('P3', A.claimId, 5000, 'L3', undefined, TRANSFER)];
    const d = decideOne(credit(-5000, `RUECKLASTSCHRIFT ${A.claimId} MD06`, { kind: 'RETURN', bankCode: 'NRLS+109+931', counterpartyIban: IBAN_MUELLER }), [A, B], payments);
    expect(d).toMatchObject({ action: 'REVERSE', paymentIds: ['P1'], confidence: 0.95 });
    expect(d.reasons[1]).toBe(`the original reference names ${A.claimId}, paid by this collection of ours of the same amount`);
  });

  it('queues a return whose original reference fits two collections, or whose end-to-end id contradicts the reference', () => {
    const twice = [payment('P1', A.claimId, 5000, 'L1'), payment('P2', A.claimId, 5000, 'L2')];
    expect(decideOne(credit(-5000, `RUECKLASTSCHRIFT ${A.claimId}`, { kind: 'RETURN', bankCode: '109', counterpartyIban: IBAN_MUELLER }), [A], twice).action).toBe('QUEUE');
    const once = [payment('P1', A.claimId, 5000, 'L1', 'E2E-OURS')];
    expect(decideOne(credit(-5000, `RUECKLASTSCHRIFT ${A.claimId}`, { kind: 'RETURN', bankCode: '109', endToEndId: 'E2E-OTHER', counterpartyIban: IBAN_MUELLER }), [A], once).action).toBe('QUEUE');
  });

  it('queues a return the file does not classify, even with a matching end-to-end id', () => {
    const d = decideOne(returned(5000, { endToEndId: 'E2E-1', bankCode: undefined }), [A], [payment('P1', A.claimId, 5000, 'L1', 'E2E-1')]);
    expect(d.action).toBe('QUEUE');
    expect(d.reasons).toEqual(['return (reason AC04) of 50,00 €', 'the bank file does not say what kind of payment came back (bank code missing)']);
    expect(d.suggestions.map((s) => s.paymentIds)).toEqual([['P1']]);
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
    const d = decideOne(returned(5000, { counterpartyIban: IBAN_SCHMIDT, endToEndId: 'E2E-9' }), [A], [payment('P1', A.claimId, 5000, 'L1')]);
    expect(d).toMatchObject({ action: 'QUEUE', confidence: 0, suggestions: [] });
    expect(d.reasons).toContain('end-to-end id E2E-9 names no collection of ours');
  });
});

describe('returned direct debits found by their mandate reference', () => {
  const MANDATE = 'PVS-M-2026-004711';
  const collection = (paymentId: string, claimId: string, amountCents: number, bankLineId: string, mandateId = MANDATE, endToEndId?: string) =>
    payment(paymentId, claimId, amountCents, bankLineId, endToEndId, COLLECTION, mandateId);

  it('reverses the one collection of ours of this amount its mandate names, not a transfer or another mandate of the same account and amount', () => {
    const payments = [collection('P1', A.claimId, 5000, 'L1'), payment('P2', B.claimId, 5000, 'L2', undefined, TRANSFER), collection('P3', B.claimId, 5000, 'L3', 'PVS-M-2026-000815')];
    const d = decideOne(returned(5000, { mandateId: MANDATE, counterpartyIban: IBAN_MUELLER }), [A, B], payments);
    expect(d).toMatchObject({ action: 'REVERSE', paymentIds: ['P1'], confidence: 0.95 });
    expect(d.reasons[1]).toBe(`mandate reference ${MANDATE} names this collection of ours, of the same amount`);
  });

  it('finds the collection by its mandate when the return names it without any IBAN of the payer', () => {
    const d = decideOne(returned(5000, { mandateId: MANDATE }), [A], [collection('P1', A.claimId, 5000, 'L1')]);
    expect(d).toMatchObject({ action: 'REVERSE', paymentIds: ['P1'] });
  });

  it('reverses by mandate when the collection was booked without the end-to-end id the return echoes', () => {
    const d = decideOne(returned(5000, { mandateId: MANDATE, endToEndId: 'PVS-E2E-77' }), [A], [collection('P1', A.claimId, 5000, 'L1')]);
    expect(d).toMatchObject({ action: 'REVERSE', paymentIds: ['P1'] });
  });

  it('queues a return whose end-to-end id contradicts the collection its mandate names', () => {
    const d = decideOne(returned(5000, { mandateId: MANDATE, endToEndId: 'PVS-E2E-99' }), [A], [collection('P1', A.claimId, 5000, 'L1', MANDATE, 'PVS-E2E-12')]);
    expect(d.action).toBe('QUEUE');
    expect(d.reasons[1]).toBe(`end-to-end id PVS-E2E-99 and mandate reference ${MANDATE} name no collection of ours`);
    expect(d.suggestions).toEqual([expect.objectContaining({ paymentIds: ['P1'], reasons: expect.arrayContaining([`mandate reference ${MANDATE} matches a collection of ours`]) })]);
  });

  it('queues a return of another amount than the collection its mandate names', () => {
    const d = decideOne(returned(4500, { mandateId: MANDATE }), [A], [collection('P1', A.claimId, 5000, 'L1')]);
    expect(d.action).toBe('QUEUE');
    expect(d.reasons[1]).toBe(`mandate reference ${MANDATE} names no collection of ours`);
  });

  it('queues a return of one of several equal collections under one mandate unless the original reference tells which', () => {
    // Monthly installments of one claim collected under one mandate: nothing tells which came back.
    const installments = [collection('P1', A.claimId, 5000, 'L1'), collection('P2', A.claimId, 5000, 'L2')];
    const d = decideOne(returned(5000, { mandateId: MANDATE }), [A], installments);
    expect(d.action).toBe('QUEUE');
    expect(d.reasons[1]).toBe(`2 earlier payments of 50,00 € carry mandate reference ${MANDATE} and the original reference tells none of them apart`);
    expect(d.suggestions.map((s) => s.paymentIds)).toEqual([['P1'], ['P2']]);

    // One mandate for a payer's claims A and B: the return's original reference names B.
    const twoClaims = [collection('P1', A.claimId, 5000, 'L1'), collection('P2', B.claimId, 5000, 'L2')];
    const named = credit(-5000, `RUECKLASTSCHRIFT ${B.claimId}`, { kind: 'RETURN', bankCode: 'NRLS+109+931', mandateId: MANDATE });
    expect(decideOne(named, [A, B], twoClaims)).toMatchObject({ action: 'REVERSE', paymentIds: ['P2'], reasons: expect.arrayContaining([`the original reference names ${B.claimId}, paid by this collection of ours of the same amount under mandate reference ${MANDATE}`]) });
  });

  it('never reverses a transfer by a mandate reference, nor a collection by a recall', () => {
    const recall = decideOne(returned(5000, { mandateId: MANDATE, bankCode: 'PMNT/RCDT/RPCR' }), [A], [collection('P1', A.claimId, 5000, 'L1')]);
    expect(recall.action).toBe('QUEUE');
    expect(recall.reasons[1]).toBe(`mandate reference ${MANDATE} names no transfer received`);
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
