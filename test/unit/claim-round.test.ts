import { claimRoundKeys, reopenKey, roundKey } from '../../domain/claims/claim-round';

test('round 1 keeps the keys claims in flight and recorded histories use', () => {
  expect(claimRoundKeys('C-1', 1)).toEqual({
    writeOff: 'write-off:C-1',
    writeOffNotice: 'write-off-notice:C-1',
    uncollectible: 'uncollectible:C-1',
    cancel: 'cancel:C-1',
    cancellationLetter: 'cancellation:C-1',
    finalPayoutStep: 'final',
  });
});

test('a reopened claim’s rounds get keys of their own', () => {
  expect(claimRoundKeys('C-1', 2)).toEqual({
    writeOff: 'write-off:C-1#r2',
    writeOffNotice: 'write-off-notice:C-1#r2',
    uncollectible: 'uncollectible:C-1#r2',
    cancel: 'cancel:C-1#r2',
    cancellationLetter: 'cancellation:C-1#r2',
    finalPayoutStep: 'final#r2',
  });
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
