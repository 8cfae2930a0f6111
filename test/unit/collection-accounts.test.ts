import { isValidBic, normalizeBic } from '../../domain/bank/bic';
import { isValidIban } from '../../domain/bank/iban';
import type { CollectionAccount } from '../../domain/money/collection-account';
import { printedAccount } from '../../domain/money/collection-account';
import { collectionAccountFor } from '../../domain/money/collection-account-for';
import { statementAccountIban, statementAccounts } from '../../domain/money/statement-account';
import { Refusal } from '../../domain/refusal';

const account = (id: string, kind: 'OWN' | 'TRUST', iban: string, clientId: string | null = null, active = true): CollectionAccount => ({ id, kind, iban, bic: 'COBADEFFXXX', holder: `Holder ${id}`, bankName: null, clientId, active });
const OWN = account('own', 'OWN', 'DE89370400440532013000');
const SHARED = account('shared', 'TRUST', 'DE12500105170648489890');
const TRUST_C1 = account('trust-c1', 'TRUST', 'DE27100777770209299700', 'C1');
const ALL = [OWN, SHARED, TRUST_C1];

describe('collectionAccountFor: the account a claim is paid to', () => {
  it("bought claims go to the centre's own account, whatever the Inkasso policy", () => {
    for (const inkassoTrust of ['shared', 'per_client'] as const) {
      expect(collectionAccountFor({ tariff: 'SOFORTFACTORING', clientId: 'C1' }, ALL, { inkassoTrust })).toBe(OWN);
      expect(collectionAccountFor({ tariff: 'FAELLIGKEITSFACTORING', clientId: 'C1' }, ALL, { inkassoTrust })).toBe(OWN);
    }
  });

  it('Inkasso claims go to the shared trust account or the client’s own, as the policy says', () => {
    expect(collectionAccountFor({ tariff: 'INKASSO', clientId: 'C1' }, ALL, { inkassoTrust: 'shared' })).toBe(SHARED);
    expect(collectionAccountFor({ tariff: 'INKASSO', clientId: 'C1' }, ALL, { inkassoTrust: 'per_client' })).toBe(TRUST_C1);
  });

  it('refuses when the account is missing, inactive or not unique', () => {
    const refusal = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e;
      }
      throw new Error('not refused');
    };
    const missing = refusal(() => collectionAccountFor({ tariff: 'INKASSO', clientId: 'C2' }, ALL, { inkassoTrust: 'per_client' }));
    expect(missing).toBeInstanceOf(Refusal);
    expect(missing).toMatchObject({ kind: 'unprocessable', code: 'no_collection_account', message: 'no trust account of client C2 is active: a INKASSO claim of client C2 is paid to exactly one (policy accounts.inkassoTrust = per_client)' });
    expect(refusal(() => collectionAccountFor({ tariff: 'SOFORTFACTORING', clientId: 'C1' }, [{ ...OWN, active: false }], { inkassoTrust: 'shared' }))).toMatchObject({
      message: 'no own account is active: a SOFORTFACTORING claim of client C1 is paid to exactly one (policy accounts.inkassoTrust = shared)',
    });
    expect(refusal(() => collectionAccountFor({ tariff: 'INKASSO', clientId: 'C1' }, [SHARED, { ...SHARED, id: 'shared-2' }], { inkassoTrust: 'shared' }))).toMatchObject({
      message: '2 accounts are active as the shared trust account (shared, shared-2): a INKASSO claim of client C1 is paid to exactly one (policy accounts.inkassoTrust = shared)',
    });
  });

  it('prints the IBAN in groups of four', () => {
    expect(printedAccount(OWN)).toEqual({ holder: 'Holder own', iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX' });
  });
});

describe('statementAccounts: which collection account a statement is for', () => {
  it('knows the account by its IBAN, and MT940/OFX "bank code/account" by the IBAN it stands for', () => {
    expect(statementAccountIban('37040044/0532013000')).toBe('DE89370400440532013000');
    expect(statementAccountIban('37040044/532013000EUR')).toBe('DE89370400440532013000');
    expect(statementAccountIban('de89 3704 0044 0532 0130 00')).toBe('DE89370400440532013000');
    expect(statementAccounts([{ accountId: 'DE12500105170648489890' }, { accountId: '37040044/0532013000', statementId: '7' }], ALL)).toEqual({ accountIds: ['shared', 'own'] });
    expect(statementAccounts([{ accountId: 'DE89370400440532013000' }], [{ ...OWN, active: false }])).toEqual({ accountIds: ['own'] });
  });

  it('imports without an account where none is configured, and rejects an unknown account once they are', () => {
    expect(statementAccounts([{ accountId: 'DE02120300000000202051' }], [])).toEqual({ accountIds: [null] });
    expect(statementAccounts([{ accountId: 'DE89370400440532013000' }, { accountId: 'DE02120300000000202051', statementId: 'S-2' }], ALL)).toEqual({
      location: 'statement 2 (S-2)',
      reason: 'account DE02120300000000202051 is not a collection account of the centre: a statement of it is not booked',
    });
  });
});

describe('IBAN and BIC checks (ibantools)', () => {
  it('checks check digits and the country’s format', () => {
    expect(isValidIban('DE89370400440532013000')).toBe(true);
    expect(isValidIban('DE89370400440532013001')).toBe(false);
    expect(isValidIban('DE8937040044053201300')).toBe(false);
    expect(isValidBic(normalizeBic('cobadeff xxx'))).toBe(true);
    expect(isValidBic('COBADEFF')).toBe(true);
    expect(isValidBic('COBADEFF1')).toBe(false);
    expect(isValidBic('COBAXXFF')).toBe(false);
  });
});
