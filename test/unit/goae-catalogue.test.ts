import { allGoaeEntries, getGoaeEntry, normaliseCode } from '../../domain/goae/catalogue';

describe('GOÄ catalogue (generated from the official schedule)', () => {
  const entries = allGoaeEntries();

  it('has the size of the schedule', () => {
    // 2,845 numbered rows in the source minus one duplicate misprint (4114 for 4214, corrected);
    // the percentage surcharges 441 and 5298 are in with 0 points and their percentage rule.
    expect(entries.length).toBe(2844);
    expect(new Set(entries.map((e) => e.code)).size).toBe(entries.length);
  });

  it('counts entries per section', () => {
    const count = (s: string) => entries.filter((e) => e.section === s).length;
    expect(count('A')).toBe(0); // section A only lists codes of other sections
    expect(count('B')).toBe(64);
    expect(count('M')).toBe(921);
    expect(count('O')).toBe(207);
    expect(count('P')).toBe(9);
  });

  it.each([
    ['1', 80, 'B'],
    ['3', 150, 'B'],
    ['5', 80, 'B'],
    ['250', 40, 'C'],
    ['250a', 40, 'C'],
    ['3550', 60, 'M'],
    ['5855', 6900, 'O'],
    ['6018', 300, 'P'],
    ['A', 70, 'B'],
    ['K1', 120, 'B'],
    ['K2', 120, 'B'],
    ['3562.H1', 40, 'M'],
    ['3541.H', 480, 'M'],
  ])('GOÄ %s has %i points in section %s', (code, points, section) => {
    const e = getGoaeEntry(code);
    expect(e).toBeDefined();
    expect(e!.points).toBe(points);
    expect(e!.section).toBe(section);
  });

  it('gives Katalog members the points of their group header', () => {
    // "Mikroskopische Einzelbestimmung, je Meßgröße" 60 points: 3504 Erythrozyten
    expect(getGoaeEntry('3504')).toMatchObject({ points: 60, section: 'M' });
    expect(getGoaeEntry('3504')!.text).toMatch(/Einzelbestimmung.*Erythrozyten/);
    // "Untersuchung folgender Meßgrößen ..." 70 points: 3514 Glukose
    expect(getGoaeEntry('3514')!.points).toBe(70);
  });

  it('corrects the misprinted 4114 (Lithium) to 4214 and keeps the real 4114', () => {
    expect(getGoaeEntry('4214')).toMatchObject({ points: 60, text: 'Lithium' });
    expect(getGoaeEntry('4114')!.text).toMatch(/Renin-Aldosteron-Suppressionstest/);
    expect(getGoaeEntry('4114')!.points).toBe(1920);
  });

  it('carries the percentage surcharges with their rule from the schedule instead of points', () => {
    expect(getGoaeEntry('441')).toMatchObject({ points: 0, section: 'C', singleRate: true, percentOf: { percent: 100, maxCents: 6749 } });
    // 441 belongs to the operative services Abschnitt C VIII, Allgemeine Bestimmungen Nr. 3 lists.
    const operative = getGoaeEntry('441')!.percentOf!.codes!;
    expect(operative).toHaveLength(397);
    expect(operative).toEqual(expect.arrayContaining(['679', '1043', '1044', '1045', '2380', '2386', '3300']));
    expect(operative).not.toContain('2053');
    expect(operative).not.toContain('1');
    expect(getGoaeEntry('441')!.oncePerDay).toBe(true);
    expect(['440', '442', '449', '270', '287'].every((c) => getGoaeEntry(c)!.oncePerDay)).toBe(true);
    expect(getGoaeEntry('271')!.oncePerDay).toBeUndefined();
    expect(getGoaeEntry('5298')!.oncePerDay).toBeUndefined();
    const x = getGoaeEntry('5298')!;
    expect(x).toMatchObject({ points: 0, section: 'O', factorClass: 'technical', percentOf: { percent: 25 } });
    expect(x.singleRate).toBeUndefined();
    expect(x.percentOf!.codes).toEqual(expect.arrayContaining(['5010', '5030', '5290']));
    expect(x.percentOf!.codes).not.toContain('5295');
  });

  it('assigns the § 5 factor classes', () => {
    expect(getGoaeEntry('1')!.factorClass).toBe('personal');
    expect(getGoaeEntry('3550')!.factorClass).toBe('laboratory'); // § 5 Abs. 4, section M
    expect(getGoaeEntry('437')!.factorClass).toBe('laboratory'); // § 5 Abs. 4, Nr. 437
    expect(getGoaeEntry('500')!.factorClass).toBe('technical'); // section E
    expect(getGoaeEntry('5000')!.factorClass).toBe('technical'); // section O
    // listed in section A although printed in B, C, N: rated like A (§ 5 Abs. 3)
    expect(getGoaeEntry('2')!.factorClass).toBe('technical');
    expect(getGoaeEntry('250')!.factorClass).toBe('technical');
    expect(getGoaeEntry('4850')!.factorClass).toBe('technical');
    expect(getGoaeEntry('251')!.factorClass).toBe('personal'); // not listed in A
    expect(getGoaeEntry('4800')!.factorClass).toBe('personal'); // N, not listed in A
  });

  it('extracts exclusions from the notes', () => {
    // "Die Leistung nach Nummer 5 ist neben den Leistungen nach den Nummern 6 bis 8 nicht berechnungsfähig."
    expect(getGoaeEntry('5')!.excludes).toEqual(expect.arrayContaining(['6', '7', '8']));
    // "Die Leistung nach Nummer 4 ist neben den Leistungen nach den Nummern 30, 34, 801, ... 835 ..."
    expect(getGoaeEntry('4')!.excludes).toEqual(expect.arrayContaining(['30', '34', '801', '806', '807', '816', '817', '835']));
    // "Der Zuschlag nach Buchstabe A ist neben den Zuschlägen nach den Buchstaben B, C und/oder D ..."
    expect(getGoaeEntry('A')!.excludes).toEqual(expect.arrayContaining(['B', 'C', 'D']));
    // general provision B 4: "Die Leistungen nach den Nummern 1, 3, ... sind neben ... 804 bis 812 ..."
    expect(getGoaeEntry('1')!.excludes).toEqual(expect.arrayContaining(['804', '806', '812']));
    // "Die Leistungen nach den Nummern 271 bis 276 sind nicht nebeneinander berechnungsfähig."
    expect(getGoaeEntry('271')!.excludes).toEqual(expect.arrayContaining(['272', '276']));
    // a "Neben ... sind ..." sentence puts the exclusion on the codes after "sind"
    expect(getGoaeEntry('3')!.excludes).toContain('21');
  });

  it('does not take permissions or conditional sentences as exclusions', () => {
    // "... ist neben dem Zuschlag nach Buchstabe D ein Zuschlag nach Buchstabe B oder C berechnungsfähig."
    expect(getGoaeEntry('D')!.excludes).not.toContain('B');
    // "... nicht berechnungsfähig, es sei denn, die Visite wird durch einen Belegarzt durchgeführt."
    expect(getGoaeEntry('E')!.excludes).not.toContain('45');
    // "Die Leistung nach Nummer 5 ..." does not exclude 1 (they are commonly billed together)
    expect(getGoaeEntry('5')!.excludes).not.toContain('1');
  });

  it('marks single-rate surcharges', () => {
    expect(getGoaeEntry('A')!.singleRate).toBe(true);
    expect(getGoaeEntry('K2')!.singleRate).toBe(true);
    expect(getGoaeEntry('1')!.singleRate).toBeUndefined();
  });

  it('keeps texts short and whitespace-normalised', () => {
    for (const e of entries) {
      expect(e.text.length).toBeLessThanOrEqual(300);
      expect(e.text).not.toMatch(/\s{2,}|^\s|\s$/);
      expect(Number.isInteger(e.points) && (e.points > 0 || e.percentOf !== undefined)).toBe(true);
    }
  });
});

describe('normaliseCode / getGoaeEntry', () => {
  it.each([
    [' 1 ', '1'],
    ['Nr. 1', '1'],
    ['nr.0003', '3'],
    ['0005', '5'],
    ['250A', '250a'],
    ['K 1', 'k1'],
    ['GOÄ 250a', '250a'],
  ])('normalises %p to %p', (raw, key) => {
    expect(normaliseCode(raw)).toBe(key);
  });

  it('finds entries through normalised spellings', () => {
    expect(getGoaeEntry('Nr. 250A')!.code).toBe('250a');
    expect(getGoaeEntry('k 1')!.code).toBe('K1');
    expect(getGoaeEntry('3562')!.code).toBe('3562.H1'); // the Höchstwert mark is part of the code
    expect(getGoaeEntry('3562.h1')!.code).toBe('3562.H1');
    expect(getGoaeEntry('9999')).toBeUndefined();
    expect(getGoaeEntry('')).toBeUndefined();
  });
});
