import { CSV_COLUMNS, type CsvColumn } from '../../domain/intake/csv-columns';
import { PRACTICES } from './fake-data';
import { generateCases, type GenerateOptions, type SynthCase, type SynthPerson } from './synthetic-cases';

/**
 * The same synthetic cases as generatePadnext, written in the documented CSV format the way
 * German Excel saves it: UTF-8 with BOM, semicolons, CRLF, dd.mm.yyyy dates, decimal commas.
 * Case columns are repeated on every row of a case, as exports from practice software do.
 */

const deDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const deAmount = (cents: number) => `${Math.trunc(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
const cell = (s: string) => (/[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function personCells(prefix: 'patient' | 'zahler', p: SynthPerson | undefined, out: Partial<Record<CsvColumn, string>>): void {
  if (!p) return;
  out[`${prefix}_anrede`] = p.salutation;
  out[`${prefix}_titel`] = p.title ?? '';
  out[`${prefix}_vorname`] = p.firstName;
  out[`${prefix}_nachname`] = p.lastName;
  out[`${prefix}_geburtsdatum`] = deDate(p.birthDate);
  out[`${prefix}_strasse`] = `${p.street} ${p.houseNo}`;
  out[`${prefix}_plz`] = p.postalCode;
  out[`${prefix}_ort`] = p.city;
  out[`${prefix}_land`] = 'DE';
  out[`${prefix}_email`] = p.email ?? '';
}

function caseRows(c: SynthCase): string[] {
  const doctor = PRACTICES[c.doctorIndex];
  const base: Partial<Record<CsvColumn, string>> = {
    fall_id: c.invoiceId,
    arzt_id: `ARZT-${c.doctorIndex + 1}`,
    arzt_name: `${doctor.title} ${doctor.first} ${doctor.last}`,
    einwilligung: c.consent ? 'ja' : 'nein',
    minderung: c.reduction === 'none' ? '' : c.reduction,
    behandlung_von: deDate(c.from),
    behandlung_bis: deDate(c.to),
    diagnose: `${c.diagnosis.code} ${c.diagnosis.text}`,
  };
  personCells('patient', c.patient, base);
  personCells('zahler', c.responsible, base);
  if (c.broken === 'missing-patient-name') base.patient_nachname = '';
  const brokenLine = c.lines.reduce((last, l, i) => (l.kind === 'fee' ? i : last), 0);
  return c.lines.map((l, i) => {
    const row: Partial<Record<CsvColumn, string>> = { ...base, datum: deDate(l.date), anzahl: String(l.count) };
    if (c.broken === 'invalid-date' && i === brokenLine) row.datum = `30.02.${l.date.slice(0, 4)}`;
    if (l.kind === 'fee') {
      Object.assign(row, { art: 'goae', ziffer: l.code, faktor: l.factor.replace('.', ','), begruendung: l.justification ?? '', analog_beschreibung: l.analogDescription ?? '', text: l.text });
      if (c.broken === 'bad-factor' && i === brokenLine) row.faktor = 'abc';
    } else {
      Object.assign(row, { art: 'auslage', text: l.text, betrag: deAmount(l.amountCents) });
    }
    return CSV_COLUMNS.map((col) => cell(row[col] ?? '')).join(';');
  });
}

export function generateCsv(opts: GenerateOptions): { csv: string; cases: SynthCase[] } {
  const cases = generateCases(opts);
  const lines = [CSV_COLUMNS.join(';')];
  for (const c of cases) lines.push(...caseRows(c));
  return { csv: `\uFEFF${lines.join('\r\n')}\r\n`, cases };
}
