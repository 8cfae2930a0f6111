import { claimRoundKeys, reopenKey, roundKey } from '../../domain/claims/claim-round';

test.each([
  [1, 'keeps the keys claims in flight and recorded histories use', ''],
  [2, 'gets keys of its own', '#r2'],
])('round %i %s', (round, _what, suffix) => {
  expect(claimRoundKeys('C-1', round)).toEqual({
    writeOff: `write-off:C-1${suffix}`,
    writeOffNotice: `write-off-notice:C-1${suffix}`,
    uncollectible: `uncollectible:C-1${suffix}`,
    cancel: `cancel:C-1${suffix}`,
    cancellationLetter: `cancellation:C-1${suffix}`,
    finalPayoutStep: `final${suffix}`,
  });
});

test('the round is appended to any key; the reopening entry names the round it begins', () => {
  expect(roundKey('write-off:C-1', 3)).toBe('write-off:C-1#r3');
  expect(reopenKey('C-1', 2)).toBe('reopen:C-1:2');
});

test('no round key of one round is another round’s', () => {
  const all = [1, 2, 3, 10, 11].flatMap((r) => Object.values(claimRoundKeys('C-1', r)));
  expect(new Set(all).size).toBe(all.length);
});

test.each([0, -1, 1.5, Number.NaN])('a round of %p is refused', (round) => {
  expect(() => roundKey('write-off:C-1', round)).toThrow(`a claim's round is 1, 2, 3 …, not ${round}`);
});
