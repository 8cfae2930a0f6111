import type { IntakeLine, IntakeRecord } from '../../domain/intake/types';
import { priceRecord } from '../../domain/goae/validate-record';
import { DEFAULT_GOAE_POLICY, type GoaePolicy } from '../../domain/goae/policy';

const FILE = 'praxis-2024-03.csv';

function record(lines: IntakeLine[], over: Partial<IntakeRecord> = {}): IntakeRecord {
  return {
    recordNo: 7,
    externalId: 'R-100',
    doctor: { id: 'd1', name: 'Dr. Muster' },
    patient: {
      firstName: 'Erika',
      lastName: 'Mustermann',
      address: { street: 'Hauptstr. 1', postalCode: '10115', city: 'Berlin', country: 'DE' },
    },
    consent: true,
    inpatientReduction: 'none',
    treatmentFrom: '2024-03-04',
    treatmentTo: '2024-03-04',
    lines,
    ...over,
  };
}

const fee = (code: string, factor = '2.3', over: Partial<Extract<IntakeLine, { kind: 'fee' }>> = {}): IntakeLine => ({
  kind: 'fee',
  code,
  date: '2024-03-04',
  factor,
  count: 1,
  ...over,
});

function errorsOf(r: ReturnType<typeof priceRecord>) {
  if (r.ok) throw new Error('expected errors, got ' + JSON.stringify(r));
  return r.errors;
}

describe('priceRecord', () => {
  it('prices a simple outpatient record', () => {
    const r = priceRecord(record([fee('1'), fee('5'), { kind: 'expense', date: '2024-03-04', text: 'Porto', amountCents: 85, count: 2 }]), FILE);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.lines.map((l) => l.amountCents)).toEqual([1072, 1072, 170]);
    expect(r.lines[0]).toMatchObject({ kind: 'fee', code: '1', points: 80, factor: '2.3', unitCents: 1072, reductionCents: 0, text: 'Beratung - auch mittels Fernsprecher -' });
    expect(r.totalCents).toBe(1072 + 1072 + 170);
  });

  it('applies the 25 % inpatient reduction to fees only, not to expenses', () => {
    const r = priceRecord(
      record([fee('3'), { kind: 'expense', date: '2024-03-04', text: 'Material', amountCents: 1000, count: 1 }], { inpatientReduction: '25' }),
      FILE,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    // GOÄ 3 at 2.3 = 2011; reduction 502.75 -> 503
    expect(r.lines[0]).toMatchObject({ unitCents: 2011, reductionCents: 503, amountCents: 1508 });
    expect(r.lines[1]).toMatchObject({ reductionCents: 0, amountCents: 1000 });
    expect(r.totalCents).toBe(2508);
  });

  it('does not reduce surcharge J (§ 6a Abs. 1 Satz 3)', () => {
    const r = priceRecord(record([fee('45', '2.3'), fee('J', '1')], { inpatientReduction: '15' }), FILE);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    // 45: 70 points × 2.3 = 938.37 -> 938, 15 % = 140.7 -> 141; J: 80 points × 1 = 466.2984 -> 466
    expect(r.lines[0]).toMatchObject({ unitCents: 938, reductionCents: 141, amountCents: 797 });
    expect(r.lines[1]).toMatchObject({ unitCents: 466, reductionCents: 0, amountCents: 466 });
  });

  it('multiplies the rounded single fee by count', () => {
    const r = priceRecord(record([fee('250', '1.8', { count: 3 })]), FILE);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.lines[0]).toMatchObject({ unitCents: 420, amountCents: 1260 });
  });

  it('prices lab codes at 1.15 and rejects them above 1.15 without justification', () => {
    const ok = priceRecord(record([fee('3550', '1.15')]), FILE);
    expect(ok.ok && ok.lines[0].amountCents).toBe(402);
    const errs = errorsOf(priceRecord(record([fee('3550', '1.2')]), FILE));
    expect(errs).toEqual([
      { file: FILE, record: 7, field: 'lines[1].factor', reason: 'factor 1.2 is above the threshold 1.15 for GOÄ 3550 and needs a justification' },
    ]);
  });

  it('needs a justification above the threshold 2.3 for personal services', () => {
    const errs = errorsOf(priceRecord(record([fee('1', '2.8')]), FILE));
    expect(errs[0]).toMatchObject({ field: 'lines[1].factor', reason: 'factor 2.8 is above the threshold 2.3 for GOÄ 1 and needs a justification' });
    const ok = priceRecord(record([fee('1', '2.8', { justification: 'erhöhter Zeitaufwand wegen Sprachbarriere' })]), FILE);
    if (!ok.ok) throw new Error(JSON.stringify(ok.errors));
    // 80 × 5.82873 × 2.8 = 1305.63552 -> 1306
    expect(ok.lines[0]).toMatchObject({ amountCents: 1306, justification: 'erhöhter Zeitaufwand wegen Sprachbarriere' });
  });

  it('accepts exactly the threshold without justification', () => {
    expect(priceRecord(record([fee('1', '2.30')]), FILE).ok).toBe(true);
    expect(priceRecord(record([fee('250', '1.8')]), FILE).ok).toBe(true);
  });

  it('uses the technical bounds 1.8 / 2.5 for codes listed in section A (GOÄ 250)', () => {
    const errs = errorsOf(priceRecord(record([fee('250', '2.3')]), FILE));
    expect(errs[0].reason).toBe('factor 2.3 is above the threshold 1.8 for GOÄ 250 and needs a justification');
    const over = errorsOf(priceRecord(record([fee('250', '2.6', { justification: 'schwierige Venenverhältnisse' })]), FILE));
    expect(over[0].reason).toMatch(/above the maximum 2.5 for GOÄ 250: not billable; a fee agreement under § 2 GOÄ is not permitted/);
  });

  it('rejects a factor above the maximum, naming the § 2 agreement', () => {
    const errs = errorsOf(priceRecord(record([fee('1', '4.0', { justification: 'x' })]), FILE));
    expect(errs).toHaveLength(1);
    expect(errs[0].field).toBe('lines[1].factor');
    expect(errs[0].reason).toBe(
      'factor 4.0 is above the maximum 3.5 for GOÄ 1: billable only with a prior written fee agreement under § 2 GOÄ, which the billing file cannot carry',
    );
  });

  it('accepts the maximum 3.5 with a justification', () => {
    const r = priceRecord(record([fee('1', '3.5', { justification: 'x' })]), FILE);
    expect(r.ok && r.lines[0].amountCents).toBe(1632);
  });

  it('takes thresholds from the policy passed in', () => {
    const strict: GoaePolicy = { ...DEFAULT_GOAE_POLICY, factors: { ...DEFAULT_GOAE_POLICY.factors, personal: { threshold: '2.0', maximum: '3.5' } } };
    expect(priceRecord(record([fee('1', '2.3')]), FILE, strict).ok).toBe(false);
    expect(priceRecord(record([fee('1', '2.3')]), FILE).ok).toBe(true);
  });

  it('bills surcharges A..K2 at the single rate only', () => {
    const errs = errorsOf(priceRecord(record([fee('5'), fee('A', '2.3')]), FILE));
    expect(errs[0]).toMatchObject({ field: 'lines[2].factor', reason: expect.stringMatching(/GOÄ A is billable only at the single rate/) });
    const ok = priceRecord(record([fee('5'), fee('A', '1')]), FILE);
    expect(ok.ok && ok.lines[1].amountCents).toBe(408); // 70 × 5.82873 = 408.0111
  });

  it('reports an unknown code', () => {
    const errs = errorsOf(priceRecord(record([fee('9999')]), FILE));
    expect(errs).toEqual([{ file: FILE, record: 7, field: 'lines[1].code', reason: 'unknown GOÄ code "9999"' }]);
  });

  it('reports codes excluding each other on the same date on the later line', () => {
    const errs = errorsOf(priceRecord(record([fee('1'), fee('5'), fee('6')]), FILE));
    // 5 and 6 exclude each other; 1 goes with both
    expect(errs).toEqual([
      { file: FILE, record: 7, field: 'lines[3].code', reason: 'GOÄ 6 cannot be billed beside GOÄ 5 (line 2) on the same date 2024-03-04' },
    ]);
  });

  it('checks exclusions in both directions of the wording', () => {
    // "Neben der Leistung nach Nummer 21 sind die Leistungen nach den Nummern 1, 3, 4, 22 und 34 nicht ..."
    const errs = errorsOf(priceRecord(record([fee('21'), fee('1')]), FILE));
    expect(errs[0]).toMatchObject({ field: 'lines[2].code', reason: 'GOÄ 1 cannot be billed beside GOÄ 21 (line 1) on the same date 2024-03-04' });
  });

  it('allows excluded codes on different dates', () => {
    const r = priceRecord(record([fee('5'), fee('6', '2.3', { date: '2024-03-05' })]), FILE);
    expect(r.ok).toBe(true);
  });

  it('sends a record without consent back', () => {
    const errs = errorsOf(priceRecord(record([fee('1')], { consent: false }), FILE));
    expect(errs).toEqual([
      { file: FILE, record: 7, field: 'consent', reason: 'no patient consent: the claim goes back to the client, it is not billed' },
    ]);
  });

  it('rejects a record without lines', () => {
    expect(errorsOf(priceRecord(record([]), FILE))[0]).toMatchObject({ field: 'lines' });
  });

  it('rejects count < 1, points differing from the catalogue, bad factors and empty expenses', () => {
    const errs = errorsOf(
      priceRecord(
        record([
          fee('1', '2.3', { count: 0 }),
          fee('3', '2.3', { points: 160 }),
          fee('5', '2.345'),
          { kind: 'expense', date: '2024-03-04', text: 'Porto', amountCents: 0, count: 1 },
        ]),
        FILE,
      ),
    );
    expect(errs.map((e) => e.field)).toEqual(['lines[1].count', 'lines[2].points', 'lines[3].factor', 'lines[4].amountCents']);
    expect(errs[1].reason).toBe('the file says 160 points but GOÄ 3 has 150 points');
  });

  it('returns all errors of a record, not only the first', () => {
    const errs = errorsOf(priceRecord(record([fee('9999'), fee('1', '5')], { consent: false }), FILE));
    expect(errs.map((e) => e.field)).toEqual(['consent', 'lines[1].code', 'lines[2].factor']);
  });

  it('prices an analog line (§ 6 Abs. 2) by the code it is billed as, with its description', () => {
    const r = priceRecord(record([fee('5', '2.3', { analogDescription: 'Akupunktur-Befunderhebung' })]), FILE);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.lines[0]).toMatchObject({ code: '5', text: 'Akupunktur-Befunderhebung', analogDescription: 'Akupunktur-Befunderhebung', amountCents: 1072 });
  });

  it('rejects an analog line without description or without a valid code', () => {
    const errs = errorsOf(
      priceRecord(record([fee('5', '2.3', { analogDescription: '  ' }), fee('A9999', '1.15', { analogDescription: 'neuer Labortest' })]), FILE),
    );
    expect(errs.map((e) => e.field)).toEqual(['lines[1].analogDescription', 'lines[2].code']);
    expect(errs[1].reason).toMatch(/analog line is billed as "A9999", which is not a GOÄ code/);
  });

  it('accepts the lab analog mark "A" before the code', () => {
    const r = priceRecord(record([fee('A3550', '1.15', { analogDescription: 'neuer Blutparameter' })]), FILE);
    expect(r.ok && r.lines[0]).toMatchObject({ code: '3550', amountCents: 402 });
  });
});

describe('percentage surcharges (441, 5298)', () => {
  it('prices 5298 as 25 % of the simple fee of the X-ray it follows, at its own factor', () => {
    // 5030: 360 points, simple fee 360 × 5.82873 = 2098.34 ct; 25 % × 1.8 = 944.25 -> 944
    const r = priceRecord(record([fee('5030', '1.8'), fee('5298', '1.8')]), FILE);
    expect(r.ok && r.lines[1]).toMatchObject({ code: '5298', unitCents: 944, amountCents: 944, reductionCents: 0 });
    expect(r.ok && r.lines[1].points).toBeUndefined();
    if (r.ok) expect(r.totalCents).toBe(r.lines[0].amountCents + 944);
  });

  it('prices 441 as 100 % of the simple fee of the operation, at most 67.49 EUR (132 DM)', () => {
    // 2380: 310 points -> 1806.91 -> 1807; 2540: 4500 points -> 262.29 EUR, capped at 67.49
    const small = priceRecord(record([fee('2380'), fee('441', '1.0')]), FILE);
    expect(small.ok && small.lines[1]).toMatchObject({ code: '441', unitCents: 1807 });
    const big = priceRecord(record([fee('2540'), fee('441', '1.0')]), FILE);
    expect(big.ok && big.lines[1]).toMatchObject({ code: '441', unitCents: 6749 });
    // § 6a applies to the surcharge like to any fee: 6749 × 0.75 = 5061.75 -> 5062
    const inpatient = priceRecord(record([fee('2540'), fee('441', '1.0')], { inpatientReduction: '25' }), FILE);
    expect(inpatient.ok && inpatient.lines[1]).toMatchObject({ amountCents: 5062, reductionCents: 1687 });
  });

  it('prices 441 once per treatment day on every operative service of that day (C VIII Nr. 3), wherever listed, and on nothing else', () => {
    // Day 1: 2380 (310 points) and 2010 (379) are operative, 1 (Beratung, 80 × 5.82873 × 2.3 = 1072) is not:
    // (310 + 379) × 5.82873 = 4015.99 -> 4016.
    // Day 2: 2380 twice (count 2): 620 × 5.82873 = 3613.81 -> 3614.
    const day2 = { date: '2024-03-05' };
    const r = priceRecord(record([fee('1'), fee('2380'), fee('441', '1.0'), fee('2010'), fee('2380', '2.3', { ...day2, count: 2 }), fee('441', '1.0', day2)]), FILE);
    expect(r.ok && r.lines.map((l) => [l.code, l.unitCents])).toEqual([['1', 1072], ['2380', 4156], ['441', 4016], ['2010', 5081], ['2380', 4156], ['441', 3614]]);
  });

  it('refuses a second 441 on the same day, a count above 1, and a 441 on a day without operative service', () => {
    const once = 'GOÄ 441 is billable only once per treatment day';
    expect(errorsOf(priceRecord(record([fee('2380'), fee('441', '1.0'), fee('2010'), fee('441', '1.0')]), FILE))).toEqual([
      { file: FILE, record: 7, field: 'lines[4].code', reason: `${once}: line 2 already bills it on 2024-03-04` },
    ]);
    expect(errorsOf(priceRecord(record([fee('2380'), fee('441', '1.0', { count: 2 })]), FILE))).toEqual([{ file: FILE, record: 7, field: 'lines[2].count', reason: `${once}: count 2 on 2024-03-04` }]);
    // A consultation is no operative service; the operation the day before does not count.
    expect(errorsOf(priceRecord(record([fee('2380', '2.3', { date: '2024-03-03' }), fee('1'), fee('441', '1.0')]), FILE))).toEqual([
      { file: FILE, record: 7, field: 'lines[3].code', reason: 'GOÄ 441 is 100 % of the simple fee of one of the 397 services listed for it (GOÄ 679, 695, 700 … 3300) on the same date 2024-03-04: there is none that day' },
    ]);
    // The same day limit holds for every code the schedule limits so, e.g. the infusion 270.
    expect(errorsOf(priceRecord(record([fee('270'), fee('270')]), FILE))).toEqual([{ file: FILE, record: 7, field: 'lines[2].code', reason: 'GOÄ 270 is billable only once per treatment day: line 1 already bills it on 2024-03-04' }]);
  });

  it('gives each 5298 its own X-ray service: the nearest earlier one of the day that has none yet', () => {
    // 5030: 360 points -> 25 % × 1.8 = 944; 5100: 300 points -> 300 × 5.82873 × 0.25 × 1.8 = 786.88 -> 787.
    const interleaved = priceRecord(record([fee('5030', '1.8'), fee('5298', '1.8'), fee('5100', '1.8'), fee('5298', '1.8')]), FILE);
    expect(interleaved.ok && interleaved.lines.filter((l) => l.code === '5298').map((l) => l.unitCents)).toEqual([944, 787]);
    const atTheEnd = priceRecord(record([fee('5030', '1.8'), fee('5100', '1.8'), fee('5298', '1.8'), fee('5298', '1.8')]), FILE);
    expect(atTheEnd.ok && atTheEnd.lines.filter((l) => l.code === '5298').map((l) => l.unitCents)).toEqual([787, 944]);
    const twice = priceRecord(record([fee('5030', '1.8', { count: 2 }), fee('5298', '1.8', { count: 2 })]), FILE);
    expect(twice.ok && twice.lines[1]).toMatchObject({ unitCents: 944, amountCents: 1888 });
    expect(errorsOf(priceRecord(record([fee('5030', '1.8'), fee('5100', '1.8'), fee('5298', '1.8'), fee('5298', '1.8'), fee('5298', '1.8')]), FILE))).toEqual([
      {
        file: FILE,
        record: 7,
        field: 'lines[5].code',
        reason: 'GOÄ 5298 is 25 % of the simple fee of a service GOÄ 5010 to 5290, once per service performed: the services before it on 2024-03-04 (line 1 (GOÄ 5030 × 1), line 2 (GOÄ 5100 × 1)) already carry theirs, 1 more cannot be added',
      },
    ]);
  });

  it('refuses a percentage surcharge without the service it belongs to on the same date', () => {
    expect(errorsOf(priceRecord(record([fee('1'), fee('5298', '1.8')]), FILE))).toEqual([
      { file: FILE, record: 7, field: 'lines[2].code', reason: 'GOÄ 5298 is 25 % of the simple fee of a service GOÄ 5010 to 5290, which must precede it on the same date 2024-03-04: there is none' },
    ]);
    expect(errorsOf(priceRecord(record([fee('5030', '1.8', { date: '2024-03-03' }), fee('5298', '1.8')]), FILE))[0].field).toBe('lines[2].code');
    // 441 only at the single rate (Abschnitt C, Allgemeine Bestimmungen Nr. 3)
    expect(errorsOf(priceRecord(record([fee('2380'), fee('441', '2.3')]), FILE))[0]).toMatchObject({ field: 'lines[2].factor' });
  });
});
