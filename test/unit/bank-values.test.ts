import iconv from 'iconv-lite';
import { ofxDate, swiftDate, swiftEntryDate, xsdDate } from '../../domain/bank/bank-dates';
import { decimalToCents, formatCents } from '../../domain/bank/decimal-cents';
import { decodeBankText } from '../../domain/bank/decode-bank-text';
import { detectBankFormat } from '../../domain/bank/detect-bank-format';

describe('decimal amounts to cents, exactly', () => {
  it.each([
    ['8.85', '.', 885],
    ['18.150', '.', 1815],
    ['5442.09000', '.', 544209],
    ['2700', '.', 270000],
    ['+721.01', '.', 72101],
    ['-1.01', '.', -101],
    ['.5', '.', 50],
    ['0.29', '.', 29],
    ['1234567890123.99', '.', 123456789012399],
    ['500,', ',', 50000],
    ['0,01', ',', 1],
    ['0000000000000000,00', ',', 0],
    ['12,5', ',', 1250],
  ] as const)('%s (%s) → %i', (raw, sep, cents) => {
    expect(decimalToCents(raw, sep)).toEqual({ ok: true, cents });
  });

  it.each([
    ['1.005', '.', "'1.005' has fractions of a cent"],
    ['12,50', '.', "'12,50' is not an amount (digits with '.' as decimal separator)"],
    ['$120', '.', "'$120' is not an amount (digits with '.' as decimal separator)"],
    ['', ',', "'' is not an amount (digits with ',' as decimal separator)"],
    ['12345678901234.00', '.', "'12345678901234.00' is too large to be an amount"],
  ] as const)('%s (%s) is refused', (raw, sep, reason) => {
    expect(decimalToCents(raw, sep)).toEqual({ ok: false, reason });
  });

  it('formats cents for messages', () => {
    expect(formatCents(-123405, 'EUR')).toBe('-1234.05 EUR');
    expect(formatCents(7, 'PLN')).toBe('0.07 PLN');
  });
});

describe('bank dates', () => {
  it('reads xs:date and the date part of xs:dateTime', () => {
    expect(xsdDate('2014-12-31')).toBe('2014-12-31');
    expect(xsdDate('2014-12-31T13:15:00+01:00')).toBe('2014-12-31');
    expect(xsdDate('2025-07-23T00:00:00.000000000')).toBe('2025-07-23');
    expect(xsdDate('2026-02-29')).toBeUndefined();
    expect(xsdDate('31.12.2014')).toBeUndefined();
  });

  it('reads OFX dates with time, fraction and zone', () => {
    expect(ofxDate('20090401122017.000[-5:EST]')).toBe('2009-04-01');
    expect(ofxDate('20260323120000[-5]')).toBe('2026-03-23');
    expect(ofxDate('20120928')).toBe('2012-09-28');
    expect(ofxDate('201120000000')).toBeUndefined();
    expect(ofxDate('20120231')).toBeUndefined();
  });

  it('reads SWIFT dates: century, 30 February of closing entries only where allowed', () => {
    expect(swiftDate('991231')).toBe('1999-12-31');
    expect(swiftDate('200101')).toBe('2020-01-01');
    expect(swiftDate('160230')).toBeUndefined();
    expect(swiftDate('160230', true)).toBe('2016-02-29');
    expect(swiftDate('170229', true)).toBe('2017-02-28');
    expect(swiftDate('170431', true)).toBeUndefined();
    expect(swiftEntryDate('0102', '2018-12-31')).toBe('2019-01-02');
    expect(swiftEntryDate('1230', '2017-01-02')).toBe('2016-12-30');
    expect(swiftEntryDate('1399', '2017-01-02')).toBeUndefined();
  });
});

describe('decoding and format detection', () => {
  it('reads UTF-8 as UTF-8, other bytes as Windows-1252, and honours BOM and XML declaration', () => {
    expect(decodeBankText(Buffer.from(':86:Müller €', 'utf8'))).toBe(':86:Müller €');
    expect(decodeBankText(iconv.encode(':86:Müller €', 'windows-1252'))).toBe(':86:Müller €');
    expect(decodeBankText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<a/>')]))).toBe('<a/>');
    expect(decodeBankText(iconv.encode('<?xml version="1.0" encoding="ISO-8859-15"?><a>€</a>', 'iso-8859-15'))).toBe('<?xml version="1.0" encoding="ISO-8859-15"?><a>€</a>');
  });

  it('tells the formats apart by content', () => {
    expect(detectBankFormat('<?xml version="1.0"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">')).toEqual({ ok: true, family: 'camt' });
    expect(detectBankFormat('<?xml version="1.0"?><n:Document xmlns:n="x"><n:BkToCstmrStmt>')).toEqual({ ok: true, family: 'camt' });
    expect(detectBankFormat('OFXHEADER:100\nDATA:OFXSGML')).toEqual({ ok: true, family: 'ofx' });
    expect(detectBankFormat('\r\n\r\n<OFX>\n<SIGNONMSGSRSV1>')).toEqual({ ok: true, family: 'ofx' });
    expect(detectBankFormat('<?xml version="1.0"?><?OFX OFXHEADER="200"?><OFX>')).toEqual({ ok: true, family: 'ofx' });
    expect(detectBankFormat('{1:F01KNABNL2HAXXX0000000000}{2:I940}{4:\n:20:X')).toEqual({ ok: true, family: 'mt940' });
    expect(detectBankFormat('\x01\n:20:ST170119CYC/1\n')).toEqual({ ok: true, family: 'mt940' });
    expect(detectBankFormat('Buchungstag;Valuta;Betrag\n')).toEqual({
      ok: false,
      reason: "not a bank statement: neither CAMT XML, MT940 nor OFX (the file starts with 'Buchungstag;Valuta;Betrag⏎')",
    });
  });
});
