import {
  formatInvoiceNumber,
  INVOICE_PREFIX,
  isValidInvoiceNumber,
  mod97CheckDigits,
} from '../../domain/invoice-number';

/**
 * Check digits computed by hand with the IBAN-style algorithm: append "00", take the remainder
 * mod 97, check digits = 98 − remainder (two digits, zero padded).
 *   00000000 00 -> 0 mod 97 = 0                                    -> 98
 *   00000001 00 -> 100 mod 97 = 3                                  -> 95
 *   00000042 00 -> 4200 = 43·97 + 29                               -> 69
 *   00000065 00 -> 6500 = 67·97 + 1                                -> 97
 *   00000097 00 -> 9700 = 100·97 + 0                               -> 98
 *   00000100 00 -> 10000 = 103·97 + 9                              -> 89
 *   00001000 00 -> 100000 = 1030·97 + 90                           -> 08 (padded)
 *   12345678 00 -> 1234567800 = 12727503·97 + 9                    -> 89
 *   99999999 00 -> 10^10 − 100; 10^10 ≡ 49, 100 ≡ 3 (mod 97) -> 46 -> 52
 */
const HAND_COMPUTED: Array<[number, string]> = [
  [0, '98'],
  [1, '95'],
  [42, '69'],
  [65, '97'],
  [97, '98'],
  [100, '89'],
  [1000, '08'],
  [12345678, '89'],
  [99999999, '52'],
];

/** Independent reference: the whole number (body + check digits) is ≡ 1 (mod 97). */
function wholeNumberMod97(invoiceNumber: string): bigint {
  return BigInt(invoiceNumber.slice(INVOICE_PREFIX.length)) % 97n;
}

describe('mod97CheckDigits', () => {
  it.each(HAND_COMPUTED)('sequence %i has check digits %s', (seq, check) => {
    expect(mod97CheckDigits(String(seq).padStart(8, '0'))).toBe(check);
  });

  it('always returns two digits in 02..98', () => {
    for (let seq = 0; seq < 2000; seq++) {
      const cd = mod97CheckDigits(String(seq * 7919).padStart(8, '0'));
      expect(cd).toMatch(/^\d{2}$/);
      expect(Number(cd)).toBeGreaterThanOrEqual(2);
      expect(Number(cd)).toBeLessThanOrEqual(98);
    }
  });

  it('works on digit strings of any length (IBAN-style)', () => {
    // 1 00 -> 100 mod 97 = 3 -> 95 ; 123 00 -> 12300 = 126·97 + 78 -> 20
    expect(mod97CheckDigits('1')).toBe('95');
    expect(mod97CheckDigits('123')).toBe('20');
  });

  it.each(['', '12a4', ' 123', '-1', '1.5', 'RE00000001'])('rejects non-digit input %p', (bad) => {
    expect(() => mod97CheckDigits(bad)).toThrow(/decimal digits/);
  });
});

describe('formatInvoiceNumber', () => {
  it.each(HAND_COMPUTED)('formats sequence %i with prefix, 8-digit body and check digits %s', (seq, check) => {
    expect(formatInvoiceNumber(seq)).toBe(`RE${String(seq).padStart(8, '0')}${check}`);
  });

  it('produces exactly these strings', () => {
    expect(formatInvoiceNumber(0)).toBe('RE0000000098');
    expect(formatInvoiceNumber(1)).toBe('RE0000000195');
    expect(formatInvoiceNumber(1000)).toBe('RE0000100008');
    expect(formatInvoiceNumber(12345678)).toBe('RE1234567889');
    expect(formatInvoiceNumber(99999999)).toBe('RE9999999952');
  });

  it('makes the whole number ≡ 1 (mod 97), like an IBAN', () => {
    for (let seq = 0; seq < 3000; seq++) {
      const n = formatInvoiceNumber(seq * 33331);
      expect(n).toHaveLength(12);
      expect(wholeNumberMod97(n)).toBe(1n);
    }
  });

  it.each([-1, 100_000_000, 1e12, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])(
    'throws for out-of-range sequence %p',
    (bad) => {
      expect(() => formatInvoiceNumber(bad)).toThrow(/out of range/);
    },
  );

  it('accepts both ends of the range', () => {
    expect(() => formatInvoiceNumber(0)).not.toThrow();
    expect(() => formatInvoiceNumber(99_999_999)).not.toThrow();
  });
});

describe('isValidInvoiceNumber', () => {
  it('accepts formatted numbers', () => {
    for (const [seq] of HAND_COMPUTED) expect(isValidInvoiceNumber(formatInvoiceNumber(seq))).toBe(true);
    expect(isValidInvoiceNumber('RE1234567889')).toBe(true);
  });

  it.each([
    ['wrong check digits', 'RE1234567888'],
    ['check digit 99 (≡ 2 mod 97 but never produced)', 'RE0000000099'],
    ['check digits 00', 'RE0000000000'],
    ['lower-case prefix', 're1234567889'],
    ['other prefix', 'RG1234567889'],
    ['no prefix', '1234567889'],
    ['too short body', 'RE123456789'],
    ['too long body', 'RE12345678900'],
    ['leading space', ' RE1234567889'],
    ['trailing space', 'RE1234567889 '],
    ['embedded in text', 'xRE1234567889'],
    ['letters in body', 'RE12345A7889'],
    ['empty', ''],
  ])('rejects %s: %p', (_why, candidate) => {
    expect(isValidInvoiceNumber(candidate)).toBe(false);
  });

  it('detects every single-digit substitution (body and check digits)', () => {
    let checked = 0;
    for (let i = 0; i < 300; i++) {
      const valid = formatInvoiceNumber((i * 3_333_337 + 11) % 100_000_000);
      const digits = valid.slice(2);
      for (let pos = 0; pos < digits.length; pos++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === digits[pos]) continue;
          const mutated = `RE${digits.slice(0, pos)}${d}${digits.slice(pos + 1)}`;
          expect(isValidInvoiceNumber(mutated)).toBe(false);
          checked++;
        }
      }
    }
    expect(checked).toBe(300 * 10 * 9);
  });

  it('detects every transposition of neighbouring different digits (including across the check digits)', () => {
    let checked = 0;
    for (let i = 0; i < 400; i++) {
      const valid = formatInvoiceNumber((i * 2_718_281 + 5) % 100_000_000);
      const digits = valid.slice(2);
      for (let pos = 0; pos + 1 < digits.length; pos++) {
        if (digits[pos] === digits[pos + 1]) continue;
        const swapped = `RE${digits.slice(0, pos)}${digits[pos + 1]}${digits[pos]}${digits.slice(pos + 2)}`;
        expect(isValidInvoiceNumber(swapped)).toBe(false);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2000);
  });
});
