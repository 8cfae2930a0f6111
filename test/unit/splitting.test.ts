import { apportion } from '../../domain/splitting/apportion';
import { evaluateLevies, evaluateSplit, type SplitLine } from '../../domain/splitting/evaluate-split';
import { SplitStages, type ShareRecipient } from '../../domain/splitting/split-rules';
import { LevyRuleSpecs } from '../../domain/splitting/levy-rules';

// An invoice: consultation (B), examination (B), two lab codes (M), an X-ray (O).
const lines: SplitLine[] = [
  { lineNo: 1, code: '1', amountCents: 1072 },
  { lineNo: 2, code: '5', amountCents: 1072 },
  { lineNo: 3, code: '3501', amountCents: 349 },
  { lineNo: 4, code: '3502', amountCents: 699 },
  { lineNo: 5, code: '5000', amountCents: 1749 },
];
const total = 4941;
const resolve = (to: ShareRecipient) => ('clientId' in to ? to.clientId : 'treating');
const sum = (xs: Array<{ amountCents: number }>) => xs.reduce((s, x) => s + x.amountCents, 0);

test('apportion: whole cents, largest remainder, ties and the rest to the last part, sums exact', () => {
  expect(apportion(100, [1, 1, 1])).toEqual([33, 33, 34]);
  expect(apportion(1001, [333, 667])).toEqual([333, 668]);
  expect(apportion(-100, [1, 1, 1])).toEqual([-33, -33, -34]);
  expect(apportion(7, [0, 0])).toEqual([0, 7]);
  expect(apportion(10, [2, 5, 3])).toEqual([2, 5, 3]);
});

test('without rules the whole claim is the treating client\'s', () => {
  expect(evaluateSplit(total, lines, [], resolve, 'treating')).toEqual([
    { stage: 0, clientId: 'treating', amountCents: 4941, rule: "whole claim to the treating doctor's client", lines: lines.map((l) => ({ lineNo: l.lineNo, cents: l.amountCents })) },
  ]);
});

test('by code: GOÄ 5000 to the radiologist, written as a client file may write it', () => {
  const stages = SplitStages.parse([{ label: 'Röntgen', match: { codes: ['Nr. 5000'] }, to: { clientId: 'radiology' } }]);
  const shares = evaluateSplit(total, lines, stages, resolve, 'treating');
  expect(shares.map((s) => [s.clientId, s.amountCents, s.lines])).toEqual([
    ['radiology', 1749, [{ lineNo: 5, cents: 1749 }]],
    ['treating', 3192, [{ lineNo: 1, cents: 1072 }, { lineNo: 2, cents: 1072 }, { lineNo: 3, cents: 349 }, { lineNo: 4, cents: 699 }]],
  ]);
  expect(sum(shares)).toBe(total);
});

test('by section: the laboratory codes of section M to the lab doctor', () => {
  const stages = SplitStages.parse([{ label: 'Labor', match: { sections: ['M'] }, to: { clientId: 'lab' } }]);
  const shares = evaluateSplit(total, lines, stages, resolve, 'treating');
  expect(shares.map((s) => [s.clientId, s.amountCents])).toEqual([['lab', 1048], ['treating', 3893]]);
  expect(shares[0].rule).toBe('stage 1 "Labor": 100 % of the unassigned 1048 cents of section M');
});

test('multi-stage: section M to the lab, 40 % of section O to the radiologist (floor), the rest with its rounding cent to the treating client', () => {
  const stages = SplitStages.parse([
    { label: 'Labor', match: { sections: ['M'] }, to: { clientId: 'lab' } },
    { label: 'Radiologie', match: { sections: ['O'] }, rate: '0.40', to: { clientId: 'radiology' } },
    { label: 'Praxis', match: { all: true }, rate: '0.5', to: { treatingDoctor: true } },
  ]);
  const shares = evaluateSplit(total, lines, stages, resolve, 'treating');
  // 40 % of 1749 = 699.6 -> 699; half of the remaining 1072 + 1072 + 1050 = 3194 -> 1597; rest 1597.
  expect(shares.map((s) => [s.stage, s.clientId, s.amountCents])).toEqual([
    [0, 'lab', 1048],
    [1, 'radiology', 699],
    [2, 'treating', 1597],
    [3, 'treating', 1597],
  ]);
  expect(shares[3].lines).toEqual([{ lineNo: 1, cents: 536 }, { lineNo: 2, cents: 536 }, { lineNo: 5, cents: 525 }]);
  expect(sum(shares)).toBe(total);
});

test('a stage with an invalid rate or section is refused by the schema', () => {
  expect(SplitStages.safeParse([{ label: 'x', match: { sections: ['Z'] }, to: { treatingDoctor: true } }]).success).toBe(false);
  expect(SplitStages.safeParse([{ label: 'x', match: { all: true }, rate: '1.5', to: { treatingDoctor: true } }]).success).toBe(false);
  expect(LevyRuleSpecs.safeParse([{ label: 'x', recipientId: 'r', match: { all: true }, rate: '0.1', fixedCents: 5 }]).success).toBe(false);
});

test('levies: a percentage of section O and a fixed pool share, never more than the client\'s share', () => {
  const stages = SplitStages.parse([{ label: 'Labor', match: { sections: ['M'] }, to: { clientId: 'lab' } }]);
  const shares = evaluateSplit(total, lines, stages, resolve, 'treating');
  const levies = LevyRuleSpecs.parse([
    { label: 'Chefarztabgabe', recipientId: 'hospital', match: { sections: ['O'] }, rate: '0.35' },
    { label: 'Pool', recipientId: 'pool', match: { all: true }, fixedCents: 500 },
    { label: 'Labor-Pool', recipientId: 'pool', match: { sections: ['M'] }, fixedCents: 100 },
  ]);
  const owed = evaluateLevies('treating', shares, levies, lines);
  // 35 % of 1749 = 612.15 -> 612; the fixed 500; the lab levy has no cents of this client.
  expect(owed.map((l) => [l.recipientId, l.ruleIndex, l.amountCents])).toEqual([
    ['hospital', 0, 612],
    ['pool', 1, 500],
  ]);
  expect(owed[0].lines).toEqual([{ lineNo: 5, cents: 612 }]);
  expect(sum(owed[1].lines.map((l) => ({ amountCents: l.cents })))).toBe(500);
  expect(evaluateLevies('lab', shares, LevyRuleSpecs.parse([{ label: 'Pool', recipientId: 'pool', match: { all: true }, fixedCents: 5000 }]), lines).map((l) => l.amountCents)).toEqual([1048]);
});
