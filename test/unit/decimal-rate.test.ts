import { applyRate, parseRate } from '../../domain/decimal-rate';

describe('parseRate', () => {
  it.each([
    ['0.035', 35n, 1000n],
    ['0.06', 6n, 100n],
    ['12', 12n, 1n],
    ['0', 0n, 1n],
    ['1.5', 15n, 10n],
    ['0.123456789', 123456789n, 1_000_000_000n],
    ['007.50', 750n, 100n],
    [' 0.5 ', 5n, 10n],
  ])('parses %p as %s / %s', (rate, numerator, denominator) => {
    expect(parseRate(rate)).toEqual({ numerator, denominator });
  });

  it.each(['', ' ', '-0.1', '+0.1', '.5', '5.', '0,5', '1e-3', 'abc', '1.2.3', 'NaN', '0.1234567890', '3.5%', '0x10'])(
    'rejects %p',
    (bad) => {
      expect(() => parseRate(bad)).toThrow(/not a non-negative decimal/);
    },
  );
});

describe('applyRate', () => {
  describe('rounds half up at exact halves', () => {
    it.each([
      // cents, rate, exact product (by hand), expected
      [50, '0.01', '0.5', 1],
      [149, '0.5', '74.5', 75],
      [1, '0.5', '0.5', 1],
      [3, '0.5', '1.5', 2],
      [5, '0.1', '0.5', 1],
      [1005, '0.5', '502.5', 503],
      [101, '2.5', '252.5', 253],
      [100, '0.035', '3.5', 4],
      [300, '0.035', '10.5', 11],
    ])('%i × %s = %s -> %i', (cents, rate, _exact, expected) => {
      expect(applyRate(cents, rate)).toBe(expected);
    });
  });

  describe('rounds down just below half and up just above', () => {
    it.each([
      [149, '0.49', 73], // 73.01
      [149, '0.497', 74], // 74.053
      [49, '0.01', 0], // 0.49
      [51, '0.01', 1], // 0.51
      [1, '0.499999999', 0], // 0.499999999
      [1, '0.500000001', 1], // 0.500000001
      [3, '0.166666666', 0], // 0.499999998
      [3, '0.166666667', 1], // 0.500000001
      [99, '0.035', 3], // 3.465
      [2750, '0.06', 165], // exact
      [7250, '0.06', 435], // exact
      [10000, '0.035', 350], // exact
      [9999, '0.035', 350], // 349.965
      [12345, '0.035', 432], // 432.075
    ])('%i × %s -> %i', (cents, rate, expected) => {
      expect(applyRate(cents, rate)).toBe(expected);
    });
  });

  it('handles many decimals without float error', () => {
    // 100000000 × 0.123456789 = 12345678.9 -> 12345679
    expect(applyRate(100_000_000, '0.123456789')).toBe(12_345_679);
    // 0.1 + 0.2 style traps: 10 × 0.7 = 7 exactly, 1000 × 1.005 = 1005 exactly
    expect(applyRate(10, '0.7')).toBe(7);
    expect(applyRate(1000, '1.005')).toBe(1005);
    // 201 × 1.005 = 202.005 -> 202 ; 202 × 1.005 = 203.01 -> 203
    expect(applyRate(201, '1.005')).toBe(202);
    expect(applyRate(202, '1.005')).toBe(203);
  });

  it('identity and zero rates', () => {
    expect(applyRate(123_456, '1')).toBe(123_456);
    expect(applyRate(123_456, '1.000000000')).toBe(123_456);
    expect(applyRate(123_456, '0')).toBe(0);
    expect(applyRate(0, '0.035')).toBe(0);
  });

  it('stays exact for amounts near the safe-integer limit', () => {
    expect(applyRate(Number.MAX_SAFE_INTEGER, '1')).toBe(Number.MAX_SAFE_INTEGER);
    // 9007199254740990 / 2 = 4503599627370495 exactly
    expect(applyRate(Number.MAX_SAFE_INTEGER - 1, '0.5')).toBe(4_503_599_627_370_495);
  });

  describe('negative amounts round half away from zero (mirror of positive)', () => {
    it.each([
      [-50, '0.01', -1],
      [-149, '0.5', -75],
      [-149, '0.49', -73],
      [-10000, '0.035', -350],
      [-9999, '0.035', -350],
      [-1, '0.5', -1],
    ])('%i × %s -> %i', (cents, rate, expected) => {
      expect(applyRate(cents, rate)).toBe(expected);
    });

    it('a negative amount that rounds to nothing is numerically zero', () => {
      // -4 × 0.1 = -0.4 -> 0 (the implementation may give -0; both must compare equal to 0)
      expect(applyRate(-4, '0.1') === 0).toBe(true);
    });

    it('is symmetric: applyRate(-x) = -applyRate(x)', () => {
      for (let x = 1; x < 3000; x += 7) {
        for (const r of ['0.035', '0.06', '0.5', '0.015', '1.25']) expect(applyRate(-x, r)).toBe(0 - applyRate(x, r));
      }
    });
  });

  it('matches an independent integer computation of floor(x·n/d + 1/2)', () => {
    const rates: Array<[string, number, number]> = [
      ['0.035', 35, 1000],
      ['0.06', 6, 100],
      ['0.0725', 725, 10000],
      ['0.333', 333, 1000],
    ];
    for (const [rate, n, d] of rates) {
      for (let x = 0; x < 20000; x += 13) {
        expect(applyRate(x, rate)).toBe(Math.floor((2 * x * n + d) / (2 * d)));
      }
    }
  });

  it.each(['-0.035', '0,035', '', '1e-2', '0.0000000001', 'abc'])('throws for the invalid rate %p', (bad) => {
    expect(() => applyRate(100, bad)).toThrow(/not a non-negative decimal/);
  });

  it('throws for fractional cents instead of rounding silently', () => {
    expect(() => applyRate(1.5, '0.5')).toThrow();
  });
});
