import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { mutate, mutationArb, OUTSIDE_MARKER } from '../../fuzz/mutate';
import { TARGETS } from '../../fuzz/targets';

/**
 * A few hundred inputs of `npm run fuzz` in the suite, so CI guards every parser: each mutated
 * input ends in a result or the project's own precise refusal, never in a crash, a silent loss or
 * content from outside the file. (The script runs 10,000 per parser, each under a deadline.)
 */

jest.setTimeout(120_000);

const outsideFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'claimflow-fuzz-test-')), 'outside.txt');
fs.writeFileSync(outsideFile, OUTSIDE_MARKER);

test.each(TARGETS.map((t) => [t.name, t] as const))('%s: mutated inputs end in a result or a precise refusal', (_name, target) => {
  const seeds = target.seeds();
  expect(seeds.length).toBeGreaterThan(0);
  const defects = fc.sample(mutationArb, { numRuns: 50, seed: 1202 }).flatMap((mutations, i) => {
    const verdict = target.check(mutate(seeds[i % seeds.length], mutations, outsideFile));
    return verdict.kind === 'crash' || verdict.kind === 'silent_loss' ? [{ mutations, verdict }] : [];
  });
  expect(defects).toEqual([]);
});

test('the checks see a defect: a file stating more booked entries than were read counts as a silent loss', () => {
  const camt = TARGETS.find((t) => t.name === 'camt')!;
  const seed = camt.seeds().find((s) => /<Ntry>[\s\S]*?<Sts>BOOK/.test(s.toString('utf8')))!;
  // The parser reads the unmutated file completely.
  expect(camt.check(seed).kind).toBe('result');
  // A file that states one more booked entry than any parser could have read from it (a comment
  // hides it): the check counts it, the parser rightly does not, so the verdict flags the gap.
  const hidden = Buffer.from(seed.toString('utf8').replace('</Document>', '<!-- <Ntry><Sts>BOOK</Sts></Ntry> --></Document>'));
  expect(camt.check(hidden)).toMatchObject({ kind: 'silent_loss' });
});
