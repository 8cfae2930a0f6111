import { formatDate, formatEuro } from '../../domain/format';

describe('formatEuro', () => {
  it.each([
    [0, '0,00 €'],
    [5, '0,05 €'],
    [10, '0,10 €'],
    [99, '0,99 €'],
    [100, '1,00 €'],
    [1234, '12,34 €'],
    [99999, '999,99 €'],
    [100000, '1.000,00 €'],
    [123456, '1.234,56 €'],
    [1000001, '10.000,01 €'],
    [12345678, '123.456,78 €'],
    [100000000, '1.000.000,00 €'],
    [12345678901, '123.456.789,01 €'],
  ])('%i cents -> %p', (cents, text) => {
    expect(formatEuro(cents)).toBe(text);
  });

  it.each([
    [-5, '-0,05 €'],
    [-100, '-1,00 €'],
    [-123456, '-1.234,56 €'],
    [-100000000, '-1.000.000,00 €'],
  ])('negative %i cents -> %p', (cents, text) => {
    expect(formatEuro(cents)).toBe(text);
  });

  it('formats -0 as zero without a sign', () => {
    expect(formatEuro(-0)).toBe('0,00 €');
  });

  it('uses comma as decimal and dot as thousands separator, space before the euro sign', () => {
    const s = formatEuro(987654321);
    expect(s).toBe('9.876.543,21 €');
    expect(s.endsWith(' €')).toBe(true);
  });

  it('stays exact for large amounts (no float rounding)', () => {
    expect(formatEuro(Number.MAX_SAFE_INTEGER)).toBe('90.071.992.547.409,91 €');
  });
});

describe('formatDate', () => {
  it.each([
    ['2024-03-05', '05.03.2024'],
    ['2024-12-31', '31.12.2024'],
    ['2024-02-29', '29.02.2024'],
    ['1999-01-01', '01.01.1999'],
    ['2024-02-29T10:15:00Z', '29.02.2024'],
    ['2024-07-01T00:00:00.000Z', '01.07.2024'],
  ])('%p -> %p', (input, text) => {
    expect(formatDate(input)).toBe(text);
  });

  it('formats a Date by its UTC calendar day', () => {
    expect(formatDate(new Date(Date.UTC(2024, 0, 15, 12)))).toBe('15.01.2024');
    expect(formatDate(new Date(Date.UTC(2024, 11, 31, 23, 59, 59)))).toBe('31.12.2024');
    // 00:30 in Berlin on 1 January is still 31 December in UTC
    expect(formatDate(new Date('2024-01-01T00:30:00+01:00'))).toBe('31.12.2023');
  });
});
