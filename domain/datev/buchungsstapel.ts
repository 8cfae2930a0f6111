import iconv from 'iconv-lite';
import type { Period } from '../accounting/booking-date';
import type { DatevPolicy } from './datev-policy';
import type { Skr } from './skr-defaults';
import { BUCHUNGSSTAPEL_COLUMNS } from './buchungsstapel-columns';

/** One booking row: an amount from Konto against Gegenkonto. */
export interface BookingRow {
  /** Positive cents; the direction is `debit`. */
  amountCents: number;
  /** Soll (true) or Haben on `account`. */
  debit: boolean;
  currency: string;
  account: string;
  counterAccount: string;
  /** ISO day; written as TTMM (the year is the batch's). */
  documentDate: string;
  /** Belegfeld 1: the source document's number (already in DATEV's alphabet, ≤ 36). */
  document: string;
  /** Buchungstext (≤ 60). */
  text: string;
}

export interface BatchHeader {
  createdAt: Date;
  exportedBy: string;
  period: Period;
  skr: Skr;
  policy: DatevPolicy;
  currency: string;
}

/** A field as DATEV writes it: text in double quotes (inner quotes doubled), everything else bare. */
type Field = { text: string } | string | number | null;
const field = (f: Field): string => (f === null ? '' : typeof f === 'object' ? `"${f.text.replace(/"/g, '""')}"` : String(f));
const q = (text: string) => ({ text });

const compactDay = (isoDay: string) => isoDay.replace(/-/g, '');
/** Erzeugt am: YYYYMMDDHHMMSSmmm (UTC, as every time of the ledger). */
const timestamp = (d: Date) => d.toISOString().replace(/[-:TZ.]/g, '');

/** The first day of the fiscal year `day` lies in. */
export function fiscalYearStart(day: string, startMonth: number): string {
  const [y, m] = day.split('-').map(Number);
  const year = m >= startMonth ? y : y - 1;
  return `${year}-${String(startMonth).padStart(2, '0')}-01`;
}

/** The header line (31 fields, as DATEV's specification and example have them). */
function headerLine(h: BatchHeader): string {
  const p = h.policy;
  const fields: Field[] = [
    q('EXTF'), 700, 21, q('Buchungsstapel'), 9, timestamp(h.createdAt), null, q('CF'), q(h.exportedBy.slice(0, 25)), q(''),
    p.consultantNumber, p.clientNumber, compactDay(fiscalYearStart(h.period.from, p.fiscalYearStartMonth)), p.accountLength,
    compactDay(h.period.from), compactDay(h.period.to), q(`claimflow ${h.period.from}`.slice(0, 30)), q(''), 1, null, 0, q(h.currency),
    q(''), q(''), q(''), q(''), q(h.skr.slice(3)), null, null, q(''), q(''),
  ];
  return fields.map(field).join(';');
}

/** Cents as DATEV's amount: decimal comma, two places, no sign, no thousands separator. */
export function datevAmount(cents: number): string {
  const abs = Math.abs(cents);
  return `${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** The fields of one booking row, all columns of the batch. */
export function rowFields(r: BookingRow): string[] {
  const values = new Map<string, string>([
    ['Umsatz (ohne Soll/Haben-Kz)', datevAmount(r.amountCents)],
    ['Soll/Haben-Kennzeichen', r.debit ? 'S' : 'H'],
    ['WKZ Umsatz', r.currency],
    ['Konto', r.account],
    ['Gegenkonto (ohne BU-Schlüssel)', r.counterAccount],
    ['Belegdatum', r.documentDate.slice(8, 10) + r.documentDate.slice(5, 7)],
    ['Belegfeld 1', r.document],
    ['Buchungstext', r.text.slice(0, 60)],
  ]);
  return BUCHUNGSSTAPEL_COLUMNS.map((c) => {
    const v = values.get(c.name) ?? '';
    return c.text ? field(q(v)) : v;
  });
}

/**
 * The batch file: header line, column line, one line per row; Windows-1252 (a character it lacks
 * becomes "?"), CRLF after every line.
 */
export function buchungsstapel(h: BatchHeader, rows: readonly BookingRow[]): Buffer {
  const lines = [headerLine(h), BUCHUNGSSTAPEL_COLUMNS.map((c) => c.name).join(';'), ...rows.map((r) => rowFields(r).join(';'))];
  return iconv.encode(lines.map((l) => `${l}\r\n`).join(''), 'win1252');
}
