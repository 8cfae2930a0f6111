import { controlTotals, sepaCreditTransferXml, sepaText, type SepaTransfer } from '../../domain/money/sepa-credit-transfer';
import { endToEndId, sepaMessageId } from '../../domain/money/sepa-ids';
import { runLines, runTotals } from '../../domain/money/payout-run-lines';
import { DEFAULT_PAYOUT_RUN_POLICY } from '../../domain/money/payout-run-policy';
import { pain001Figures, validatePain001 } from '../support/sepa-schema';

const debtor = DEFAULT_PAYOUT_RUN_POLICY.debtor;
const transfers: SepaTransfer[] = [
  { endToEndId: endToEndId(7, 'CLIENT', 'C001'), amountCents: 1_234_50, creditorName: 'Praxisgemeinschaft Dr. med. Berger & Kollegen', iban: 'DE02120300000000202051', bic: null, remittance: 'Auszahlung 7 Praxisgemeinschaft Dr. med. Berger & Kollegen' },
  { endToEndId: endToEndId(7, 'CLIENT', 'C002'), amountCents: 5, creditorName: 'Dr. med. Henning Oberländer', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', remittance: 'Auszahlung 7 Dr. med. Henning Oberländer' },
];
const file = { messageId: sepaMessageId(7), createdAt: new Date('2026-12-02T10:00:00.123Z'), executionDate: '2026-12-03', debtor, transfers };

describe('pain.001.001.09 credit transfer', () => {
  it('validates against the XSD with NbOfTxs and CtrlSum right at both levels', () => {
    const xml = sepaCreditTransferXml(file);
    expect(validatePain001(xml)).toEqual({ ok: true, output: expect.stringContaining('validates') });
    const f = pain001Figures(xml);
    expect(f).toEqual({
      msgId: 'PAYOUT-RUN-00000007',
      nbOfTxs: ['2', '2'],
      ctrlSum: ['1234.55', '1234.55'],
      endToEndIds: [transfers[0].endToEndId, transfers[1].endToEndId],
      amounts: ['1234.50', '0.05'],
      ibans: [debtor.iban, 'DE02120300000000202051', 'DE89370400440532013000'],
    });
    expect(xml).toMatch(/<ReqdExctnDt>\s*<Dt>2026-12-03<\/Dt>/);
    expect(xml).toContain('<CreDtTm>2026-12-02T10:00:00Z</CreDtTm>');
    // No BIC, no creditor agent (IBAN-only); with one, BICFI.
    expect(xml.match(/<CdtrAgt>/g)).toHaveLength(1);
    expect(xml).toContain('<Nm>Praxisgemeinschaft Dr. med. Berger + Kollegen</Nm>');
    expect(xml).toContain('<Nm>Dr. med. Henning Oberlaender</Nm>');
    expect(controlTotals(transfers)).toEqual({ nbOfTxs: '2', ctrlSum: '1234.55' });
  });

  it('refuses an empty file and a transfer that is not positive', () => {
    expect(() => sepaCreditTransferXml({ ...file, transfers: [] })).toThrow('SEPA file PAYOUT-RUN-00000007: no transfers');
    expect(() => sepaCreditTransferXml({ ...file, transfers: [{ ...transfers[0], amountCents: 0 }] })).toThrow(`transfer ${transfers[0].endToEndId} has amount 0 cents, must be positive`);
  });

  it('keeps texts in the EPC character set and length', () => {
    expect(sepaText('Müller-Lüdenscheidt GbR «Zahnärzte» & Söhne', 70)).toBe('Mueller-Luedenscheidt GbR Zahnaerzte + Soehne');
    expect(sepaText('Çeşme Ärztehaus', 70)).toBe('Cesme Aerztehaus');
    expect(sepaText('x'.repeat(200), 140)).toHaveLength(140);
  });

  it('derives ids from the run and the recipient: the same every time, at most 35 characters', () => {
    expect(endToEndId(42, 'CLIENT', 'C001')).toBe(endToEndId(42, 'CLIENT', 'C001'));
    expect(endToEndId(42, 'CLIENT', 'C001')).not.toBe(endToEndId(43, 'CLIENT', 'C001'));
    expect(endToEndId(42, 'CLIENT', 'C001')).toMatch(/^PR00000042-[0-9A-F]{16}$/);
    expect(sepaMessageId(42).length).toBeLessThanOrEqual(35);
  });
});

describe('payout run lines', () => {
  const account = { iban: 'DE02 1203 0000 0000 2020 51', bic: null, holder: 'Praxis A' };
  it('one line per recipient: the sum of its payables; held back without account, with a bad IBAN, or nothing owed', () => {
    const lines = runLines([
      { kind: 'CLIENT', id: 'A', name: 'Praxis A', account, payables: [{ id: 'p1', amountCents: 10_000 }, { id: 'p2', amountCents: -2_500 }] },
      { kind: 'CLIENT', id: 'B', name: 'Praxis B', account: null, payables: [{ id: 'p3', amountCents: 700 }] },
      { kind: 'CLIENT', id: 'C', name: 'Praxis C', account: { iban: 'DE00123', bic: null, holder: 'C' }, payables: [{ id: 'p4', amountCents: 300 }] },
      { kind: 'CLIENT', id: 'D', name: 'Praxis D', account, payables: [{ id: 'p5', amountCents: -100 }] },
      { kind: 'CLIENT', id: 'E', name: 'Praxis E', account, payables: [] },
    ]);
    expect(lines.map((l) => [l.id, l.amountCents, l.heldBackReason])).toEqual([
      ['A', 7_500, null],
      ['B', 700, 'Praxis B has no payout account (IBAN): enter one, the amount waits for the next run'],
      ['C', 300, 'the payout IBAN "DE00123" of Praxis C is not a valid IBAN'],
      ['D', -100, 'nothing to pay: charge-backs exceed what is owed (-1,00 €)'],
    ]);
    expect(lines[0].account).toEqual({ iban: 'DE02120300000000202051', bic: null, holder: 'Praxis A' });
    expect(runTotals(lines)).toEqual({ lineCount: 1, totalCents: 7_500, heldBackCents: 900 });
  });
});
