import { compareNames, nameTokens, samePayerName } from '../../domain/matching/payer-name';
import { memoryMatchContext } from '../../domain/matching/memory-context';
import { claim, IBAN_MUELLER } from './matching-fixtures';

describe('payer names as banks write them', () => {
  it('drops titles and salutations and spells umlauts and accents out', () => {
    expect(nameTokens('Prof. Dr. med. Jürgen Größmann')).toEqual(['juergen', 'groessmann']);
    expect(nameTokens('Frau Åsa Öztürk-Lefèvre')).toEqual(['asa', 'oeztuerk', 'lefevre']);
  });

  it.each([
    ['Dr. Hans Müller', 'MUELLER, HANS', 'match'],
    ['Dr. Hans Müller', 'Müller, Hans', 'match'],
    ['Hans Müller', 'H. Mueller', 'match'],
    ['Hans Müller', 'Hans und Maria Müller', 'match'],
    ['Hans Müller', 'Maria Müller', 'partial'],
    ['Hans Müller', 'Peter Lorenz', 'mismatch'],
    ['Hans Müller', undefined, 'unknown'],
    ['Hans Müller', '  ', 'unknown'],
  ] as const)('%s vs %s: %s', (payer, holder, verdict) => {
    expect(compareNames(payer, holder)).toBe(verdict);
  });

  it('knows one payer in any order and spelling, but not a relative', () => {
    expect(samePayerName('Dr. Hans Müller', 'MUELLER, HANS')).toBe(true);
    expect(samePayerName('Hans Müller', 'Maria Müller')).toBe(false);
    expect(samePayerName('Dr.', 'Dr.')).toBe(false);
  });
});

describe('the in-memory match context', () => {
  it('finds claims by id and by an IBAN written with spaces or in lower case', () => {
    const a = claim(400001, 1000, 'Hans Müller', [IBAN_MUELLER]);
    const ctx = memoryMatchContext([a, claim(400002, 500, 'Anna Koch')]);
    expect(ctx.claim(a.claimId)).toBe(a);
    expect(ctx.claimsByPayerIban(IBAN_MUELLER.toLowerCase().replace(/(.{4})/g, '$1 '))).toEqual([a]);
    expect(ctx.claimsByPayerIban('DE00000000000000000000')).toEqual([]);
  });
});
