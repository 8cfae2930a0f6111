import { parseBankFile } from '../../domain/bank/parse-bank-file';
import { rejectionOf } from '../support/bank-rejection';

/** MT940 as banks really send it, and SWIFT messages that are no statement at all. */
const STATEMENT = [
  ':20:STARTUMS',
  ':25:12030000/1234567890',
  ':28C:1/1',
  ':60F:C261125EUR1000,00',
  ':61:2611261126C150,00N   NONREF',
  ':86:166?20RE0000100008',
  ':61:2611261126D5,90S',
  ':62F:C261126EUR1144,10',
  '-',
].join('\r\n');

const parse = (text: string) => parseBankFile('auszug.sta', Buffer.from(text, 'latin1'));
const rejection = (text: string) => rejectionOf(() => parse(text));

describe('MT940 variants that are fine', () => {
  it('reads statement lines whose transaction type after N/S is blank', () => {
    const [statement] = parse(STATEMENT).statements;
    expect(statement.lines.map((l) => [l.amountCents, l.bankCode, l.remittance, l.source])).toEqual([
      [15000, '166', 'RE0000100008', 'line 5'],
      [-590, 'S', '', 'line 7'],
    ]);
  });

  it('reads a statement behind a ":940:" line and behind SWIFT header blocks split over lines', () => {
    expect(parse(`:940:\r\n${STATEMENT}`).statements[0].lines.map((l) => l.source)).toEqual(['line 6', 'line 8']);
    const enveloped = `{1:F01HELADEF1AXXX0000000000}\r\n{2:O9401200261126HELADEF1AXXX00000000002611261200N}\r\n{3:{108:STMT}}{4:\r\n${STATEMENT.replace(/-$/, '-}')}\r\n{5:{CHK:123456789ABC}}`;
    expect(parse(enveloped).statements[0]).toMatchObject({ accountId: '12030000/1234567890', closingBalanceCents: 114410, lines: [{ amountCents: 15000 }, { amountCents: -590 }] });
  });
});

describe('SWIFT messages that are no account statement', () => {
  it.each([
    ['an MT103 in an envelope', '{1:F01BANKDEFFAXXX0000000000}{2:I103BANKDEFFXXXXN}{4:\r\n:20:REF\r\n:23B:CRED\r\n:32A:261126EUR150,00\r\n-}', 'line 1: this is an MT103 payment message, not an account statement'],
    ['an MT103 without envelope', ':20:REF\r\n:23B:CRED\r\n:32A:261126EUR150,00\r\n:50K:/DE89370400440532013000\r\nMAX MUSTER\r\n:59:/DE02120300000000202051\r\nPRAXIS\r\n:71A:SHA', 'file: this is an MT103 payment message, not an account statement'],
    ['an MT101', ':20:REF\r\n:28D:1/1\r\n:50H:/DE02120300000000202051\r\n:30:261126\r\n:21:X\r\n:32B:EUR150,00', 'file: this is an MT101 request for transfer, not an account statement'],
    ['an MT910', ':20:REF\r\n:21:X\r\n:25:DE02120300000000202051\r\n:32A:261126EUR150,00\r\n:50K:MAX MUSTER', 'file: this is an MT910 credit confirmation, not an account statement'],
    ['an MT900 or MT910 without ordering customer', ':20:REF\r\n:21:X\r\n:25:DE02120300000000202051\r\n:32A:261126EUR150,00', 'file: this is an MT900/MT910 debit or credit confirmation, not an account statement'],
    ['an MT941', ':20:REF\r\n:25:DE02120300000000202051\r\n:28:1\r\n:13D:2611261200+0100\r\n:60F:C261125EUR1000,00\r\n:62F:C261126EUR1144,10', 'file: this is an MT941 balance report, not an account statement'],
    ['an MT950 type line with other content', `:941:\r\n${STATEMENT}`, 'line 1: this is an MT941 balance report, not an account statement'],
  ])('names %s', (_what, text, expected) => {
    expect(rejection(text)).toBe(expected);
  });
});
