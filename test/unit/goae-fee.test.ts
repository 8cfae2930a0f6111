import {
  applyInpatientReduction,
  DEFAULT_GOAE_POLICY,
  feeCents,
  inpatientReductionCents,
  parseFactor,
  type GoaePolicy,
} from '../../domain/goae/fee';

// Expected values computed by hand: points × 5.82873 cent × factor, rounded half-up.
describe('feeCents', () => {
  it('prices GOÄ 1 (80 points) at 2.3: 1072.48632 cent -> 10.72 EUR', () => {
    expect(feeCents(80, '2.3')).toBe(1072);
  });

  it('prices GOÄ 3 (150 points) at 2.3: 2010.91185 cent -> 20.11 EUR', () => {
    expect(feeCents(150, '2.3')).toBe(2011);
  });

  it('prices a lab service (60 points) at 1.15: 402.18237 -> 4.02 EUR', () => {
    expect(feeCents(60, '1.15')).toBe(402);
  });

  it('prices a technical service (40 points) at 1.8: 419.66856 -> 4.20 EUR', () => {
    expect(feeCents(40, '1.8')).toBe(420);
  });

  it('rounds just below half a cent down and just above it up', () => {
    // GOÄ 30, 900 points at 3.5 = 18360.4995 cent; GOÄ 11, 60 points at 1.8 = 629.50284 cent
    expect(feeCents(900, '3.5')).toBe(18360);
    expect(feeCents(60, '1.8')).toBe(630);
  });

  it('rounds an exact half cent up (policy with point value 1.5 cent)', () => {
    const policy: GoaePolicy = { ...DEFAULT_GOAE_POLICY, pointValueCent: '1.5' };
    expect(feeCents(1, '1', 1, policy)).toBe(2); // 1.5 -> 2
    expect(feeCents(3, '1.5', 1, policy)).toBe(7); // 6.75 -> 7
  });

  it('rounds the single fee, then multiplies by count', () => {
    // 3 × 1072.48632 = 3217.46 would round to 3217; per-unit rounding gives 3 × 1072
    expect(feeCents(80, '2.3', 3)).toBe(3216);
  });

  it('accepts factors with one or two decimals and integer factors', () => {
    expect(feeCents(80, '1')).toBe(466); // 466.2984
    expect(feeCents(80, '3.50')).toBe(1632); // 1632.0444
  });

  it('uses the point value of the policy passed in', () => {
    const policy: GoaePolicy = { ...DEFAULT_GOAE_POLICY, pointValueCent: '6' };
    expect(feeCents(80, '2.3', 1, policy)).toBe(1104); // 80 × 6 × 2.3
  });

  it('rejects bad factors and counts', () => {
    expect(() => feeCents(80, '2.345')).toThrow(/at most 2 decimals/);
    expect(() => feeCents(80, '0')).toThrow(/greater than 0/);
    expect(() => feeCents(80, '0.00')).toThrow(/greater than 0/);
    expect(() => feeCents(80, '-1')).toThrow();
    expect(() => feeCents(80, '2,3')).toThrow();
    expect(() => feeCents(80, 'abc')).toThrow();
    expect(() => feeCents(80, '2.3', 0)).toThrow(/count/);
    expect(() => feeCents(80.5, '2.3')).toThrow(/points/);
  });
});

describe('parseFactor', () => {
  it('returns hundredths', () => {
    expect(parseFactor('2.3')).toBe(230);
    expect(parseFactor('1.15')).toBe(115);
    expect(parseFactor('1')).toBe(100);
    expect(parseFactor(' 3.5 ')).toBe(350);
  });
});

describe('§ 6a inpatient reduction', () => {
  it('reduces by 25 %, rounding the reduced fee half-up', () => {
    // GOÄ 3 at 2.3 = 2011; 75 % = 1508.25 -> 1508, the reduction is the rest
    expect(inpatientReductionCents(2011, '25')).toBe(503);
    expect(applyInpatientReduction(2011, '25')).toBe(1508);
  });

  it('reduces by 15 % (Belegärzte)', () => {
    // 1072 × 15 % = 160.8 -> 161
    expect(applyInpatientReduction(1072, '15')).toBe(911);
  });

  it('rounds an exact half cent of the reduced fee up, not of the reduction', () => {
    // 40.22 × 0.75 = 30.165 -> 30.17 (rounding the reduction 10.055 up gave 30.16)
    expect(applyInpatientReduction(4022, '25')).toBe(3017);
    expect(inpatientReductionCents(4022, '25')).toBe(1005);
    expect(applyInpatientReduction(10, '15')).toBe(9); // 8.5 -> 9
    expect(inpatientReductionCents(2, '25')).toBe(0); // 1.5 -> 2 kept
  });

  it('leaves the amount alone for none', () => {
    expect(applyInpatientReduction(1072, 'none')).toBe(1072);
  });
});
