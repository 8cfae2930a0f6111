import { BaseRateTable, baseRateProblem, basisPoints, percentText } from '../../domain/interest/base-rate';
import { defaultInterest, type InterestFacts } from '../../domain/interest/default-interest';
import { defaultBegins } from '../../domain/interest/default-start';
import { DEFAULT_INTEREST_POLICY } from '../../domain/interest/interest-policy';
import { Refusal } from '../../domain/refusal';

// The published base rates of § 247 BGB for 2024 and 2025 (Deutsche Bundesbank).
const RATES = new BaseRateTable([
  { validFrom: '2024-01-01', percent: '3.62' },
  { validFrom: '2024-07-01', percent: '3.37' },
  { validFrom: '2025-01-01', percent: '2.27' },
  { validFrom: '2025-07-01', percent: '1.27' },
]);

const consumer = (f: Partial<InterestFacts> = {}): InterestFacts => ({ defaultSince: '2024-05-15', principalCents: 100_000, marginBp: 500, principalChanges: [], ...f });

describe('default interest (§ 288 BGB)', () => {
  it('splits at both base-rate changes and matches hand-computed cents', () => {
    // 1,000.00 EUR in default since 15 May 2024, as of 10 Feb 2025, ACT/365:
    //   16.05.–30.06.2024:  46 days at 8.62 % = 100000 × 0.0862 × 46/365 = 1086.36 → 1086
    //   01.07.–31.12.2024: 184 days at 8.37 % = 100000 × 0.0837 × 184/365 = 4219.40 → 4219
    //   01.01.–10.02.2025:  41 days at 7.27 % = 100000 × 0.0727 × 41/365 = 816.63 → 817
    const r = defaultInterest(consumer(), RATES, '2025-02-10', 'ACT_365');
    expect(r.periods.map((p) => [p.from, p.to, p.days, p.ratePercent, p.interestCents])).toEqual([
      ['2024-05-16', '2024-06-30', 46, '8.62', 1086],
      ['2024-07-01', '2024-12-31', 184, '8.37', 4219],
      ['2025-01-01', '2025-02-10', 41, '7.27', 817],
    ]);
    expect(r.totalCents).toBe(6122);
    // one more day: 100000 × 0.0727 / 365 = 19.92 → 20
    expect(r.dailyCents).toBe(20);
    expect(r.ratePercent).toBe('7.27');
  });

  it('charges interest on the principal open each day: a payment lowers it from the next day', () => {
    // 400.00 EUR of principal paid on 31 Aug 2024:
    //   01.07.–31.08.2024:  62 days on 1000.00 at 8.37 % = 1421.75 → 1422
    //   01.09.–31.12.2024: 122 days on  600.00 at 8.37 % = 1678.58 → 1679
    //   01.01.–10.02.2025:  41 days on  600.00 at 7.27 % =  489.98 →  490
    const r = defaultInterest(consumer({ principalChanges: [{ day: '2024-08-31', cents: -40_000 }] }), RATES, '2025-02-10', 'ACT_365');
    expect(r.periods.map((p) => [p.from, p.principalCents, p.interestCents])).toEqual([
      ['2024-05-16', 100_000, 1086],
      ['2024-07-01', 100_000, 1422],
      ['2024-09-01', 60_000, 1679],
      ['2025-01-01', 60_000, 490],
    ]);
    expect(r.totalCents).toBe(4677);
  });

  it('uses 9 points for businesses and the calendar year with ACT_ACT (2024 has 366 days)', () => {
    // 16.05.–30.06.2024: 46 days at 12.62 % on 1000.00 / 366 = 1586.07 → 1586
    const r = defaultInterest(consumer({ marginBp: 900 }), RATES, '2024-06-30', 'ACT_ACT');
    expect(r.periods).toHaveLength(1);
    expect(r.periods[0].interestCents).toBe(1586);
  });

  it('charges nothing on or before the day default began, and nothing on a paid-off principal', () => {
    expect(defaultInterest(consumer(), RATES, '2024-05-15', 'ACT_365')).toMatchObject({ periods: [], totalCents: 0, dailyCents: 0, ratePercent: null });
    expect(defaultInterest(consumer({ principalChanges: [{ day: '2024-05-20', cents: -100_000 }] }), RATES, '2024-06-30', 'ACT_365').periods.map((p) => p.interestCents)).toEqual([
      // 16.–20.05.: 5 days on 1000.00 at 8.62 % = 118.08 → 118; then nothing
      118, 0,
    ]);
  });

  it('refuses a day past the last known base rate instead of guessing', () => {
    const compute = () => defaultInterest(consumer(), RATES, '2026-01-05', 'ACT_365');
    expect(compute).toThrow(Refusal);
    expect(compute).toThrow(/no base rate for 2026-01-01.*half year from 2025-07-01/);
  });
});

describe('the base-rate table', () => {
  it('reads and writes percentages exactly', () => {
    expect(basisPoints('-0.88')).toBe(-88);
    expect(basisPoints('1.27')).toBe(127);
    expect(basisPoints('5')).toBe(500);
    expect(percentText(-88)).toBe('-0.88');
    expect(percentText(627)).toBe('6.27');
  });

  it('accepts only the next half year, on 1 January or 1 July', () => {
    expect(baseRateProblem(RATES.rates, { validFrom: '2026-01-01', percent: '1.27' })).toBeNull();
    expect(baseRateProblem(RATES.rates, { validFrom: '2026-07-01', percent: '1.27' })).toMatch(/next rate is the one from 2026-01-01/);
    expect(baseRateProblem(RATES.rates, { validFrom: '2026-02-01', percent: '1.27' })).toMatch(/only on 1 January and 1 July/);
    expect(baseRateProblem(RATES.rates, { validFrom: '2026-01-01', percent: '1,27' })).toMatch(/at most two decimals/);
  });
});

describe('when default begins (§ 286 BGB)', () => {
  const policy = DEFAULT_INTEREST_POLICY; // first reminder; 30 days; delivered after 3 days

  it('begins with the receipt of the first reminder', () => {
    expect(defaultBegins({ invoiceDay: '2025-03-01', business: false }, policy)).toBeNull();
    expect(defaultBegins({ invoiceDay: '2025-03-01', firstReminderDay: '2025-04-10', business: false }, policy)).toBe('2025-04-13');
  });

  it('begins 30 days after receipt when the invoice carried the notice, or for a business', () => {
    const notice = { ...policy, defaultRule: 'notice_30_days' as const };
    expect(defaultBegins({ invoiceDay: '2025-03-01', business: false }, notice)).toBe('2025-04-03');
    expect(defaultBegins({ invoiceDay: '2025-03-01', business: true }, policy)).toBe('2025-04-03');
    // a reminder received earlier comes first
    expect(defaultBegins({ invoiceDay: '2025-03-01', firstReminderDay: '2025-03-20', business: false }, notice)).toBe('2025-03-23');
  });
});
