import { formatInvoiceNumber } from '../../domain/invoice-number';
import { nearMisses } from '../../domain/matching/near-miss';
import { allocationsOf, claim, credit, decide, decideOne, IBAN_MUELLER, IBAN_SCHMIDT, IBAN_UNKNOWN } from './matching-fixtures';

const mueller = (seq: number, open: number) => claim(seq, open, 'Dr. Hans Müller', [IBAN_MUELLER]);
const A = mueller(100001, 12050);
const B = mueller(100002, 8000);
const C = claim(100003, 25000, 'Sabine Schmidt', [IBAN_SCHMIDT]);
const claims = [A, B, C];
const digits = (c: { claimId: string }) => c.claimId.slice(2);

describe('matching credits with a reference', () => {
  it('books an exact payment with a clean reference and says why', () => {
    const d = decideOne(credit(12050, `Rechnung ${A.claimId}`, { counterpartyName: 'MUELLER, HANS', counterpartyIban: IBAN_MUELLER }), claims);
    expect(d.action).toBe('BOOK');
    expect(allocationsOf(d)).toEqual([{ claimId: A.claimId, amountCents: 12050 }]);
    expect(d.confidence).toBe(1);
    expect(d.reasons).toEqual(
      expect.arrayContaining([
        `invoice number ${A.claimId} found as "${digits(A)}", check digits valid`,
        'amount 120,50 € equals the open amount',
        `IBAN ${IBAN_MUELLER} has paid claims of Dr. Hans Müller before`,
        'account holder "MUELLER, HANS" is the payer Dr. Hans Müller',
      ]),
    );
  });

  it('finds the invoice number among dates, amounts, phone, customer and account numbers', () => {
    const text = `Kd-Nr. 4711081 geb. 01.02.1960 Tel. 0221 4711081 ${digits(A)} Betrag 120,50 EUR IBAN DE89 3704 0044 0532 0130 00`;
    const d = decideOne(credit(12050, text), claims);
    expect(allocationsOf(d)).toEqual([{ claimId: A.claimId, amountCents: 12050 }]);
    expect(d.reasons[0]).toBe(`invoice number ${A.claimId} found as "${digits(A)}" (no invoice prefix), check digits valid`);
  });

  it('reads the invoice number from the end-to-end reference as well', () => {
    const d = decideOne(credit(12050, 'Arztrechnung', { endToEndId: `RE-${digits(A)}` }), claims);
    expect(allocationsOf(d)).toEqual([{ claimId: A.claimId, amountCents: 12050 }]);
  });

  it('books noisy references, with less confidence the more was corrected', () => {
    const clean = decideOne(credit(12050, A.claimId), claims);
    const noPrefix = decideOne(credit(12050, `Arztrechnung ${digits(A)}`), claims);
    const ocr = decideOne(credit(12050, `re ${digits(A).replace(/0/g, 'O').slice(0, 4)}${digits(A).slice(4)}`, { counterpartyName: 'Hans Mueller' }), claims);
    expect([clean.action, noPrefix.action, ocr.action]).toEqual(['BOOK', 'BOOK', 'BOOK']);
    expect(clean.confidence).toBeGreaterThan(noPrefix.confidence);
    expect(ocr.reasons[0]).toMatch(/OCR: O→0, O→0/);
    expect(noPrefix.reasons[0]).toMatch(/no invoice prefix/);
  });

  it('queues a partial payment on a heavily corrected reference without prefix when nothing else supports it', () => {
    const n = formatInvoiceNumber(1000);
    const noisy = n.slice(2).replace('0', 'O').replace('0', 'O').replace('0', 'O');
    const koch = [claim(1000, 500, 'Anna Koch')];
    const d = decideOne(credit(300, `Zahlung ${noisy}`), koch);
    expect(d.action).toBe('QUEUE');
    expect(d.suggestions[0].allocations).toEqual([{ claimId: n, amountCents: 300 }]);
    expect(d.reasons.at(-1)).toMatch(/below 0.9/);
    expect(decideOne(credit(300, `Zahlung ${noisy}`, { counterpartyName: 'KOCH, ANNA' }), koch).action).toBe('BOOK');
    expect(decideOne(credit(500, `Zahlung ${noisy}`), koch).action).toBe('BOOK');
  });

  it('books a partial payment on a certain reference and the next line sees the reduced open amount', () => {
    const [first, second] = decide(
      [credit(5000, `RE ${digits(A)} 1. Rate`, { counterpartyIban: IBAN_MUELLER }), credit(7050, `RE ${digits(A)} Rest`, { counterpartyIban: IBAN_MUELLER })],
      claims,
    );
    expect(allocationsOf(first)).toEqual([{ claimId: A.claimId, amountCents: 5000 }]);
    expect(first.reasons).toContain('amount 50,00 € is less than the open amount 120,50 € (partial payment)');
    expect(allocationsOf(second)).toEqual([{ claimId: A.claimId, amountCents: 7050 }]);
    expect(second.reasons).toContain('amount 70,50 € equals the open amount');
  });

  it('queues a second full payment of a claim the statement already paid', () => {
    const [first, second] = decide([credit(8000, B.claimId), credit(8000, B.claimId)], claims);
    expect(first.action).toBe('BOOK');
    expect(second.action).toBe('QUEUE');
    expect(second.reasons.join(' ')).toMatch(/paid in full by earlier lines of this statement/);
    expect(second.suggestions[0].allocations[0].claimId).toBe(B.claimId);
  });

  it('books a small overpayment whole (the excess becomes credit) and queues one above the limit', () => {
    const small = decideOne(credit(12550, A.claimId), claims);
    expect(allocationsOf(small)).toEqual([{ claimId: A.claimId, amountCents: 12550 }]);
    expect(small.reasons.join(' ')).toMatch(/exceeds the open amount 120,50 € by 5,00 €/);
    const big = decideOne(credit(12050 + 5001, A.claimId), claims);
    expect(big.action).toBe('QUEUE');
    expect(big.reasons.join(' ')).toMatch(/overpayment of 50,01 € is above the automatic limit of 50,00 €/);
    const raisedLimit = decideOne(credit(12050 + 5001, A.claimId), claims, [], { autoBookMaxOverpaymentCents: 10000 });
    expect(raisedLimit.action).toBe('BOOK');
  });

  it('splits one transfer over several claims of the same payer when the open amounts add up', () => {
    const d = decideOne(credit(20050, `Rechnungen ${A.claimId} und ${digits(B)}`, { counterpartyIban: IBAN_MUELLER }), claims);
    expect(allocationsOf(d)).toEqual([
      { claimId: A.claimId, amountCents: 12050 },
      { claimId: B.claimId, amountCents: 8000 },
    ]);
    expect(d.reasons[0]).toBe(`amount 200,50 € equals the sum 200,50 € of the open amounts of ${A.claimId}, ${B.claimId}`);
  });

  it('puts a small excess of a multi-claim transfer on the last claim named', () => {
    const d = decideOne(credit(20050 + 500, `${A.claimId} ${B.claimId}`, { counterpartyIban: IBAN_MUELLER }), claims);
    expect(allocationsOf(d)).toEqual([
      { claimId: A.claimId, amountCents: 12050 },
      { claimId: B.claimId, amountCents: 8500 },
    ]);
    expect(d.reasons[0]).toMatch(/slightly exceeds the sum 200,50 €/);
  });

  it('trusts one transfer for claims of different payers less', () => {
    const same = decideOne(credit(20050, `${A.claimId} ${B.claimId}`), claims);
    const mixed = decideOne(credit(37050, `${A.claimId} ${C.claimId}`), claims);
    expect(mixed.confidence).toBeLessThan(same.confidence);
    expect(mixed.reasons).toContain('the claims belong to different payers');
  });

  it('suggests the payer\'s second claim when a transfer quoting one invoice pays two', () => {
    const d = decideOne(credit(20050, A.claimId, { counterpartyIban: IBAN_MUELLER }), claims);
    expect(d.action).toBe('QUEUE');
    expect(d.reasons).toContain('best match not automatic: overpayment of 80,00 € is above the automatic limit of 50,00 €');
    const both = d.suggestions.find((s) => s.allocations.length === 2);
    expect(both?.allocations).toEqual([
      { claimId: A.claimId, amountCents: 12050 },
      { claimId: B.claimId, amountCents: 8000 },
    ]);
    expect(both?.reasons).toContain(`not automatic: the text names only ${A.claimId}`);
  });

  it('queues several references whose open amounts do not add up to the amount, suggesting each', () => {
    const d = decideOne(credit(15000, `${A.claimId} ${B.claimId}`, { counterpartyIban: IBAN_MUELLER }), claims);
    expect(d.action).toBe('QUEUE');
    expect(d.reasons.at(-1)).toMatch(/neither one claim's open amount alone nor the sum 200,50 €/);
    const suggested = d.suggestions.map((s) => s.allocations.map((a) => `${a.claimId}:${a.amountCents}`).join('+'));
    expect(suggested).toEqual(expect.arrayContaining([`${A.claimId}:15000`, `${B.claimId}:15000`, `${A.claimId}:12050+${B.claimId}:2950`]));
  });

  it('queues references to closed or unknown claims with the reason', () => {
    const closed = claim(100004, 0, 'Anna Koch', [], { open: false });
    const d = decideOne(credit(3000, `${closed.claimId}`), [...claims, closed]);
    expect(d.action).toBe('QUEUE');
    expect(d.reasons.join(' ')).toMatch(`claim ${closed.claimId} is closed`);
    const unknown = formatInvoiceNumber(999999);
    const u = decideOne(credit(3000, unknown), claims);
    expect(u.action).toBe('QUEUE');
    expect(u.reasons[0]).toBe(`${unknown} (found as "${unknown.slice(2)}") has valid check digits but is no claim of ours`);
  });

  it('accepts the payer name written as "Name, Vorname" without umlauts, lowering confidence for a stranger', () => {
    const own = decideOne(credit(25000, C.claimId, { counterpartyName: 'SCHMIDT, SABINE' }), claims);
    const stranger = decideOne(credit(25000, C.claimId, { counterpartyName: 'Peter Lorenz' }), claims);
    expect(own.confidence).toBeGreaterThan(stranger.confidence);
    expect(stranger.reasons).toContain('account holder "Peter Lorenz" is not the payer Sabine Schmidt');
  });

  it('lowers confidence when the IBAN has so far paid only another payer', () => {
    const fromOwn = decideOne(credit(25000, C.claimId, { counterpartyIban: IBAN_SCHMIDT }), claims);
    const fromNew = decideOne(credit(25000, C.claimId, { counterpartyIban: IBAN_UNKNOWN }), claims);
    const fromOther = decideOne(credit(25000, C.claimId, { counterpartyIban: IBAN_MUELLER }), claims);
    expect(fromOwn.confidence).toBeGreaterThan(fromNew.confidence);
    expect(fromNew.confidence).toBeGreaterThan(fromOther.confidence);
    expect(fromOther.reasons).toContain(`IBAN ${IBAN_MUELLER} has so far paid only other payers' claims, not Sabine Schmidt's`);
  });

  it('lists the alternatives of a booked line as suggestions', () => {
    const closed = claim(100005, 0, 'Dr. Hans Müller', [IBAN_MUELLER], { open: false });
    const d = decideOne(credit(12050, `${A.claimId} (nicht ${closed.claimId})`), [...claims, closed]);
    expect(d.action).toBe('BOOK');
    expect(d.suggestions.map((s) => s.allocations[0].claimId)).toEqual([closed.claimId]);
  });
});

describe('matching credits without a usable reference', () => {
  const fromSchmidt = (remittance: string, name?: string) => credit(25000, remittance, { counterpartyIban: IBAN_SCHMIDT, counterpartyName: name });

  it("books the payer's only open claim when the known IBAN, the holder's name and the exact amount agree", () => {
    const d = decideOne(fromSchmidt('Arztrechnung Dr. Brueckner', 'SCHMIDT, SABINE'), claims);
    expect(allocationsOf(d)).toEqual([{ claimId: C.claimId, amountCents: 25000 }]);
    expect(d.confidence).toBe(0.9);
    expect(d.reasons).toEqual([`IBAN ${IBAN_SCHMIDT} has paid claims of Sabine Schmidt before`, `amount 250,00 € equals the open amount of ${C.claimId}`, 'no invoice number in "Arztrechnung Dr. Brueckner"']);
  });

  it.each([
    ['the payer has another open claim the amount could be a part payment of', [C, claim(100006, 39900, 'Sabine Schmidt', [IBAN_SCHMIDT])], 'Sabine Schmidt', 'the payer has 1 other open claim(s) with more open than this round amount'],
    ['the holder is not named', claims, undefined, 'account holder "" does not confirm the payer Sabine Schmidt'],
    ['the IBAN has paid another payer too', [C, claim(100007, 1990, 'Paul Schmidt', [IBAN_SCHMIDT], { open: false })], 'Sabine Schmidt', 'this IBAN has paid claims of several payers'],
  ])('only suggests it when %s', (_case, population, name, doubt) => {
    const d = decideOne(fromSchmidt('Arztrechnung', name), population);
    expect(d.action).toBe('QUEUE');
    expect(d.suggestions[0].allocations).toEqual([{ claimId: C.claimId, amountCents: 25000 }]);
    expect(d.suggestions[0].reasons).toContain(`not automatic: ${doubt}`);
  });

  it("books it when the payer's other open claims are smaller than the amount: it cannot be meant for them", () => {
    const d = decideOne(fromSchmidt('Arztrechnung', 'Sabine Schmidt'), [C, claim(100006, 1990, 'Sabine Schmidt', [IBAN_SCHMIDT])]);
    expect(allocationsOf(d)).toEqual([{ claimId: C.claimId, amountCents: 25000 }]);
  });

  it('books an amount to the cent that is one claim\'s open amount, although the payer has a larger claim a round sum could be a part of', () => {
    const larger = claim(100006, 39900, 'Sabine Schmidt', [IBAN_SCHMIDT]);
    const exact = { ...C, openCents: 24987, totalCents: 24987 };
    const d = decideOne(credit(24987, 'Arztrechnung', { counterpartyIban: IBAN_SCHMIDT, counterpartyName: 'Sabine Schmidt' }), [exact, larger]);
    expect(allocationsOf(d)).toEqual([{ claimId: C.claimId, amountCents: 24987 }]);
    // 250,00 € against claims of 250,00 € and 399,00 €: a part payment of the larger one is as likely.
    expect(decideOne(fromSchmidt('Arztrechnung', 'Sabine Schmidt'), [C, larger]).action).toBe('QUEUE');
  });

  it('books a number one typing error off when the exact amount and the payer\'s name confirm the only candidate', () => {
    const wrong = `${digits(C).slice(0, 3)}${(Number(digits(C)[3]) + 1) % 10}${digits(C).slice(4)}`;
    const d = decideOne(credit(25000, `Rechnung RE${wrong}`, { counterpartyName: 'SCHMIDT, SABINE', counterpartyIban: IBAN_UNKNOWN }), claims);
    expect(allocationsOf(d)).toEqual([{ claimId: C.claimId, amountCents: 25000 }]);
    expect(d.reasons).toContain('account holder "SCHMIDT, SABINE" is the payer Sabine Schmidt');
    // Another amount, another holder, or an account of another payer: staff decide.
    expect(decideOne(credit(24000, `Rechnung RE${wrong}`, { counterpartyName: 'SCHMIDT, SABINE' }), claims).action).toBe('QUEUE');
    expect(decideOne(credit(25000, `Rechnung RE${wrong}`, { counterpartyName: 'Peter Schmidt' }), claims).action).toBe('QUEUE');
    expect(decideOne(credit(25000, `Rechnung RE${wrong}`, { counterpartyName: 'Sabine Schmidt', counterpartyIban: IBAN_MUELLER }), claims).action).toBe('QUEUE');
  });

  it('books the one candidate of a slip that fits the amount and the payer, when the slip lands on several claims', () => {
    // Invoice numbers are issued in sequence: the slip that makes C's number wrong often makes another claim's number too.
    const slips = [...Array(10).keys()].flatMap((pos) => [...Array(10).keys()].map((d) => `${digits(C).slice(0, pos)}${d}${digits(C).slice(pos + 1)}`));
    const wrong = slips.find((w) => w !== digits(C) && nearMisses(w).length >= 2)!;
    const [other] = nearMisses(wrong).filter((m) => m.number !== C.claimId);
    const neighbour = { ...claim(0, 9950, 'Peter Lorenz'), claimId: other.number };
    const fromSabine = credit(25000, `Rechnung RE${wrong}`, { counterpartyName: 'Sabine Schmidt' });
    const d = decideOne(fromSabine, [...claims, neighbour]);
    expect(allocationsOf(d)).toEqual([{ claimId: C.claimId, amountCents: 25000 }]);
    expect(d.suggestions.map((s) => s.allocations[0].claimId)).toEqual([neighbour.claimId]);
    // Both candidates with this open amount: which one was meant, the text cannot say.
    expect(decideOne(fromSabine, [...claims, { ...neighbour, openCents: 25000, payerName: 'Sabine Schmidt' }]).action).toBe('QUEUE');
  });

  it('only suggests it when the text holds a number that is no valid invoice number', () => {
    const d = decideOne(fromSchmidt('Rechnung 1234567890', 'Sabine Schmidt'), claims);
    expect(d.action).toBe('QUEUE');
    expect(d.reasons[0]).toBe('no invoice number with valid check digits in "Rechnung 1234567890"');
  });

  it('queues a line that belongs to no claim, with no suggestion', () => {
    const d = decideOne(credit(4711, 'Miete November', { counterpartyIban: IBAN_UNKNOWN, counterpartyName: 'Hausverwaltung Nord GmbH' }), claims);
    expect(d).toEqual({ action: 'QUEUE', confidence: 0, reasons: ['no invoice number in "Miete November"', 'no claim found'], suggestions: [] });
  });
});

describe('payers a careful clerk books without doubt', () => {
  const insurer = { counterpartyName: 'Allianz Private Krankenversicherungs-AG', counterpartyIban: IBAN_UNKNOWN };

  it('books an insurer paying part of a claim under its valid invoice number, and says who paid', () => {
    const d = decideOne(credit(7000, `Erstattung ${A.claimId} Vers.-Nr. 55012`, insurer), claims);
    expect(d.action).toBe('BOOK');
    expect(allocationsOf(d)).toEqual([{ claimId: A.claimId, amountCents: 7000 }]);
    expect(d.reasons).toContain('account holder "Allianz Private Krankenversicherungs-AG" is an insurer or aid office paying for the payer Dr. Hans Müller');
  });

  it('books an insurer paying part under a number it took OCR corrections and no prefix to read', () => {
    const misread = digits(A).replace('0', 'o').replace('0', 'O').replace('1', 'l');
    const d = decideOne(credit(7000, `Leistung ${misread} Vers.-Nr. 415194`, insurer), claims);
    expect(d.action).toBe('BOOK');
    expect(d.confidence).toBe(0.9);
    // The same text from an unknown company is not booked.
    expect(decideOne(credit(7000, `Leistung ${misread}`, { counterpartyName: 'Meier Logistik GmbH', counterpartyIban: IBAN_UNKNOWN }), claims).action).toBe('QUEUE');
  });

  it('books an insurer whose account has paid other patients\' claims before', () => {
    const paidBefore = claim(100020, 0, 'Sabine Schmidt', [IBAN_UNKNOWN]);
    expect(decideOne(credit(7000, `RE ${digits(A)}`, insurer), [...claims, paidBefore]).action).toBe('BOOK');
  });

  it('still queues an unknown company paying part under a number, and an insurer whose amount fits another claim it paid for', () => {
    expect(decideOne(credit(7000, `Erstattung ${A.claimId}`, { counterpartyName: 'Meier Logistik GmbH', counterpartyIban: IBAN_UNKNOWN }), claims).action).toBe('QUEUE');
    const other = claim(100021, 7000, 'Sabine Schmidt', [IBAN_UNKNOWN]);
    const d = decideOne(credit(7000, `Erstattung ${A.claimId}`, insurer), [...claims, other]);
    expect(d.action).toBe('QUEUE');
    expect(d.suggestions[0].reasons.join(' ')).toContain(`the amount equals the open amount of ${other.claimId}`);
  });

  it('takes the insurers\' names from the policy', () => {
    const d = decideOne(credit(7000, `Erstattung ${A.claimId}`, { counterpartyName: 'Debeka', counterpartyIban: IBAN_UNKNOWN }), claims, [], { institutionalPayerNames: ['debeka'] });
    expect(d.action).toBe('BOOK');
  });

  it('books one transfer for two family members\' invoices naming both numbers', () => {
    const anna = claim(100030, 4500, 'Anna Müller');
    const d = decideOne(credit(12050 + 4500, `RE ${A.claimId} und RE ${anna.claimId}`, { counterpartyName: 'MUELLER, HANS', counterpartyIban: IBAN_MUELLER }), [...claims, anna]);
    expect(d.action).toBe('BOOK');
    expect(allocationsOf(d)).toEqual([
      { claimId: A.claimId, amountCents: 12050 },
      { claimId: anna.claimId, amountCents: 4500 },
    ]);
    expect(d.reasons).toContain('the claims belong to one family (Dr. Hans Müller, Anna Müller)');
  });

  it('books a transfer a little short of the named invoices\' sum, the older invoice first whatever the order named', () => {
    const d = decideOne(credit(20050 - 300, `Rechnungen ${B.claimId} und ${A.claimId}`, { counterpartyIban: IBAN_MUELLER }), claims);
    expect(d.action).toBe('BOOK');
    expect(allocationsOf(d)).toEqual([
      { claimId: A.claimId, amountCents: 12050 },
      { claimId: B.claimId, amountCents: 8000 - 300 },
    ]);
    expect(d.reasons[0]).toBe(`amount 197,50 € is 3,00 € short of the sum 200,50 € of the open amounts of ${B.claimId}, ${A.claimId}: the older invoices are paid first (§ 366 (2) BGB)`);
  });

  it('queues a multi-claim transfer short by more than the policy allows, or for claims of different clients', () => {
    expect(decideOne(credit(20050 - 300, `${A.claimId} ${B.claimId}`, { counterpartyIban: IBAN_MUELLER }), claims, [], { autoBookMaxShortfallCents: 200 }).action).toBe('QUEUE');
    const otherClient = { ...B, clientId: 'C2' };
    expect(decideOne(credit(20050 - 300, `${A.claimId} ${B.claimId}`, { counterpartyIban: IBAN_MUELLER }), [A, otherClient, C]).action).toBe('QUEUE');
  });

  it('does not treat payers of different surnames as a family', () => {
    const d = decideOne(credit(12050 + 25000, `RE ${A.claimId} und RE ${C.claimId}`, { counterpartyName: 'MUELLER, HANS', counterpartyIban: IBAN_MUELLER }), claims);
    expect(d.action).toBe('QUEUE');
  });
});
