import { addMonths, escalationDay, limitationDate, type LimitationFact } from '../../domain/claims/limitation';
import { DEFAULT_LIMITATION_POLICY } from '../../domain/claims/limitation-policy';

const rules = DEFAULT_LIMITATION_POLICY;
const at = (fellDue: string, events: LimitationFact[] = []) => limitationDate(fellDue, events, rules);

describe('limitation date (§§ 195, 199 BGB)', () => {
  it.each([
    ['2026-01-01', '2029-12-31'],
    ['2026-12-31', '2029-12-31'],
    ['2027-01-01', '2030-12-31'],
    ['2024-02-29', '2027-12-31'],
  ])('a claim due on %s is time-barred after %s', (due, expected) => expect(at(due)).toBe(expected));

  it('follows the policy’s period', () => expect(limitationDate('2026-05-05', [], { ...rules, regularYears: 2 })).toBe('2028-12-31'));
});

describe('halts (§§ 203, 204, 209 BGB)', () => {
  it('a dunning order halts from its application until six months after the proceedings end', () => {
    // Halted 2029-06-01 … 2030-03-30 (six months after 30 September): 214 + 89 = 303 days added to 2029-12-31.
    expect(at('2026-03-10', [{ kind: 'DUNNING_ORDER', date: '2029-06-01', until: '2029-09-30' }])).toBe('2030-10-30');
  });

  it('negotiations halt while they last and leave at least three months after', () => {
    // 20 days halted would give 2030-01-20; three months after the end is later.
    expect(at('2026-03-10', [{ kind: 'NEGOTIATION', date: '2029-12-01', until: '2029-12-20' }])).toBe('2030-03-20');
    // Long negotiations: the 366 halted days of 2028 count, the three months lie within them.
    expect(at('2026-03-10', [{ kind: 'NEGOTIATION', date: '2028-01-01', until: '2028-12-31' }])).toBe('2031-01-01');
  });

  it('overlapping halts count each day once', () => {
    const events: LimitationFact[] = [
      { kind: 'NEGOTIATION', date: '2028-01-01', until: '2028-01-31' },
      { kind: 'NEGOTIATION', date: '2028-01-15', until: '2028-02-14' },
    ];
    // 2028-01-01 … 2028-02-14: 45 days.
    expect(at('2026-03-10', events)).toBe('2030-02-14');
  });

  it('a halt still lasting leaves no date; one after the limitation date revives nothing', () => {
    expect(at('2026-03-10', [{ kind: 'DUNNING_ORDER', date: '2029-06-01' }])).toBeNull();
    expect(at('2026-03-10', [{ kind: 'NEGOTIATION', date: '2030-01-02', until: '2030-02-01' }])).toBe('2029-12-31');
  });
});

describe('a title (§ 197 BGB)', () => {
  it('runs thirty years from its day; halts before it are absorbed', () => {
    const events: LimitationFact[] = [
      { kind: 'DUNNING_ORDER', date: '2027-03-01', until: '2027-05-01' },
      { kind: 'TITLE', date: '2027-06-15' },
    ];
    expect(at('2026-03-10', events)).toBe('2057-06-15');
  });

  it('a title of 29 February ends on 28 February of a common year (§ 188 (3) BGB)', () => {
    expect(at('2026-03-10', [{ kind: 'TITLE', date: '2028-02-29' }])).toBe('2058-02-28');
  });
});

describe('calendar arithmetic', () => {
  it.each([
    ['2029-08-31', 6, '2030-02-28'],
    ['2031-08-31', 6, '2032-02-29'],
    ['2029-12-31', 1, '2030-01-31'],
    ['2030-01-31', -2, '2029-11-30'],
  ])('%s plus %i months is %s', (day, months, expected) => expect(addMonths(day, months)).toBe(expected));

  it('escalation is due the policy’s days before the limitation date', () => expect(escalationDay('2030-01-10', 20)).toBe('2029-12-21'));
});
