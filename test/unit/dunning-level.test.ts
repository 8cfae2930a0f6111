import { dunningLevelName, feeLevel, reminderKind } from '../../domain/documents/dunning-level';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));

describe('dunning levels', () => {
  it('names the levels as letters do and gives each its document kind', () => {
    expect([1, 2, 3].map(dunningLevelName)).toEqual(['Zahlungserinnerung', '1. Mahnung', '2. Mahnung']);
    expect(reminderKind(2)).toBe('REMINDER_2');
  });

  it('a fee belongs to the first dunning letter archived at or after it', () => {
    // Level 1 charged nothing (no fee booked); levels 2 and 3 did, each just before its letter.
    const letters = [
      { level: 1, archivedAt: at(0) },
      { level: 2, archivedAt: at(10) },
      { level: 3, archivedAt: at(20) },
    ];
    expect(feeLevel(at(10), letters, 3)).toBe(2);
    expect(feeLevel(at(19), letters, 3)).toBe(3);
  });

  it("a fee whose letter is not archived yet was charged at the claim's current level", () => {
    expect(feeLevel(at(30), [{ level: 1, archivedAt: at(0) }], 2)).toBe(2);
    expect(feeLevel(at(0), [], 1)).toBe(1);
  });
});
