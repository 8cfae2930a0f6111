import { DEMO_POLICY, type Policy, resolvePolicy, SYSTEM_POLICY } from '../../domain/policy';
import { durationMs } from '../../domain/duration';

const DAY = 24 * 60 * 60 * 1000;

describe('resolvePolicy', () => {
  it('returns the system policy when the client has none', () => {
    expect(resolvePolicy(SYSTEM_POLICY)).toEqual(SYSTEM_POLICY);
    expect(resolvePolicy(SYSTEM_POLICY, undefined)).toEqual(SYSTEM_POLICY);
    expect(resolvePolicy(SYSTEM_POLICY, null)).toEqual(SYSTEM_POLICY);
    expect(resolvePolicy(SYSTEM_POLICY, {})).toEqual(SYSTEM_POLICY);
  });

  it('lets each client field override the system field and keeps the rest', () => {
    const p = resolvePolicy(SYSTEM_POLICY, {
      paymentTerm: '14 days',
      inkassoFeeRate: '0.045',
      reminderFeesCents: [100, 300],
    });
    expect(p).toEqual<Policy>({
      paymentTerm: '14 days',
      reminderLevels: 3,
      reminderInterval: '14 days',
      reminderFeesCents: [100, 300],
      collectionPeriod: '180 days',
      factoringFeeRate: '0.035',
      inkassoFeeRate: '0.045',
      maxHistoryEvents: 2000,
      interest: SYSTEM_POLICY.interest,
      collection: SYSTEM_POLICY.collection,
      limitation: SYSTEM_POLICY.limitation,
      matching: SYSTEM_POLICY.matching,
      bankImport: SYSTEM_POLICY.bankImport,
      intake: SYSTEM_POLICY.intake,
      documents: SYSTEM_POLICY.documents,
      payout: SYSTEM_POLICY.payout,
      datev: SYSTEM_POLICY.datev,
      accounts: SYSTEM_POLICY.accounts,
      audit: SYSTEM_POLICY.audit,
      refinancing: SYSTEM_POLICY.refinancing,
      retention: SYSTEM_POLICY.retention,
      feeVat: { feesLiable: true, rate: '0.19' },
      recourse: SYSTEM_POLICY.recourse,
      corrections: SYSTEM_POLICY.corrections,
      backup: SYSTEM_POLICY.backup,
      auth: SYSTEM_POLICY.auth,
    });
  });

  it('fills sections a stored policy predates with their defaults', () => {
    const { matching, bankImport, documents, collection, limitation, accounts, ...older } = SYSTEM_POLICY;
    const p = resolvePolicy(older);
    expect(p.accounts).toEqual({ inkassoTrust: 'shared' });
    expect(p.accounts).toEqual(accounts);
    expect(p.collection).toEqual(collection);
    expect(p.limitation).toEqual(limitation);
    expect(p.matching).toEqual(matching);
    expect(p.bankImport).toEqual(bankImport);
    expect(p.documents).toEqual(documents);
  });

  it('replaces arrays as a whole (no element-wise merge)', () => {
    expect(resolvePolicy(SYSTEM_POLICY, { reminderFeesCents: [] }).reminderFeesCents).toEqual([]);
    expect(resolvePolicy(SYSTEM_POLICY, { reminderFeesCents: [700] }).reminderFeesCents).toEqual([700]);
  });

  it('does not mutate its inputs', () => {
    const system = JSON.parse(JSON.stringify(SYSTEM_POLICY));
    const client = { paymentTerm: '7 days' };
    resolvePolicy(system, client);
    expect(system).toEqual(SYSTEM_POLICY);
    expect(client).toEqual({ paymentTerm: '7 days' });
  });

  it('drops unknown keys', () => {
    const p = resolvePolicy(SYSTEM_POLICY, { somethingElse: 42 });
    expect(p).not.toHaveProperty('somethingElse');
  });

  it('accepts the demo policy and short durations', () => {
    expect(resolvePolicy(DEMO_POLICY)).toEqual(DEMO_POLICY);
    expect(resolvePolicy(SYSTEM_POLICY, { paymentTerm: '5s', reminderInterval: '36h' }).paymentTerm).toBe('5s');
  });

  it.each([
    ['paymentTerm', '0s'],
    ['paymentTerm', '-5s'],
    ['paymentTerm', 'soon'],
    ['paymentTerm', ''],
    ['paymentTerm', 30],
    ['reminderInterval', 'two weeks'],
    ['collectionPeriod', '0 days'],
  ])('rejects %s = %p with a message naming the field', (field, value) => {
    expect(() => resolvePolicy(SYSTEM_POLICY, { [field]: value })).toThrow(new RegExp(`^invalid policy: .*\\b${field}: `));
  });

  it.each([
    ['factoringFeeRate', '3.5%'],
    ['factoringFeeRate', '-0.035'],
    ['factoringFeeRate', '0,035'],
    ['inkassoFeeRate', '.06'],
    ['inkassoFeeRate', '0.0600000001'],
  ])('rejects the rate %s = %p with a message naming the field', (field, value) => {
    expect(() => resolvePolicy(SYSTEM_POLICY, { [field]: value })).toThrow(new RegExp(`${field}: a decimal rate`));
  });

  it('rejects a rate given as a number instead of a decimal string', () => {
    expect(() => resolvePolicy(SYSTEM_POLICY, { factoringFeeRate: 0.035 })).toThrow(/invalid policy: factoringFeeRate: /);
  });

  it.each([
    ['reminderLevels', 6],
    ['reminderLevels', -1],
    ['reminderLevels', 1.5],
    ['maxHistoryEvents', 99],
    ['maxHistoryEvents', 40_001],
  ])('rejects %s = %p', (field, value) => {
    expect(() => resolvePolicy(SYSTEM_POLICY, { [field]: value })).toThrow(new RegExp(`invalid policy: ${field}: `));
  });

  it('names the index of a bad reminder fee', () => {
    expect(() => resolvePolicy(SYSTEM_POLICY, { reminderFeesCents: [0, -250] })).toThrow(/reminderFeesCents\.1: /);
    expect(() => resolvePolicy(SYSTEM_POLICY, { reminderFeesCents: [2.5] })).toThrow(/reminderFeesCents\.0: /);
  });

  it('names every invalid field at once', () => {
    let message = '';
    try {
      resolvePolicy(SYSTEM_POLICY, { paymentTerm: 'never', inkassoFeeRate: 'six percent' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/paymentTerm: /);
    expect(message).toMatch(/inkassoFeeRate: /);
    expect(message).not.toMatch(/factoringFeeRate/);
  });

  it('names a field missing from the system policy', () => {
    const { collectionPeriod: _omit, ...incomplete } = SYSTEM_POLICY;
    expect(() => resolvePolicy(incomplete)).toThrow(/collectionPeriod: /);
    // a client may supply what the system lacks
    expect(resolvePolicy(incomplete, { collectionPeriod: '90 days' }).collectionPeriod).toBe('90 days');
  });

  it('rejects an invalid system value even if the client does not override it', () => {
    expect(() => resolvePolicy({ ...SYSTEM_POLICY, factoringFeeRate: 'x' }, { paymentTerm: '10 days' })).toThrow(
      /factoringFeeRate: /,
    );
  });

  it('a valid client override heals an invalid system value', () => {
    expect(resolvePolicy({ ...SYSTEM_POLICY, factoringFeeRate: 'x' }, { factoringFeeRate: '0.04' }).factoringFeeRate).toBe(
      '0.04',
    );
  });
});

describe('durationMs', () => {
  it.each([
    ['30 days', 30 * DAY],
    ['14 days', 14 * DAY],
    ['180 days', 180 * DAY],
    ['36h', 36 * 60 * 60 * 1000],
    ['90s', 90_000],
    ['5s', 5000],
    ['1.5h', 5_400_000],
    ['250ms', 250],
  ])('%p -> %i ms', (d, ms) => {
    expect(durationMs(d)).toBe(ms);
  });

  it('throws for text that is no duration', () => {
    expect(() => durationMs('soon')).toThrow();
  });

  it('converts every duration of the system and demo policies', () => {
    expect(durationMs(SYSTEM_POLICY.paymentTerm)).toBe(30 * DAY);
    expect(durationMs(SYSTEM_POLICY.reminderInterval)).toBe(14 * DAY);
    expect(durationMs(DEMO_POLICY.paymentTerm)).toBe(8000);
    expect(durationMs(DEMO_POLICY.reminderInterval)).toBe(5000);
    expect(durationMs(DEMO_POLICY.collectionPeriod)).toBe(10_000);
  });
});
