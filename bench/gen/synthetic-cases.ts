import { Prng } from './prng';
import { CITIES, DIAGNOSES, EMAIL_DOMAINS, FIRST_NAMES_F, FIRST_NAMES_M, LAST_NAMES, PRACTICES, STREETS, TITLES } from './fake-data';

/**
 * Format-neutral synthetic treatment cases; the PADneXt and CSV writers serialise the same cases,
 * so both formats are tested against the same expectations.
 */

export interface SynthPerson {
  salutation: 'Frau' | 'Herr';
  title?: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  sex: 'w' | 'm';
  street: string;
  houseNo: string;
  postalCode: string;
  city: string;
  email?: string;
}

export type SynthLine =
  | { kind: 'fee'; code: string; date: string; factor: string; count: number; points: number; text: string; justification?: string; analogDescription?: string }
  | { kind: 'expense'; date: string; text: string; amountCents: number; count: number; marker: 'M' | 'L' | 'P' };

/** Ways a case can be broken on purpose (brokenEvery). */
export type Breakage = 'missing-patient-name' | 'invalid-date' | 'bad-factor';
export const BREAKAGES: readonly Breakage[] = ['missing-patient-name', 'invalid-date', 'bad-factor'];

export interface SynthCase {
  invoiceId: string;
  doctorIndex: number;
  patient: SynthPerson;
  /** A parent paying for a child. */
  responsible?: SynthPerson;
  consent: boolean;
  /** behandlungsart: 0 ambulant, 1 stationär. */
  inpatient: boolean;
  reduction: 'none' | '25' | '15';
  from: string;
  to: string;
  diagnosis: { code: string; text: string };
  lines: SynthLine[];
  broken?: Breakage;
}

export interface GenerateOptions {
  cases: number;
  seed: number;
  clientId?: string;
  /** Number of the first case (default 1): a later file of the same client continues the numbering. */
  firstCaseNo?: number;
  /** Every k-th case (k, 2k, ...) is broken in a realistic way, cycling through BREAKAGES. */
  brokenEvery?: number;
}

type Section = 'personal' | 'technical' | 'lab';
const THRESHOLD: Record<Section, string> = { personal: '2.3', technical: '1.8', lab: '1.15' };
/** GOÄ numbers with points and § 5 section class (B/C personal, E technical, M lab). */
export const GOAE: Record<string, { points: number; section: Section; text: string }> = {
  '1': { points: 80, section: 'personal', text: 'Beratung, auch mittels Fernsprecher' },
  '3': { points: 150, section: 'personal', text: 'Eingehende, das gewöhnliche Maß übersteigende Beratung' },
  '5': { points: 80, section: 'personal', text: 'Symptombezogene Untersuchung' },
  '6': { points: 100, section: 'personal', text: 'Vollständige körperliche Untersuchung eines Organsystems' },
  '7': { points: 160, section: 'personal', text: 'Vollständige körperliche Untersuchung (Haut, Stütz- und Bewegungsorgane, Brust-, Bauchorgane)' },
  '8': { points: 260, section: 'personal', text: 'Untersuchung zur Erhebung des Ganzkörperstatus' },
  '250': { points: 40, section: 'technical', text: 'Blutentnahme mittels Spritze oder Kanüle aus der Vene' },
  '253': { points: 70, section: 'personal', text: 'Injektion, intravenös' },
  '410': { points: 200, section: 'personal', text: 'Ultraschalluntersuchung eines Organs' },
  '420': { points: 80, section: 'personal', text: 'Ultraschalluntersuchung, jedes weitere Organ' },
  '530': { points: 35, section: 'technical', text: 'Kalt- oder Heißpackung(en), je Sitzung' },
  '3511': { points: 50, section: 'lab', text: 'Untersuchung eines Körpermaterials mit vorgefertigten Reagenzträgern' },
  '3550': { points: 60, section: 'lab', text: 'Blutbild und Blutbildbestandteile' },
};
const JUSTIFICATIONS = [
  'Erhöhter Zeitaufwand wegen Mehrfacherkrankung und eingeschränkter Kommunikationsfähigkeit',
  'Überdurchschnittliche Schwierigkeit der Untersuchung bei ausgeprägter Adipositas',
  'Besondere Umstände: schwierige Venenverhältnisse, mehrfache Punktion erforderlich',
];
const EXPENSES: readonly { text: string; cents: number; marker: 'M' | 'L' | 'P' }[] = [
  { text: 'Porto für Befundversand', cents: 95, marker: 'P' },
  { text: 'Verbandmaterial', cents: 420, marker: 'L' },
  { text: 'Diclofenac-Injektionslösung 75 mg', cents: 387, marker: 'M' },
  { text: 'Kältepackung (Einmalartikel)', cents: 250, marker: 'L' },
];

const pad2 = (n: number) => String(n).padStart(2, '0');
/** Day offset from 2024-01-01 → ISO date (Date.UTC is deterministic, no clock involved). */
function dayToIso(day: number): string {
  const d = new Date(Date.UTC(2024, 0, 1 + day));
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

function person(rng: Prng, lastName: string | undefined, minAge: number, maxAge: number, home?: SynthPerson): SynthPerson {
  const female = rng.chance(0.52);
  const [postalCode, city] = rng.pick(CITIES);
  const birthYear = 2024 - rng.int(minAge, maxAge);
  const p: SynthPerson = {
    salutation: female ? 'Frau' : 'Herr',
    firstName: rng.pick(female ? FIRST_NAMES_F : FIRST_NAMES_M),
    lastName: lastName ?? rng.pick(LAST_NAMES),
    birthDate: `${birthYear}-${pad2(rng.int(1, 12))}-${pad2(rng.int(1, 28))}`,
    sex: female ? 'w' : 'm',
    street: home?.street ?? rng.pick(STREETS),
    houseNo: home?.houseNo ?? String(rng.int(1, 120)) + (rng.chance(0.1) ? 'a' : ''),
    postalCode: home?.postalCode ?? postalCode,
    city: home?.city ?? city,
  };
  if (minAge >= 18 && rng.chance(0.08)) p.title = rng.pick(TITLES);
  if (minAge >= 18 && rng.chance(0.4)) {
    const local = `${p.firstName}.${p.lastName}`.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').replace(/[^a-z.-]/g, '');
    p.email = `${local}@${rng.pick(EMAIL_DOMAINS)}`;
  }
  return p;
}

function fee(rng: Prng, code: string, date: string, count = 1): SynthLine {
  const g = GOAE[code];
  const raised = g.section === 'personal' && rng.chance(0.05);
  const line: SynthLine = { kind: 'fee', code, date, factor: raised ? '3.0' : THRESHOLD[g.section], count, points: g.points, text: g.text };
  if (raised) line.justification = rng.pick(JUSTIFICATIONS);
  return line;
}

/** A visit: consultation, one examination, then optional lab, sonography, injection, physical therapy. */
function visitLines(rng: Prng, date: string, max: number): SynthLine[] {
  const lines: SynthLine[] = [fee(rng, rng.chance(0.7) ? '1' : '3', date)];
  const optional: (() => SynthLine[])[] = [
    () => [fee(rng, rng.pick(['5', '6', '7', '8']), date)],
    () => [fee(rng, '250', date), fee(rng, '3550', date), ...(rng.chance(0.5) ? [fee(rng, '3511', date)] : [])],
    () => {
      const us = fee(rng, '410', date);
      if (rng.chance(0.15) && us.kind === 'fee') us.analogDescription = 'Scherwellen-Elastographie der Leber, analog Nr. 410 GOÄ';
      return rng.chance(0.4) ? [us, fee(rng, '420', date, rng.int(1, 2))] : [us];
    },
    () => [fee(rng, '253', date)],
    () => [fee(rng, '530', date)],
  ];
  for (const add of optional) {
    if (lines.length >= max) break;
    if (rng.chance(0.45)) lines.push(...add().slice(0, max - lines.length));
  }
  return lines;
}

export function generateCases(opts: GenerateOptions): SynthCase[] {
  const rng = new Prng(opts.seed);
  const clientId = opts.clientId ?? 'C001';
  const cases: SynthCase[] = [];
  for (let i = 1; i <= opts.cases; i++) {
    const child = rng.chance(0.15);
    const responsible = child ? person(rng, undefined, 28, 55) : undefined;
    const patient = child ? person(rng, responsible!.lastName, 1, 17, responsible) : person(rng, undefined, 18, 90);
    const inpatient = rng.chance(0.05);
    const start = rng.int(0, 330);
    const days = inpatient ? rng.int(2, 9) : rng.chance(0.3) ? rng.int(1, 20) : 0;
    const maxLines = rng.int(1, 6);
    const lines = visitLines(rng, dayToIso(start), maxLines);
    if (days > 0 && lines.length < maxLines) lines.push(...visitLines(rng, dayToIso(start + days), maxLines - lines.length));
    if (rng.chance(0.2)) {
      const e = rng.pick(EXPENSES);
      lines.push({ kind: 'expense', date: dayToIso(start), text: e.text, amountCents: e.cents, count: rng.int(1, 2), marker: e.marker });
    }
    const [code, text] = rng.pick(DIAGNOSES);
    const c: SynthCase = {
      invoiceId: `${clientId}-2024-${String((opts.firstCaseNo ?? 1) + i - 1).padStart(6, '0')}`,
      doctorIndex: rng.int(0, PRACTICES.length - 1),
      patient,
      responsible,
      consent: !rng.chance(0.02),
      inpatient,
      reduction: inpatient ? (rng.chance(0.2) ? '15' : '25') : 'none',
      from: dayToIso(start),
      to: dayToIso(start + days),
      diagnosis: { code, text },
      lines,
    };
    if (opts.brokenEvery && i % opts.brokenEvery === 0) c.broken = BREAKAGES[(i / opts.brokenEvery - 1) % BREAKAGES.length];
    cases.push(c);
  }
  return cases;
}

/**
 * GOÄ fee of one unit in cents: points × 5.82873 ct × factor, half-cent rounded up, integer maths only.
 * Written apart from domain/goae/fee.ts on purpose: the files carry these amounts and the tests
 * compare them with what claimflow's pricing computes.
 */
export function unitFeeCents(points: number, factor: string): number {
  const [int, frac = ''] = factor.split('.');
  const hundredths = Number(int) * 100 + Number(frac.padEnd(2, '0').slice(0, 2));
  const numerator = points * 582873 * hundredths; // in 1e-7 cent
  return Math.floor((2 * numerator + 1e7) / 2e7);
}
