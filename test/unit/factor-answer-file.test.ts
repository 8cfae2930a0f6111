import { formatInvoiceNumber } from '../../domain/invoice-number';
import { parseFactorAnswers } from '../../domain/factoring/factor-answer-file';
import { saleFile } from '../../domain/factoring/sale-file';

const A = formatInvoiceNumber(101);
const B = formatInvoiceNumber(102);
const HEADER = 'Meldungs-ID;Rechnungsnummer;Entscheidung;Kaufpreis;Grund';
const file = (lines: string[]) => Buffer.from([HEADER, ...lines, `ENDE;${lines.length}`].join('\n'));

test('confirmations with their price, rejections with their reason; bad lines named with line, field and reason', () => {
  const parsed = parseFactorAnswers('a.csv', file([`1;${A};ANGEKAUFT;1.234,56;`, `2;${B};abgelehnt;;Schuldner verstorben`, `3;${B};ABGELEHNT;;`, `4;RE1;ANGEKAUFT;1,00;`, `1;${B};ANGEKAUFT;0,00;`, `5;${A};ANGEKAUFT;0,00;`]));
  expect(parsed).toEqual({
    ok: true,
    answers: [
      { line: 2, raw: `1;${A};ANGEKAUFT;1.234,56;`, answer: { lineId: '1', claimId: A, accepted: true, priceCents: 123456 } },
      { line: 3, raw: `2;${B};abgelehnt;;Schuldner verstorben`, answer: { lineId: '2', claimId: B, accepted: false, reason: 'Schuldner verstorben' } },
    ],
    problems: [
      { file: 'a.csv', line: 4, field: 'Grund', reason: 'missing', raw: `3;${B};ABGELEHNT;;` },
      { file: 'a.csv', line: 5, field: 'Rechnungsnummer', reason: '"RE1" is not one of our invoice numbers (wrong form or check digits)', raw: `4;RE1;ANGEKAUFT;1,00;` },
      { file: 'a.csv', line: 6, field: 'Kaufpreis', reason: '"0,00" is not a positive amount', raw: `1;${B};ANGEKAUFT;0,00;` },
      { file: 'a.csv', line: 7, field: 'Kaufpreis', reason: '"0,00" is not a positive amount', raw: `5;${A};ANGEKAUFT;0,00;` },
    ],
  });
});

test('a file with a wrong count is refused whole', () => {
  expect(parseFactorAnswers('b.csv', Buffer.from(`${HEADER}\n1;${A};ANGEKAUFT;1,00;\nENDE;2\n`))).toEqual({
    ok: false,
    problem: { file: 'b.csv', line: 0, field: 'trailer', reason: 'the trailer counts 2 answers, the file has 1: the file may be incomplete' },
  });
});

test('the sale file quotes what needs quoting and sums its amounts in the trailer', () => {
  const debtor = { name: 'Berger; Dr. "Max"', street: 'Weg 1', postalCode: '10115', city: 'Berlin', country: 'DE' };
  expect(saleFile([{ invoiceNumber: B, debtor, dueDate: '2027-01-15', openCents: 5, purchasePriceCents: 4, currency: 'EUR' }, { invoiceNumber: A, debtor, dueDate: '2027-01-02', openCents: 123456, purchasePriceCents: 119135, currency: 'EUR' }]).toString('utf8')).toBe(
    [
      'Rechnungsnummer;Schuldner;Strasse;PLZ;Ort;Land;Faellig_am;Offen;Kaufpreis;Waehrung',
      `${A};"Berger; Dr. ""Max""";Weg 1;10115;Berlin;DE;02.01.2027;1234,56;1191,35;EUR`,
      `${B};"Berger; Dr. ""Max""";Weg 1;10115;Berlin;DE;15.01.2027;0,05;0,04;EUR`,
      'ENDE;2;1234,61',
      '',
    ].join('\r\n'),
  );
});
