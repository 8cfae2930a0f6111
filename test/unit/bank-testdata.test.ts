import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { BankFileError, type BankFileFormat } from '../../domain/bank/bank-line';
import { parseBankFile } from '../../domain/bank/parse-bank-file';

/**
 * Every third-party statement file in ../shared/testdata/{camt,mt940,ofx} is either parsed or
 * rejected with a precise location and reason. The wolph-mt940 .yml files next to a .sta are that
 * library's expected parse (compared in bank-mt940.test.ts), not inputs; transaction_details.yml
 * has no .sta beside it and is itself MT940 text, so it is an input here.
 */
const TESTDATA = path.resolve(__dirname, '../../../shared/testdata');

type Outcome = { parsed: BankFileFormat; lines: number[] } | { rejected: string; reason: string };
const parsed = (format: BankFileFormat, lines: number[]): Outcome => ({ parsed: format, lines });
const rejected = (location: string, reason: string): Outcome => ({ rejected: location, reason });

const balanceMismatch = (statement: string, account: string, opening: string, count: number, sum: string, expected: string, closing: string) =>
  `balance mismatch in statement ${statement} of account ${account}: opening balance ${opening} + ${count} line(s) totalling ${sum} = ${expected}, but the closing balance is ${closing}`;
const wolphMismatch = balanceMismatch('0', '12345678/1020304050', '12345.12 EUR', 1, '-233.15 EUR', '12111.97 EUR', '12345.98 EUR');
const investment = 'an investment statement (INVSTMTRS), not a bank account statement';
const noStatement = 'no bank or credit-card statement (STMTRS/CCSTMTRS) in the file';
const asnbLines = [1, 0, 0, 0, 2, ...Array(19).fill(0), 1, 0, 0, 0, 2, 0, 2];

const EXPECTED: Record<string, Outcome> = {
  'camt/genkgo-camt/test-data/camt052.v1.xml': parsed('camt.052', [1]),
  'camt/genkgo-camt/test-data/camt052.v2.other-account.xml': parsed('camt.052', [1]),
  'camt/genkgo-camt/test-data/camt052.v2.with-account-name.xml': rejected('Rpt[1]/Ntry[1]/BookgDt', 'booking date missing'),
  'camt/genkgo-camt/test-data/camt052.v2.xml': parsed('camt.052', [1]),
  // Their only entries are pending (Sts PDNG): nothing booked yet, so no line.
  'camt/genkgo-camt/test-data/camt052.v4.xml': parsed('camt.052', [0]),
  'camt/genkgo-camt/test-data/camt052.v6.Amt-zero.xml': parsed('camt.052', [0]),
  'camt/genkgo-camt/test-data/camt052.v6.xml': parsed('camt.052', [0]),
  'camt/genkgo-camt/test-data/camt052.v8.xml': parsed('camt.052', [1]),
  'camt/genkgo-camt/test-data/camt053.v2.all-balance-types.xml': rejected(
    'Stmt[1]/Bal[4]/Amt',
    balanceMismatch('CAMT0532015012200001', 'CH2801234000123456789', '1.01 EUR', 1, '8.85 EUR', '9.86 EUR', '4.04 EUR'),
  ),
  'camt/genkgo-camt/test-data/camt053.v2.five.decimals.xml': rejected(
    'Stmt[1]/Bal[2]/Amt',
    balanceMismatch('253EURNL26VAYB8060476890', 'NL26VAYB8060476890', '18.15 EUR', 1, '8.85 EUR', '27.00 EUR', '27.05 EUR'),
  ),
  'camt/genkgo-camt/test-data/camt053.v2.minimal.ultimate.xml': rejected('Stmt[1]/Bal[2]/Amt', 'CLBD balance is in SEK, the account in EUR'),
  'camt/genkgo-camt/test-data/camt053.v2.minimal.xml': rejected('Stmt[1]/Bal[2]/Amt', 'CLBD balance is in SEK, the account in EUR'),
  'camt/genkgo-camt/test-data/camt053.v2.multi.statement.xml': parsed('camt.053', [1, 1]),
  'camt/genkgo-camt/test-data/camt053.v2.with-account-name.xml': parsed('camt.053', [1]),
  'camt/genkgo-camt/test-data/camt053.v2.with-party-ids.xml': rejected('Stmt[1]/Bal[2]/Amt', 'CLBD balance is in SEK, the account in EUR'),
  'camt/genkgo-camt/test-data/camt053.v2.wrong.xml': rejected('BkToCstmrStmt', 'the message holds no Stmt (statement): nothing to import'),
  'camt/genkgo-camt/test-data/camt053.v3.xml': rejected('Stmt[1]/Bal[2]/Amt', 'CLBD balance is in SEK, the account in EUR'),
  'camt/genkgo-camt/test-data/camt053.v4.xml': rejected('Stmt[1]/Bal[2]/Amt', 'CLBD balance is in SEK, the account in EUR'),
  'camt/genkgo-camt/test-data/camt053.v8.xml': rejected('Stmt[1]/Bal[2]/Amt', 'CLBD balance is in SEK, the account in EUR'),
  'camt/genkgo-camt/test-data/camt054.v2.with-account-name.xml': rejected('Ntfctn[1]/Ntry[1]/BookgDt', 'booking date missing'),
  'camt/genkgo-camt/test-data/camt054.v2.xml': rejected(
    'Ntfctn[1]/Ntry[1]/NtryDtls/TxDtls[1]',
    'a transaction of a batched entry has no amount of its own, so the entry cannot be split',
  ),
  'camt/genkgo-camt/test-data/camt054.v4.xml': rejected(
    'Ntfctn[1]/Ntry[1]/NtryDtls/TxDtls[1]/Amt',
    'transaction amount is in CHF, the batched entry in SEK: the batch cannot be split',
  ),
  'camt/genkgo-camt/test-data/camt054.v8-with-UETR.xml': rejected('Ntfctn[1]/Ntry[1]/BookgDt', 'booking date missing'),
  'camt/genkgo-camt/test-data/camt054.v8-with-financial-institution.xml': rejected('Ntfctn[1]/Ntry[1]/BookgDt', 'booking date missing'),
  'camt/genkgo-camt/test-data/camt054.v8.xml': rejected(
    'Ntfctn[1]/Ntry[1]/NtryDtls/TxDtls[1]/Amt',
    'transaction amount is in CHF, the batched entry in SEK: the batch cannot be split',
  ),
  'camt/genkgo-camt/test-data/camt53.only-Dt-with-DtTm.xml': parsed('camt.053', [0]),
  'camt/genkgo-camt/xsd/camt.053.001.02.xsd': rejected('schema', 'the root element is <schema>, not the ISO 20022 <Document>'),
  'camt/genkgo-camt/xsd/camt.053.001.08.xsd': rejected('schema', 'the root element is <schema>, not the ISO 20022 <Document>'),
  'mt940/mt940js/test-with-NS.mt940x': parsed('mt940', [3, 1]),
  'mt940/mt940js/test1.mt940': parsed('mt940', [1, 2]),
  'mt940/mt940js/test2.mt940x': parsed('mt940', [3, 1]),
  'mt940/mt940js/testX.mt940': parsed('mt940', [1, 2]),
  'mt940/wolph-mt940/ASNB/mt940.txt': parsed('mt940', asnbLines),
  'mt940/wolph-mt940/ASNB/mt940_with_spaces_for_entry_date.txt': parsed('mt940', asnbLines),
  'mt940/wolph-mt940/mBank/mt940.sta': parsed('mt940', [3]),
  'mt940/wolph-mt940/mBank/mt942.sta': parsed('mt942', [3]),
  'mt940/wolph-mt940/mBank/with_newline_in_tnr.sta': rejected(
    'line 19',
    balanceMismatch('3/1', 'PL29114010810000267002001002', '0.46 PLN', 2, '89.00 PLN', '89.46 PLN', '860.17 PLN'),
  ),
  'mt940/wolph-mt940/self-provided/account_identification.sta': rejected('line 1', 'the statement has no opening balance (:60F:/:60M:)'),
  'mt940/wolph-mt940/self-provided/details_60-63.sta': rejected('line 12', wolphMismatch),
  'mt940/wolph-mt940/self-provided/empty_non_swift.sta': rejected('file', 'no statement in the file: no :20: transaction reference'),
  'mt940/wolph-mt940/self-provided/february_30.sta': parsed('mt940', [1]),
  'mt940/wolph-mt940/self-provided/gv_codes.sta': rejected('line 1', 'the statement has no closing balance (:62F:/:62M:)'),
  'mt940/wolph-mt940/self-provided/invalid_statement.sta': rejected(
    'file',
    "not a bank statement: neither CAMT XML, MT940 nor OFX (the file starts with '1⏎2⏎3⏎4⏎5⏎6⏎7⏎8⏎9⏎10⏎')",
  ),
  'mt940/wolph-mt940/self-provided/long_statement_number.sta': parsed('mt940', [0]),
  'mt940/wolph-mt940/self-provided/malformed_details.sta': rejected('line 15', wolphMismatch),
  'mt940/wolph-mt940/self-provided/mt942.sta': parsed('mt942', [1]),
  // A :61: line after the message's "-" terminator, outside any statement.
  'mt940/wolph-mt940/self-provided/multiline.sta': rejected('line 38', ":61: comes before the statement's :20: transaction reference"),
  'mt940/wolph-mt940/self-provided/overly_long_details.sta': rejected('line 15', wolphMismatch),
  'mt940/wolph-mt940/self-provided/raiffeisen-cmi.sta': rejected(
    'line 40',
    balanceMismatch('0072', 'UBRTHUHB/123456789150ABCDEF002/HUF', '25170637.10 HUF', 7, '-1012213.50 HUF', '24158423.60 HUF', '25281687.60 HUF'),
  ),
  // The closing balance lacks its currency: "C020315" + "105000,00".
  'mt940/wolph-mt940/self-provided/raphaelm.sta': rejected('line 27', ":62M: 'C020315105000,00' is not a balance (C/D mark, date YYMMDD, currency, amount)"),
  'mt940/wolph-mt940/self-provided/sparkassen.sta': rejected('line 1', ":61: comes before the statement's :20: transaction reference"),
  'mt940/wolph-mt940/self-provided/transaction_details.yml': rejected('line 1', ":61: comes before the statement's :20: transaction reference"),
  'mt940/wolph-mt940/self-provided/transaction_details_wrapped.sta': parsed('mt940', [1]),
  'mt940/wolph-mt940/self-provided/whitespace.sta': rejected('line 9', wolphMismatch),
  'mt940/wolph-mt940/self-provided/wrapped_timestamp.sta': parsed('mt940', [1]),
  'ofx/bradenmacdonald-ofx-js/credit-card.qfx': parsed('ofx', [5]),
  'ofx/bradenmacdonald-ofx-js/example-xml.qfx': parsed('ofx', [1]),
  'ofx/bradenmacdonald-ofx-js/example1.ofx': parsed('ofx', [5]),
  // Anonymised with asterisks, dates included.
  'ofx/bradenmacdonald-ofx-js/example2.ofx': rejected('STMTTRN 1/DTPOSTED (line 43)', "'****' is not a date (yyyymmdd[hhmmss])"),
  'ofx/jseutter-ofxparse/account_listing_aggregation.ofx': rejected('OFX', noStatement),
  'ofx/jseutter-ofxparse/anzcc.ofx': parsed('ofx', [1]),
  'ofx/jseutter-ofxparse/bank_medium.ofx': parsed('ofx', [3]),
  'ofx/jseutter-ofxparse/bank_small.ofx': rejected('OFX (line 11)', 'the <OFX> element is empty: no statement in the file'),
  'ofx/jseutter-ofxparse/checking.ofx': parsed('ofx', [3]),
  'ofx/jseutter-ofxparse/date_missing.ofx': rejected('STMTTRN 1/DTPOSTED (line 33)', 'posting date missing'),
  'ofx/jseutter-ofxparse/decimal_error.ofx': rejected('STMTTRN 1/DTPOSTED (line 36)', "'201120000000' is not a date (yyyymmdd[hhmmss])"),
  'ofx/jseutter-ofxparse/empty_balance.ofx': rejected('STMTTRNRS 1/STMTRS/LEDGERBAL/BALAMT (line 38)', 'amount missing or empty'),
  'ofx/jseutter-ofxparse/error_message.ofx': rejected(
    'STMTTRNRS 1/STATUS (line 22)',
    'the bank answered the statement request with an error: code 2000 (ERROR): General Server Error',
  ),
  'ofx/jseutter-ofxparse/fidelity-savings.ofx': rejected('INVSTMTMSGSRSV1 (line 28)', investment),
  'ofx/jseutter-ofxparse/fidelity.ofx': rejected('INVSTMTMSGSRSV1 (line 11)', investment),
  'ofx/jseutter-ofxparse/investment_401k.ofx': rejected('INVSTMTMSGSRSV1 (line 28)', investment),
  'ofx/jseutter-ofxparse/investment_medium.ofx': rejected('INVSTMTMSGSRSV1 (line 25)', investment),
  'ofx/jseutter-ofxparse/multiple_accounts.ofx': parsed('ofx', [0, 0]),
  'ofx/jseutter-ofxparse/ofx-v102-empty-tags.ofx': rejected('STMTTRNRS 1/STMTRS/CURDEF (line 23)', 'the account currency (CURDEF) is missing or empty'),
  'ofx/jseutter-ofxparse/signon_fail.ofx': rejected(
    'SIGNONMSGSRSV1/SONRS/STATUS (line 11)',
    'the bank refused the sign-on: code 15500 (ERROR): Your request could not be processed because you supplied an invalid identification code or your password was incorrect',
  ),
  'ofx/jseutter-ofxparse/signon_success.ofx': rejected('OFX', noStatement),
  'ofx/jseutter-ofxparse/signon_success_no_message.ofx': rejected('OFX', noStatement),
  'ofx/jseutter-ofxparse/suncorp.ofx': parsed('ofx', [1]),
  'ofx/jseutter-ofxparse/td_ameritrade.ofx': rejected('INVSTMTMSGSRSV1 (line 27)', investment),
  'ofx/jseutter-ofxparse/tiaacref.ofx': rejected('INVSTMTMSGSRSV1 (line 11)', investment),
  'ofx/jseutter-ofxparse/vanguard.ofx': rejected('INVSTMTMSGSRSV1 (line 11)', investment),
  'ofx/jseutter-ofxparse/vanguard401k.ofx': rejected('INVSTMTMSGSRSV1 (line 11)', investment),
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

const inputs = ['camt', 'mt940', 'ofx']
  .flatMap((d) => filesUnder(path.join(TESTDATA, d)))
  .filter((f) => !(f.endsWith('.yml') && existsSync(f.replace(/\.yml$/, '.sta'))))
  .map((f) => path.relative(TESTDATA, f))
  .sort();

function outcomeOf(file: string): Outcome {
  try {
    const result = parseBankFile(path.basename(file), readFileSync(path.join(TESTDATA, file)));
    return parsed(result.format, result.statements.map((s) => s.lines.length));
  } catch (e) {
    if (!(e instanceof BankFileError)) throw e;
    expect(e.fileName).toBe(path.basename(file));
    expect(e.message).toBe(`${path.basename(file)}: ${e.location}: ${e.reason}`);
    return rejected(e.location, e.reason);
  }
}

describe('third-party statement files', () => {
  it('are all listed with their expected outcome', () => {
    expect(inputs).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(inputs)('%s', (file) => {
    expect(outcomeOf(file)).toEqual(EXPECTED[file]);
  });
});
