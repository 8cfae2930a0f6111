import { formatInvoiceNumber } from '../../domain/invoice-number';
import { findInvoiceReferences } from '../../domain/matching/invoice-references';
import { nearMisses } from '../../domain/matching/near-miss';
import { isValidIban } from '../../domain/bank/iban';
import { scrubRemittance } from '../../domain/matching/remittance-scrub';

const A = formatInvoiceNumber(100012);
const B = formatInvoiceNumber(2345678);
const digitsA = A.slice(2);
const grouped = (d: string) => `${d.slice(0, 4)} ${d.slice(4, 8)} ${d.slice(8)}`;

function read(text: string) {
  return findInvoiceReferences(text, 3).filter((r) => r.valid).map((r) => ({ number: r.number, corrections: r.corrections, prefixed: r.prefixed }));
}

describe('invoice references in remittance text', () => {
  it.each([
    ['clean', `${A}`, []],
    ['lower case with spaces', `re ${grouped(digitsA)}`, []],
    ['dashes inside', `Rechnung ${digitsA.slice(0, 5)}-${digitsA.slice(5)}`, []],
    ['"Rg" glued to the digits', `RG${digitsA}`, []],
    ['"Rg.-Nr.:" prefix', `Rg.-Nr.: ${digitsA}`, []],
    ['"Rechnungsnr." prefix', `Rechnungsnr.${digitsA}`, []],
    ['"R E" prefix', `R E ${digitsA}`, []],
    ['"Re." prefix in a SEPA field', `SVWZ+Re. ${digitsA} EREF+NOTPROVIDED`, []],
  ])('%s: %s', (_name, text, corrections) => {
    expect(read(text)).toEqual([{ number: A, corrections, prefixed: true }]);
  });

  it('reads a number without prefix, and says so', () => {
    expect(read(`Behandlung ${digitsA} Danke`)).toEqual([{ number: A, corrections: [], prefixed: false }]);
  });

  it('corrects OCR-style letters and records each correction', () => {
    const noisy = `RE${digitsA.replace(/0/g, (_m, i: number) => (i < 2 ? 'O' : '0')).replace(/1/, 'l')}`;
    const [ref] = read(noisy);
    expect(ref.number).toBe(A);
    expect(ref.corrections).toEqual(expect.arrayContaining(['O→0', 'l→1']));
    expect(ref.corrections).toHaveLength(3);
  });

  it('maps S→5, B→8, Z→2, G→6, I→1', () => {
    const n = formatInvoiceNumber(58260100).slice(2); // contains 5, 8, 2, 6, 1
    const noisy = n.replace('5', 'S').replace('8', 'B').replace('2', 'Z');
    expect(read(`RE ${noisy}`)[0].corrections).toEqual(['S→5', 'B→8', 'Z→2']);
    expect(read(`RE ${n.replace('6', 'G').replace('1', 'I')}`)[0].corrections).toEqual(['G→6', 'I→1']);
  });

  it.each([
    ['D and Q for 0', '0', ['D', 'Q']],
    ['T for 7', '7', ['T']],
    ['A for 4', '4', ['A']],
    ['handwritten g and q for 9', '9', ['g', 'q']],
    ['handwritten b for 6', '6', ['b']],
    ['Cyrillic О and З for 0 and 3', '0', ['О']],
    ['Cyrillic З for 3', '3', ['З']],
    ['ß for 8', '8', ['ß']],
  ])('reads look-alikes beyond O/I/l/S/B/Z/G: %s', (_name, digit, letters) => {
    const n = [1_000_000, 2_345_678, 3_974_713, 4_718_293, 6_060_606, 8_123_456, 9_090_909].map((k) => formatInvoiceNumber(k).slice(2)).find((d) => d.slice(0, 8).includes(digit))!;
    const pos = n.indexOf(digit);
    for (const letter of letters) {
      const [ref] = read(`Rechnung ${n.slice(0, pos)}${letter}${n.slice(pos + 1)}`);
      expect(ref).toEqual({ number: `RE${n}`, corrections: [`${letter}→${digit}`], prefixed: true });
    }
  });

  it('reads fullwidth digits as plain digits, without a correction', () => {
    const fullwidth = [...digitsA].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
    expect(read(`Rechnung ${fullwidth}`)).toEqual([{ number: A, corrections: [], prefixed: true }]);
  });

  it('tries both readings of a lower-cased B or G and lets the check digits choose', () => {
    const n = formatInvoiceNumber(6_860_000).slice(2); // 6 and 8 in its sequence digits
    const lowered = `re ${n.replace('6', 'G').replace('8', 'B')}`.toLowerCase();
    expect(read(lowered)).toEqual([{ number: `RE${n}`, corrections: ['g→6', 'b→8'], prefixed: true }]);
  });

  it('separates a glued prefix from OCR letters at the start of the number ("rgoz…")', () => {
    const n = formatInvoiceNumber(2024583).slice(2); // starts with "02"
    const [ref] = read(`rg${n.replace('0', 'o').replace('2', 'z')}`);
    expect(ref).toEqual({ number: `RE${n}`, corrections: ['o→0', 'z→2'], prefixed: true });
  });

  it('reads a number right after a phone number, and one a bank line break split again', () => {
    expect(read(`Tel. 0340 2129074 ${digitsA} Kd-Nr. 4689190`)).toEqual([{ number: A, corrections: [], prefixed: false }]);
    expect(read(`Rechnungsnummer:${digitsA.slice(0, 5)} -${digitsA.slice(5)}`)).toEqual([{ number: A, corrections: [], prefixed: true }]);
  });

  it('gives up beyond the allowed number of corrections', () => {
    const n = formatInvoiceNumber(1000).slice(2); // many zeros
    expect(read(`RE ${n.replace(/0/g, 'O')}`)).toEqual([]);
  });

  it('finds several numbers in one line, in order', () => {
    expect(read(`${A}, ${B.toLowerCase()}`).map((r) => r.number)).toEqual([A, B]);
    expect(read(`${digitsA} ${B.slice(2)}`).map((r) => r.number)).toEqual([A, B]);
  });

  it('marks a number with wrong check digits as invalid', () => {
    const wrong = digitsA.slice(0, 9) + String((Number(digitsA[9]) + 1) % 10);
    const refs = findInvoiceReferences(`RE${wrong}`, 3);
    expect(refs).toHaveLength(1);
    expect(refs[0]).toMatchObject({ number: `RE${wrong}`, valid: false });
  });

  it('never cuts a number out of a longer digit string', () => {
    expect(findInvoiceReferences(`Kundennr ${digitsA}7`, 3)).toEqual([]);
    expect(findInvoiceReferences(`${digitsA}${B.slice(2)}`, 3)).toEqual([]);
  });

  it('does not read IBANs, dates, amounts or phone numbers as invoice numbers', () => {
    // An IBAN whose account number is A's digits: read in its paper groups it would contain A.
    const check = Array.from({ length: 97 }, (_, k) => String(k + 2).padStart(2, '0')).find((k) => isValidIban(`DE${k}50010517${digitsA}`));
    const iban = `DE${check} 5001 0517 ${grouped(digitsA)}`;
    expect(scrubRemittance(iban)).not.toMatch(/\d/);
    expect(read(`IBAN ${iban}`)).toEqual([]);
    expect(scrubRemittance('VOM 12.03.2026 BETRAG 1.234,56 UND 120.50 EUR TEL. 030 1234567 +49 30 1234567')).not.toMatch(/\d/);
    expect(read(`IBAN ${iban} Rechnung ${A}`)).toEqual([{ number: A, corrections: [], prefixed: true }]);
  });

  it('keeps an invoice number shaped like an IBAN ("RE00 0010 0008")', () => {
    expect(read(`${A.slice(0, 4)} ${A.slice(4, 8)} ${A.slice(8)}`).map((r) => r.number)).toEqual([A]);
  });
});

describe('near misses of a number with wrong check digits', () => {
  it('includes the number one digit or one swap away', () => {
    const d = A.slice(2);
    const typo = d.slice(0, 3) + String((Number(d[3]) + 5) % 10) + d.slice(4);
    expect(nearMisses(typo).map((m) => m.number)).toContain(A);
    const swapped = d.slice(0, 5) + d[6] + d[5] + d.slice(7);
    if (d[5] !== d[6]) expect(nearMisses(swapped).map((m) => m.number)).toContain(A);
  });

  it('returns only check-digit-valid numbers', () => {
    for (const m of nearMisses('0000100009')) expect(m.number).toMatch(/^RE\d{10}$/);
    expect(nearMisses('0000100009').every((m) => findInvoiceReferences(m.number, 0)[0].valid)).toBe(true);
  });
});
