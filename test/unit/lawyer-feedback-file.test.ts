import { parseLawyerFeedback } from '../../domain/collection/lawyer-feedback-file';
import { formatInvoiceNumber } from '../../domain/invoice-number';
import type { LawyerReport } from '../../domain/collection/lawyer-report';
import { lawyerFeedbackFile } from '../../bench/gen/lawyer-feedback-writer';

const A = formatInvoiceNumber(101);
const B = formatInvoiceNumber(102);
const HEADER = 'Meldungs-ID;Rechnungsnummer;Aktenzeichen;Meldung;Datum;Betrag;Grund;Raten';
const file = (...lines: string[]) => Buffer.from([HEADER, ...lines, `ENDE;${lines.length}`, ''].join('\r\n'), 'utf8');

test('every report kind is read into its typed report', () => {
  const parsed = parseLawyerFeedback(
    'rueckmeldung.csv',
    file(
      `M1;${A};AZ 12/26;BESTAETIGT;02.12.2026;;;`,
      `M2;${A};;ZAHLUNG;03.12.2026;1.234,56;;`,
      `M3;${A};;RATENZAHLUNG;04.12.2026;;;15.01.2027=100,00|15.02.2027=50`,
      `M4;${A};;MAHNBESCHEID;05.12.2026;;;`,
      `M5;${A};;TITEL;06.12.2026;;;`,
      `M6;${B};;KOSTEN;07.12.2026;83,54;;`,
      `M7;${B};;UNEINBRINGLICH;08.12.2026;;Insolvenz;`,
      `M8;${B};;RUECKGABE;09.12.2026;;"Mandat beendet; Akte zurück";`,
    ),
  );
  if (!parsed.ok) throw new Error('refused');
  expect(parsed.problems).toEqual([]);
  expect(parsed.reports[1].raw).toBe(`M2;${A};;ZAHLUNG;03.12.2026;1.234,56;;`);
  expect(parsed.reports.map(({ line, report }) => ({ line, report }))).toEqual([
      { line: 2, report: { lineId: 'M1', claimId: A, lawyerRef: 'AZ 12/26', date: '2026-12-02', kind: 'acknowledged' } },
      { line: 3, report: { lineId: 'M2', claimId: A, date: '2026-12-03', kind: 'collected', amountCents: 123456 } },
      { line: 4, report: { lineId: 'M3', claimId: A, date: '2026-12-04', kind: 'installment_plan', installments: [{ dueDate: '2027-01-15', amountCents: 10000 }, { dueDate: '2027-02-15', amountCents: 5000 }] } },
      { line: 5, report: { lineId: 'M4', claimId: A, date: '2026-12-05', kind: 'dunning_order' } },
      { line: 6, report: { lineId: 'M5', claimId: A, date: '2026-12-06', kind: 'title' } },
      { line: 7, report: { lineId: 'M6', claimId: B, date: '2026-12-07', kind: 'costs', amountCents: 8354 } },
      { line: 8, report: { lineId: 'M7', claimId: B, date: '2026-12-08', kind: 'uncollectable', reason: 'insolvency' } },
    { line: 9, report: { lineId: 'M8', claimId: B, date: '2026-12-09', kind: 'returned', note: 'Mandat beendet; Akte zurück' } },
  ]);
});

test('a damaged line is a problem with its line, field and reason; the lines beside it are read', () => {
  const parsed = parseLawyerFeedback(
    'f.csv',
    file(
      `M1;${A};;ZAHLUNG;31.11.2026;10,00;;`,
      `M2;${A};;ZAHLUNG;01.12.2026;10,00;;`,
      `M3;RE0000010199;;BESTAETIGT;01.12.2026;;;`,
      `M4;${A};;ZAHLUNG;01.12.2026;10,005;;`,
      `M5;${A};;"BESTAE;01.12.2026;;;`,
      `M2;${B};;TITEL;01.12.2026;;;`,
      `M6;${B};;UNEINBRINGLICH;01.12.2026;;pleite;`,
      `M7;${B};;RATENZAHLUNG;01.12.2026;;;15.02.2027=1|15.01.2027=1`,
      `M8;${B};;MAHNBESCHEID;01.12.2026;;;`,
    ),
  );
  if (!parsed.ok) throw new Error('refused');
  expect(parsed.reports.map((r) => [r.line, r.report.lineId])).toEqual([[3, 'M2'], [10, 'M8']]);
  expect(parsed.problems.map(({ line, field, reason }) => ({ line, field, reason }))).toEqual([
    { line: 2, field: 'Datum', reason: '"31.11.2026" is not a date (dd.mm.yyyy)' },
    { line: 4, field: 'Rechnungsnummer', reason: '"RE0000010199" is not one of our invoice numbers (wrong form or check digits)' },
    { line: 5, field: 'Betrag', reason: "'10,005' has fractions of a cent" },
    { line: 6, field: 'line', reason: expect.stringMatching(/^not a semicolon CSV line/) },
    { line: 7, field: 'Meldungs-ID', reason: '"M2" is already the id of line 3' },
    { line: 8, field: 'Grund', reason: 'unknown reason "PLEITE" (known: INSOLVENZ, UNBEKANNT, VERSTORBEN)' },
    { line: 9, field: 'Raten', reason: 'the installments are not in date order' },
  ]);
  expect(parsed.problems[0]).toMatchObject({ file: 'f.csv', raw: `M1;${A};;ZAHLUNG;31.11.2026;10,00;;` });
});

test('a file cut off, with a wrong count, without header columns or not UTF-8 is refused whole', () => {
  const line = `M1;${A};;BESTAETIGT;01.12.2026;;;`;
  const reason = (content: Buffer) => {
    const p = parseLawyerFeedback('f.csv', content);
    return p.ok ? 'read' : `${p.problem.field}: ${p.problem.reason}`;
  };
  expect(reason(Buffer.from(`${HEADER}\n${line}\n`))).toBe('trailer: no trailer line "ENDE;<count>": the file may be cut off');
  expect(reason(Buffer.from(`${HEADER}\n${line}\nENDE;2\n`))).toBe('trailer: the trailer counts 2 reports, the file has 1: the file may be incomplete');
  expect(reason(Buffer.from(`Meldungs-ID;Rechnungsnummer;Meldung\n${line}\nENDE;1\n`))).toBe('header: the header row lacks the columns Aktenzeichen, Datum, Betrag, Grund, Raten');
  expect(reason(Buffer.concat([Buffer.from(`${HEADER}\nM1;${A};M`), Buffer.from([0xfc]), Buffer.from(`ller;BESTAETIGT;01.12.2026;;;\nENDE;1\n`)]))).toBe('encoding: the file is not UTF-8');
  // Columns may come in any order; a BOM is fine.
  expect(reason(Buffer.from(`\ufeffRechnungsnummer;Meldungs-ID;Aktenzeichen;Meldung;Datum;Betrag;Grund;Raten\n${A};M1;;BESTAETIGT;01.12.2026;;;\nENDE;1\n`))).toBe('read');
});

test('what the writer of the format writes, the reader takes back', () => {
  const reports: LawyerReport[] = [
    { lineId: 'R1', claimId: A, date: '2026-12-02', lawyerRef: 'AZ "7"/26', kind: 'collected', amountCents: 123456789 },
    { lineId: 'R2', claimId: B, date: '2027-02-28', kind: 'installment_plan', installments: [{ dueDate: '2027-03-01', amountCents: 1 }, { dueDate: '2027-04-01', amountCents: 99 }] },
    { lineId: 'R3', claimId: B, date: '2027-03-01', kind: 'uncollectable', reason: 'deceased' },
    { lineId: 'R;4', claimId: A, date: '2027-03-02', kind: 'returned', note: 'Akte "zurück"; Mandat beendet' },
  ];
  const parsed = parseLawyerFeedback('roundtrip.csv', lawyerFeedbackFile(reports));
  if (!parsed.ok) throw new Error(parsed.problem.reason);
  expect(parsed.problems).toEqual([]);
  expect(parsed.reports.map((r) => r.report)).toEqual(reports);
});
