import { XMLBuilder } from 'fast-xml-parser';
import { paymentMethodOf } from '../../domain/bank/payment-method';
import { formatInvoiceNumber } from '../../domain/invoice-number';
import { composeIBAN } from 'ibantools';
import type { Allocation, BookedBankPayment, ClaimView } from '../../domain/matching/types';
import { FIRST_NAMES_F, FIRST_NAMES_M, LAST_NAMES, PRACTICES, TITLES } from './fake-data';
import { Prng } from './prng';

/**
 * A synthetic bank statement with known truth, for the matching benchmark: a population of open
 * (and some closed) claims with payers and IBANs, earlier booked payments, and a CAMT.053 file whose
 * lines pay those claims the way patients really pay — mostly with the invoice number, often
 * mangled, sometimes in parts, several invoices at once, without any reference, or by mistake —
 * mixed with money that is not for any claim, returns of every kind, our own payouts and bank
 * charges. Insurers pay parts of claims, one family member pays for another, and look-alike letters
 * of several alphabets stand for digits. The file
 * validates against the camt.053.001.02 XSD; every IBAN in it has correct check digits.
 */

export type LineTruth =
  /** The line pays these claims (a matchable line). */
  | { kind: 'claims'; allocations: Allocation[] }
  /** The line takes back these earlier booked payments. */
  | { kind: 'reverse'; paymentIds: string[] }
  /** Money that pays no claim or reverses nothing automatically (refund case, someone else's money, a return that names no payment of its kind): staff must decide. */
  | { kind: 'none' }
  /** Our own payouts and bank charges. */
  | { kind: 'ignore' };

export const SCENARIOS = {
  clean: 0.6,
  noisy: 0.15,
  endToEndOnly: 0.01,
  partial: 0.035,
  installments: 0.015,
  overpaid: 0.01,
  multiClaim: 0.03,
  familyMultiClaim: 0.008,
  relativePays: 0.02,
  insurerPartial: 0.01,
  lookAlike: 0.02,
  ibanOnly: 0.02,
  noReference: 0.005,
  typo: 0.006,
  wrongNumber: 0.003,
  directDebits: 0.01,
  foreignCurrency: 0.003,
  closedClaim: 0.004,
  unrelated: 0.02,
  directDebitReturn: 0.004,
  foreignDebitReturn: 0.002,
  recall: 0.002,
  ourTransferBack: 0.001,
  unclassifiedReturn: 0.001,
  payout: 0.015,
  charge: 0.003,
} as const;
export type Scenario = keyof typeof SCENARIOS;

export interface GeneratedStatement {
  fileName: string;
  camt: Buffer;
  claims: ClaimView[];
  payments: BookedBankPayment[];
  /** Per bank line, in file order. */
  truth: LineTruth[];
  scenario: Scenario[];
}

interface Payer {
  first: string;
  last: string;
  title?: string;
  iban: string;
  claims: ClaimView[];
}

/** What one bank line will say, before it is written as (a transaction of) a CAMT entry. */
interface PlannedLine {
  scenario: Scenario;
  truth: LineTruth;
  amountCents: number;
  kind: 'CRDT-transfer' | 'CRDT-collection' | 'CRDT-returned-payout' | 'DBIT-debit-return' | 'DBIT-recall' | 'DBIT-unclassified-return' | 'DBIT-payout' | 'DBIT-charge';
  /** The bank writes only its proprietary (DK) code, no ISO domain code. */
  proprietaryCodeOnly?: boolean;
  /** What the payer instructed in another currency (the line's amount is what reached the account). */
  instructed?: { amountCents: number; currency: string };
  name?: string;
  iban?: string;
  remittance: string;
  endToEndId?: string;
  mandateId?: string;
  returnReason?: string;
}

const OUR_IBAN = 'DE75512108001245126199';
const OCR_LETTERS: Readonly<Record<string, string[]>> = { '0': ['O', 'o'], '1': ['l', 'I'], '5': ['S'], '8': ['B'], '2': ['Z'], '6': ['G'] };
/** Look-alikes beyond those: OCR and handwriting, a keyboard switched to Cyrillic or Greek, fullwidth digits. */
const MORE_LOOK_ALIKES: Readonly<Record<string, string[]>> = {
  '0': ['D', 'Q', 'О', 'Ο', '０'],
  '1': ['і', '１'],
  '3': ['З', '３'],
  '4': ['A', '４'],
  '6': ['b', 'б'],
  '7': ['T', '７'],
  '8': ['ß', 'В'],
  '9': ['g', 'q', '９'],
};
const INSURERS = ['Allianz Private Krankenversicherungs-AG', 'DEBEKA KRANKENVERSICHERUNGSVEREIN A.G.', 'Landesamt fuer Besoldung und Versorgung NRW', 'Beihilfestelle Bund', 'AXA Krankenversicherung AG'];
const NO_REFERENCE_TEXTS = ['Arztrechnung', 'Rechnung Dr. Brückner', 'Danke', 'Behandlung Oktober', 'Zahlung', 'Praxis Oberländer', 'Überweisung'];

/** An IBAN with correct check digits (ibantools computes them). */
function ibanOf(countryCode: string, bban: string): string {
  return composeIBAN({ countryCode, bban }) ?? fail(`no ${countryCode} IBAN has the account part ${bban}`);
}

function fail(message: string): never {
  throw new Error(message);
}

export function germanIban(rng: Prng): string {
  return ibanOf('DE', String(rng.int(10000000, 89999999)) + String(rng.int(0, 9_999_999_999)).padStart(10, '0'));
}

export function cents(rng: Prng, minEuro: number, maxEuro: number): number {
  return Math.round(Math.exp(Math.log(minEuro * 100) + rng.next() * (Math.log(maxEuro * 100) - Math.log(minEuro * 100))));
}

function payerName(p: Payer): string {
  return `${p.title ? `${p.title} ` : ''}${p.first} ${p.last}`;
}

const ASCII: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'AE', Ö: 'OE', Ü: 'UE', å: 'a', Å: 'A' };
const asciiUpper = (s: string) => s.replace(/[äöüßÄÖÜåÅ]/g, (c) => ASCII[c]).toUpperCase();

/** The account holder's name as banks deliver it. */
function holderName(rng: Prng, p: Payer): string | undefined {
  const r = rng.next();
  if (r < 0.35) return `${p.first} ${p.last}`;
  if (r < 0.55) return asciiUpper(`${p.last}, ${p.first}`);
  if (r < 0.7) return `${p.last}, ${p.first}`;
  if (r < 0.85) return asciiUpper(`${p.first} ${p.last}`);
  if (r < 0.9) return payerName(p);
  if (r < 0.97) return `${p.first} und ${rng.pick([...FIRST_NAMES_F, ...FIRST_NAMES_M])} ${p.last}`;
  return undefined;
}

function germanDate(rng: Prng): string {
  return `${String(rng.int(1, 28)).padStart(2, '0')}.${String(rng.int(1, 12)).padStart(2, '0')}.${rng.int(2024, 2026)}`;
}

function euroText(amount: number): string {
  return `${Math.floor(amount / 100)},${String(amount % 100).padStart(2, '0')}`;
}

/** A clean way of writing the invoice number into the remittance text. */
function cleanText(rng: Prng, number: string, p: Payer): string {
  return rng.pick([
    () => number,
    () => `Rechnung ${number}`,
    () => `${number} ${p.first} ${p.last}`,
    () => `Rechnungsnr. ${number} vom ${germanDate(rng)}`,
    () => `Arztrechnung ${number} Dr. Brückner`,
    () => `${number} Behandlung vom ${germanDate(rng)}`,
    () => `RE-Nr ${number.slice(2)} ${p.last}`,
  ])();
}

/** Other numbers people put beside the invoice number. */
function strayNumber(rng: Prng): string {
  return rng.pick([
    () => `Kd-Nr. ${rng.int(1_000_000, 9_999_999)}`,
    () => `geb. ${germanDate(rng)}`,
    () => `Tel. 0${rng.int(30, 999)} ${rng.int(100000, 9999999)}`,
    () => `Pat.-Nr. ${rng.int(100000, 999999)}`,
    () => `IBAN ${germanIban(rng).replace(/(.{4})/g, '$1 ').trim()}`,
    () => `Betrag ${euroText(rng.int(1000, 90000))} EUR`,
  ])();
}

/** The invoice number as people mangle it: grouping, dashes, case, prefix, OCR letters, stray numbers. */
function noisyText(rng: Prng, number: string, p: Payer): string {
  let digits = number.slice(2);
  const ocr = rng.chance(0.45) ? rng.int(1, 3) : 0;
  for (let i = 0, tries = 0; i < ocr && tries < 30; tries++) {
    const pos = rng.int(0, 9);
    const letters = OCR_LETTERS[digits[pos]];
    if (!letters) continue;
    digits = digits.slice(0, pos) + rng.pick(letters) + digits.slice(pos + 1);
    i++;
  }
  if (rng.chance(0.35)) digits = `${digits.slice(0, 4)} ${digits.slice(4, 8)} ${digits.slice(8)}`;
  else if (rng.chance(0.25)) digits = `${digits.slice(0, 5)}-${digits.slice(5)}`;
  else if (rng.chance(0.15)) digits = `${digits.slice(0, 2)} ${digits.slice(2, 6)} ${digits.slice(6)}`;
  const prefix = rng.pick(['RE', 'Re.', 're', 'Rg', 'Rg.-Nr.', 'R E', 'Rechnungsnummer:', 'Rechnung Nr.', '', '', 'RE ']);
  let ref = `${prefix}${prefix && !prefix.endsWith(' ') && rng.chance(0.5) ? ' ' : ''}${digits}`;
  if (rng.chance(0.3)) ref = ref.toLowerCase();
  const parts = [ref];
  if (rng.chance(0.5)) parts.push(strayNumber(rng));
  if (rng.chance(0.3)) parts.unshift(strayNumber(rng));
  if (rng.chance(0.3)) parts.push(`${p.last}`);
  return parts.join(' ');
}

/** The invoice number with one to three characters written as look-alikes beyond O/I/l/S/B/Z/G. */
function lookAlikeText(rng: Prng, number: string): string {
  const digits = [...number.slice(2)];
  const wanted = rng.int(1, 3);
  const positions = shuffle(rng, digits.map((_, i) => i).filter((i) => MORE_LOOK_ALIKES[digits[i]]));
  for (const pos of positions.slice(0, wanted)) digits[pos] = rng.pick(MORE_LOOK_ALIKES[digits[pos]]);
  return `${rng.pick(['Rechnung', 'RE', 'Rechnungsnr.', 'Rg.'])} ${digits.join('')}`;
}

/** One digit changed or two neighbours swapped: the check digits then fail. */
function typoNumber(rng: Prng, number: string): string {
  const d = number.slice(2);
  const pos = rng.int(0, 8);
  if (rng.chance(0.5) && d[pos] !== d[pos + 1]) return `RE${d.slice(0, pos)}${d[pos + 1]}${d[pos]}${d.slice(pos + 2)}`;
  return `RE${d.slice(0, pos)}${(Number(d[pos]) + rng.int(1, 9)) % 10}${d.slice(pos + 1)}`;
}

class Population {
  readonly claims: ClaimView[] = [];
  readonly payers: Payer[] = [];
  /** Payers whose claims no line has used yet, by how many open claims they have. */
  private readonly single: Payer[] = [];
  private readonly several: Payer[] = [];
  readonly closed: ClaimView[] = [];
  /** Insurers and aid offices with their accounts; some have paid claims of ours before. */
  readonly insurers: { name: string; iban: string }[];
  private sequence = 2_000_000;
  /**
   * A second stream for what later versions of the generator added (mandates, installments under
   * one mandate), so that a seed's statement otherwise stays what it was and figures stay comparable.
   */
  readonly side: Prng;

  constructor(private readonly rng: Prng, claimCount: number, seed: number) {
    this.side = new Prng(seed ^ 0x5a5a5a5a);
    while (this.claims.length < claimCount) this.addPayer();
    for (let i = 0; i < claimCount * 0.03; i++) this.addClosedClaim();
    this.insurers = INSURERS.map((name) => ({ name, iban: germanIban(rng) }));
    // Their accounts have paid for some patients before: the matcher sees them as those payers' IBANs.
    for (const c of this.claims) if (rng.chance(0.01)) c.payerIbans.push(rng.pick(this.insurers).iban);
  }

  private newClaim(p: Payer, known: boolean): ClaimView {
    this.sequence += this.rng.int(1, 3);
    const total = cents(this.rng, 25, 1500);
    const open = this.rng.chance(0.12) ? total - Math.round(total * (0.2 + 0.4 * this.rng.next())) : total;
    return {
      claimId: formatInvoiceNumber(this.sequence),
      clientId: `CL${this.rng.int(1, 4)}`,
      openCents: open,
      totalCents: total,
      payerName: payerName(p),
      payerIbans: known ? [p.iban] : [],
      open: true,
    };
  }

  private addPayer(): void {
    const rng = this.rng;
    const female = rng.chance(0.5);
    const p: Payer = {
      first: rng.pick(female ? FIRST_NAMES_F : FIRST_NAMES_M),
      last: rng.pick(LAST_NAMES),
      title: rng.chance(0.08) ? rng.pick(TITLES) : undefined,
      iban: germanIban(rng),
      claims: [],
    };
    // Half the payers have paid us from their account before; the rest are first-time payers.
    const known = rng.chance(0.5);
    const count = rng.chance(0.75) ? 1 : rng.chance(0.7) ? 2 : 3;
    for (let i = 0; i < count; i++) p.claims.push(this.newClaim(p, known));
    this.claims.push(...p.claims);
    this.payers.push(p);
    (count === 1 ? this.single : this.several).push(p);
  }

  /** A member of p's family with one open claim of their own, not yet paid from any account. */
  addFamilyMember(p: Payer): Payer {
    const f: Payer = { first: this.rng.pick([...FIRST_NAMES_F, ...FIRST_NAMES_M].filter((n) => n !== p.first)), last: p.last, iban: germanIban(this.rng), claims: [] };
    f.claims.push(this.newClaim(f, false));
    this.claims.push(...f.claims);
    this.payers.push(f);
    return f;
  }

  private addClosedClaim(): void {
    const p = this.rng.pick(this.payers);
    const c = { ...this.newClaim(p, p.claims[0].payerIbans.length > 0), open: false, openCents: 0 };
    this.claims.push(c);
    this.closed.push(c);
  }

  /**
   * A payer none of whose claims a line has used yet (removed from the pool). Unless several open
   * claims are asked for, payers are drawn in proportion to how many there are of each kind.
   */
  takePayer(opts: { several?: boolean; known?: boolean } = {}): Payer {
    const { single, several } = this;
    const pool = opts.several || (opts.several === undefined && this.rng.chance(several.length / (several.length + single.length))) ? several : single;
    for (let tries = 0; tries < 50 && pool.length > 0; tries++) {
      const i = this.rng.int(0, pool.length - 1);
      const p = pool[i];
      if (opts.known !== undefined && (p.claims[0].payerIbans.length > 0) !== opts.known) continue;
      pool[i] = pool[pool.length - 1];
      pool.pop();
      return p;
    }
    throw new Error('claim population exhausted: generate more claims per line');
  }
}

const RETURN_BANK_CODE = { collection: 'PMNT/IDDT/ESDD', transfer: 'PMNT/RCDT/ESCT' } as const;

/** The SEPA mandate a payer signed for our collections: one per payer, for all their claims. */
const mandateOf = (p: Payer) => `PVS-M-${p.claims[0].claimId.slice(2)}`;

/** A payment booked earlier from this payer's account, of the kind its bank code says; a collection under the payer's mandate. */
function bookPayment(payments: BookedBankPayment[], p: Payer, c: ClaimView, amountCents: number, how: keyof typeof RETURN_BANK_CODE, endToEndId: string | undefined, bookingDate: string): BookedBankPayment {
  const n = payments.length + 1;
  const payment: BookedBankPayment = { paymentId: `PAY-${n}`, claimId: c.claimId, amountCents, bankLineId: `BL-${n}`, endToEndId, counterpartyIban: p.iban, bookingDate, method: paymentMethodOf(RETURN_BANK_CODE[how]) };
  if (how === 'collection') payment.mandateId = mandateOf(p);
  payments.push(payment);
  return payment;
}

/**
 * A payment of a patient coming back, each with a booked payment of the other kind from the same
 * account and of the same amount beside it now and then, so that IBAN and amount alone would pick
 * the wrong one:
 * - directDebitReturn: our collection returned (Rücklastschrift), its end-to-end id and mandate
 *   reference echoed; ISO or only the DK code (GVC 109). Now and then the end-to-end id is
 *   missing, and then the invoice number too (the mandate alone names the collection), or an
 *   earlier collection of the same amount under the same mandate stands beside it (an
 *   installment: which one came back only the end-to-end id tells, else staff decide);
 * - foreignDebitReturn: a returned direct debit whose end-to-end id and mandate name no collection
 *   of ours, while a transfer of that account and amount is booked: it must not be reversed;
 * - recall: a payer's transfer recalled (camt.056, PMNT/RCDT/RPCR), its end-to-end id echoed;
 * - unclassifiedReturn: a return whose bank code names no kind of payment: for staff.
 */
function plannedReturn(rng: Prng, scenario: Scenario, pop: Population, payments: BookedBankPayment[]): PlannedLine {
  const p = pop.payers[rng.int(0, pop.payers.length - 1)];
  const c = p.claims[0];
  const amount = c.totalCents;
  const ownId = `E2E-DD-${rng.int(1e8, 9e8)}`;
  const how = scenario === 'recall' ? 'transfer' : 'collection';
  const other = how === 'transfer' ? 'collection' : 'transfer';
  const booked = scenario === 'foreignDebitReturn' ? undefined : bookPayment(payments, p, c, amount, how, ownId, '2026-10-15');
  if (scenario === 'foreignDebitReturn' || rng.chance(0.3)) bookPayment(payments, p, c, amount, other, other === 'transfer' && rng.chance(0.5) ? undefined : `E2E-X-${rng.int(1e8, 9e8)}`, '2026-09-15');
  const withEndToEnd = scenario !== 'directDebitReturn' || rng.chance(0.8);
  const foreignId = scenario === 'foreignDebitReturn' ? rng.int(1e8, 9e8) : undefined;
  const endToEndId = foreignId ? `E2E-FOREIGN-${foreignId}` : withEndToEnd ? ownId : undefined;
  const kind = scenario === 'recall' ? 'DBIT-recall' : scenario === 'unclassifiedReturn' ? 'DBIT-unclassified-return' : 'DBIT-debit-return';
  // An unclassified return may name a payment, but the file does not say of which kind: never automatic.
  let truth: LineTruth = booked && scenario !== 'unclassifiedReturn' ? { kind: 'reverse', paymentIds: [booked.paymentId] } : { kind: 'none' };
  let remittance = scenario === 'recall' ? `RUECKRUF ${c.claimId}` : `RUECKLASTSCHRIFT ${c.claimId}`;
  const mandateId = how !== 'collection' ? undefined : foreignId ? `M-FOREIGN-${foreignId}` : mandateOf(p);
  if (scenario === 'directDebitReturn') {
    // Drawn from the side stream (see Population.side): the statement's other lines stay as they were.
    if (pop.side.chance(0.25)) {
      bookPayment(payments, p, c, amount, 'collection', `E2E-DD-${pop.side.int(1e8, 9e8)}`, '2026-09-15');
      // Two equal collections under one mandate of one claim: without the end-to-end id nothing tells them apart.
      if (!endToEndId) truth = { kind: 'none' };
    }
    if (!endToEndId && pop.side.chance(0.5)) remittance = 'RUECKLASTSCHRIFT';
  }
  const name = holderName(rng, p);
  const returnReason = rng.pick(scenario === 'recall' ? ['DUPL', 'FRAD', 'TECH'] : ['AC04', 'MD06', 'AM04', 'MS03']);
  return { scenario, truth, amountCents: -amount, kind, name, iban: p.iban, remittance, endToEndId, mandateId, returnReason, proprietaryCodeOnly: rng.chance(0.3) };
}

/** The transactions of one bank entry: one, or several for a batch the bank credits as a whole. */
type PlannedEntry = PlannedLine[];

/** Plans the entries of one scenario (installments give two entries, a direct-debit run one batch). */
function planScenario(rng: Prng, scenario: Scenario, pop: Population, payments: BookedBankPayment[]): PlannedEntry[] {
  const pays = (c: ClaimView, amountCents: number): LineTruth => ({ kind: 'claims', allocations: [{ claimId: c.claimId, amountCents }] });
  const transfer = (p: Payer, amountCents: number, remittance: string, truth: LineTruth, extra: Partial<PlannedLine> = {}): PlannedLine => ({
    scenario,
    truth,
    amountCents,
    kind: 'CRDT-transfer',
    name: holderName(rng, p),
    iban: p.iban,
    remittance,
    endToEndId: rng.chance(0.5) ? `E2E${rng.int(1e8, 9e8)}` : undefined,
    ...extra,
  });
  switch (scenario) {
    case 'clean':
    case 'noisy': {
      const p = pop.takePayer();
      const c = rng.pick(p.claims);
      return [[transfer(p, c.openCents, scenario === 'clean' ? cleanText(rng, c.claimId, p) : noisyText(rng, c.claimId, p), pays(c, c.openCents))]];
    }
    case 'endToEndOnly': {
      // The invoice number typed into the online banking's "Kundenreferenz" (end-to-end id) only.
      const p = pop.takePayer();
      const c = rng.pick(p.claims);
      return [[transfer(p, c.openCents, rng.pick(NO_REFERENCE_TEXTS), pays(c, c.openCents), { endToEndId: rng.chance(0.5) ? c.claimId : `Rg ${c.claimId.slice(2)}` })]];
    }
    case 'partial': {
      const p = pop.takePayer();
      const c = rng.pick(p.claims);
      const amount = Math.max(100, Math.round(c.openCents * (0.2 + 0.6 * rng.next())));
      return [[transfer(p, amount, `${rng.chance(0.5) ? cleanText(rng, c.claimId, p) : noisyText(rng, c.claimId, p)} Teilzahlung`, pays(c, amount))]];
    }
    case 'installments': {
      const p = pop.takePayer();
      const c = rng.pick(p.claims);
      const first = Math.round(c.openCents / 2);
      return [[transfer(p, first, `1. Rate ${cleanText(rng, c.claimId, p)}`, pays(c, first))], [transfer(p, c.openCents - first, `2. Rate ${noisyText(rng, c.claimId, p)}`, pays(c, c.openCents - first))]];
    }
    case 'overpaid': {
      const p = pop.takePayer();
      const c = rng.pick(p.claims);
      // Mostly a dunning fee paid on top; now and then the invoice paid twice over.
      const amount = rng.chance(0.85) ? c.openCents + rng.pick([250, 500, 1000, 1500, 2500]) : c.openCents * 2;
      return [[transfer(p, amount, cleanText(rng, c.claimId, p), pays(c, amount))]];
    }
    case 'multiClaim': {
      const p = pop.takePayer({ several: true });
      const sum = p.claims.reduce((a, c) => a + c.openCents, 0);
      const refs = p.claims.map((c, i) => (i === 0 || rng.chance(0.5) ? c.claimId : rng.chance(0.5) ? c.claimId.slice(2) : c.claimId.toLowerCase()));
      const text = `Rechnungen ${refs.join(rng.pick([' ', ', ', ' und ', ' + ']))}`;
      if (rng.chance(0.85)) return [[transfer(p, sum, text, { kind: 'claims', allocations: p.claims.map((c) => ({ claimId: c.claimId, amountCents: c.openCents })) })]];
      // Short by a forgotten fee or a rounding: the payer meant both, which one is short nobody knows.
      const amount = sum - rng.int(100, Math.min(2000, p.claims[p.claims.length - 1].openCents - 1));
      let rest = amount;
      const allocations = p.claims.map((c) => {
        const part = Math.min(rest, c.openCents);
        rest -= part;
        return { claimId: c.claimId, amountCents: part };
      });
      return [[transfer(p, amount, text, { kind: 'claims', allocations })]];
    }
    case 'familyMultiClaim': {
      // One transfer from a parent's account for the parent's and a child's (or spouse's) invoice, naming both.
      const p = pop.takePayer({ several: false });
      const c = rng.pick(p.claims);
      const f = pop.addFamilyMember(p).claims[0];
      const text = `${rng.pick(['Rechnungen', 'RE', 'Rg.'])} ${c.claimId} ${rng.pick(['und', '+', ',', 'u.'])} ${rng.chance(0.5) ? f.claimId : f.claimId.slice(2)} ${p.last}`;
      return [[transfer(p, c.openCents + f.openCents, text, { kind: 'claims', allocations: [{ claimId: c.claimId, amountCents: c.openCents }, { claimId: f.claimId, amountCents: f.openCents }] })]];
    }
    case 'insurerPartial': {
      // The patient's private insurer or aid office pays its share straight to us under the invoice number.
      const p = pop.takePayer();
      const c = rng.pick(p.claims);
      const insurer = rng.pick(pop.insurers);
      const amount = Math.max(100, Math.round(c.openCents * (0.3 + 0.6 * rng.next())));
      const text = `${rng.pick(['Erstattung', 'Beihilfe', 'Leistung'])} ${rng.chance(0.7) ? cleanText(rng, c.claimId, p) : noisyText(rng, c.claimId, p)} Vers.-Nr. ${rng.int(100000, 999999)}`;
      return [[{ ...transfer(p, amount, text, pays(c, amount)), name: insurer.name, iban: insurer.iban }]];
    }
    case 'lookAlike': {
      const p = pop.takePayer();
      const c = rng.pick(p.claims);
      return [[transfer(p, c.openCents, lookAlikeText(rng, c.claimId), pays(c, c.openCents))]];
    }
    case 'relativePays': {
      const p = pop.takePayer();
      const c = rng.pick(p.claims);
      const relative: Payer = { ...p, first: rng.pick([...FIRST_NAMES_F, ...FIRST_NAMES_M].filter((n) => n !== p.first)), title: undefined, iban: germanIban(rng) };
      return [[transfer(relative, c.openCents, `${cleanText(rng, c.claimId, p)} für ${p.first}`, pays(c, c.openCents))]];
    }
    case 'ibanOnly': {
      const p = pop.takePayer({ known: true });
      const c = rng.pick(p.claims);
      return [[transfer(p, c.openCents, rng.pick(NO_REFERENCE_TEXTS), pays(c, c.openCents))]];
    }
    case 'noReference': {
      const p = pop.takePayer({ known: false });
      const c = rng.pick(p.claims);
      return [[transfer(p, c.openCents, rng.pick(NO_REFERENCE_TEXTS), pays(c, c.openCents))]];
    }
    case 'typo': {
      const p = pop.takePayer();
      const c = rng.pick(p.claims);
      return [[transfer(p, c.openCents, `Rechnung ${typoNumber(rng, c.claimId)}`, pays(c, c.openCents))]];
    }
    case 'wrongNumber': {
      // A valid number of somebody else's claim (copied from the wrong letter), the own claim's amount.
      const p = pop.takePayer({ known: true });
      const c = rng.pick(p.claims);
      const other = rng.pick(pop.takePayer().claims);
      return [[transfer(p, c.openCents, cleanText(rng, other.claimId, p), pays(c, c.openCents))]];
    }
    case 'directDebits': {
      // Our own SEPA direct-debit run, credited as one batch entry; each collection carries the
      // invoice number as end-to-end id and in the text.
      return [
        Array.from({ length: rng.int(2, 6) }, () => {
          const p = pop.takePayer();
          const c = rng.pick(p.claims);
          return transfer(p, c.openCents, `${c.claimId} Lastschrift ${rng.pick(['Arztrechnung', 'Praxis Oberländer', 'Dr. Brückner'])}`, pays(c, c.openCents), { kind: 'CRDT-collection', endToEndId: c.claimId, mandateId: mandateOf(p) });
        }),
      ];
    }
    case 'foreignCurrency': {
      // Paid from Switzerland in CHF: what arrives is the conversion minus the banks' fees.
      const p = pop.takePayer();
      const c = rng.pick(p.claims);
      const amount = c.openCents - rng.int(150, 900);
      return [[transfer(p, amount, cleanText(rng, c.claimId, p), pays(c, amount), { instructed: { amountCents: Math.round(c.openCents * 0.94), currency: 'CHF' }, iban: ibanOf('CH', `0900000${rng.int(100000000, 999999999)}${rng.int(1, 9)}`) })]];
    }
    case 'closedClaim': {
      const c = rng.pick(pop.closed);
      const p = pop.payers.find((x) => payerName(x) === c.payerName) ?? pop.payers[0];
      return [[transfer(p, c.totalCents, cleanText(rng, c.claimId, p), { kind: 'none' })]];
    }
    case 'unrelated': {
      const stranger: Payer = { first: rng.pick(FIRST_NAMES_M), last: rng.pick(LAST_NAMES), iban: germanIban(rng), claims: [] };
      const text = rng.pick([
        () => `Erstattung Vers.-Nr. ${rng.int(1_000_000_000, 9_999_999_999)}`,
        () => 'Gutschrift Rueckerstattung Kaution',
        () => `Beitragsrueckerstattung ${germanDate(rng)}`,
        () => `Miete ${rng.pick(['Oktober', 'November'])}`,
        () => `Ref. ${rng.int(1_000_000_000, 9_999_999_999)} ${rng.int(1000, 9999)}`,
      ])();
      return [[transfer(stranger, cents(rng, 10, 3000), text, { kind: 'none' }, rng.chance(0.3) ? { name: 'Allianz Private Krankenversicherungs-AG' } : {})]];
    }
    case 'directDebitReturn':
    case 'foreignDebitReturn':
    case 'recall':
    case 'unclassifiedReturn':
      return [[plannedReturn(rng, scenario, pop, payments)]];
    case 'ourTransferBack': {
      // A payout of ours to a practice bounced (account closed): money back in, nothing a patient paid.
      const practice = rng.pick(PRACTICES);
      return [[{ scenario, truth: { kind: 'none' }, amountCents: cents(rng, 500, 40000), kind: 'CRDT-returned-payout', name: `Praxis ${practice.title} ${practice.first} ${practice.last}`, iban: germanIban(rng), remittance: `RETOURE Auszahlung Abrechnung ${rng.int(1, 12)}/2026`, returnReason: 'AC04', proprietaryCodeOnly: rng.chance(0.5) }]];
    }
    case 'payout': {
      const practice = rng.pick(PRACTICES);
      return [[{ scenario, truth: { kind: 'ignore' }, amountCents: -cents(rng, 500, 40000), kind: 'DBIT-payout', name: `Praxis ${practice.title} ${practice.first} ${practice.last}`, iban: germanIban(rng), remittance: `Auszahlung Abrechnung ${rng.int(1, 12)}/2026` }]];
    }
    case 'charge':
      return [[{ scenario, truth: { kind: 'ignore' }, amountCents: -rng.int(100, 4000), kind: 'DBIT-charge', remittance: 'Entgelt Kontofuehrung' }]];
  }
}

function pickScenario(rng: Prng): Scenario {
  const entries = Object.entries(SCENARIOS) as [Scenario, number][];
  let r = rng.next() * entries.reduce((a, [, w]) => a + w, 0);
  for (const [s, w] of entries) if ((r -= w) < 0) return s;
  return entries[0][0];
}

/** Fisher-Yates with the seeded PRNG: installments and the rest interleave as on a real statement. */
function shuffle<T>(rng: Prng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

function amountXml(cents: number, currency = 'EUR'): { '@_Ccy': string; '#text': string } {
  const abs = Math.abs(cents);
  return { '@_Ccy': currency, '#text': `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}` };
}

const BANK_CODES: Record<PlannedLine['kind'], { domain?: [string, string, string]; gvc: string }> = {
  'CRDT-transfer': { domain: ['PMNT', 'RCDT', 'ESCT'], gvc: 'NTRF+166+931' },
  'CRDT-collection': { domain: ['PMNT', 'IDDT', 'ESDD'], gvc: 'NDDT+171+931' },
  'CRDT-returned-payout': { domain: ['PMNT', 'ICDT', 'RRTN'], gvc: 'NRTI+159+931' },
  'DBIT-debit-return': { domain: ['PMNT', 'IDDT', 'UPDD'], gvc: 'NRLS+109+931' },
  'DBIT-recall': { domain: ['PMNT', 'RCDT', 'RPCR'], gvc: 'NRTI+159+931' },
  // No ISO code and a proprietary one that names no kind of payment.
  'DBIT-unclassified-return': { gvc: 'NRTI+000+000' },
  'DBIT-payout': { domain: ['PMNT', 'ICDT', 'ESCT'], gvc: 'NTRF+116+931' },
  'DBIT-charge': { domain: ['ACMT', 'MDOP', 'CHRG'], gvc: 'NCHG+805+000' },
};

/** Remittance as Ustrd elements; some banks break the text every 27 characters (old DTAUS width). */
function ustrd(rng: Prng, text: string): string[] {
  if (!rng.chance(0.2) || text.length <= 27) return [text.slice(0, 140)];
  return text.match(/.{1,27}/g) ?? [text];
}

function transactionXml(rng: Prng, line: PlannedLine, batched: boolean): unknown {
  const party = line.name || line.iban ? { Nm: line.name, Acct: line.iban ? { Id: { IBAN: line.iban } } : undefined } : undefined;
  // Money in and returns of it name the patient as debtor; our payouts and their returns name the creditor.
  const isReturn = line.returnReason !== undefined;
  const debtorSide = line.amountCents >= 0 !== isReturn;
  const amounts = {
    InstdAmt: line.instructed && { Amt: amountXml(line.instructed.amountCents, line.instructed.currency) },
    // camt.053.001.02 gives a batched transaction its own amount only here.
    TxAmt: batched ? { Amt: amountXml(line.amountCents) } : undefined,
  };
  return {
    Refs: { EndToEndId: line.endToEndId ?? 'NOTPROVIDED', MndtId: line.mandateId },
    AmtDtls: amounts.InstdAmt || amounts.TxAmt ? amounts : undefined,
    RltdPties: party && (debtorSide ? { Dbtr: { Nm: party.Nm }, DbtrAcct: party.Acct } : { Cdtr: { Nm: party.Nm }, CdtrAcct: party.Acct }),
    RmtInf: { Ustrd: ustrd(rng, line.remittance) },
    RtrInf: line.returnReason ? { Rsn: { Cd: line.returnReason } } : undefined,
  };
}

function entryXml(rng: Prng, entry: PlannedEntry, date: string, ref: string): unknown {
  const code = BANK_CODES[entry[0].kind];
  const amount = entry.reduce((a, l) => a + l.amountCents, 0);
  return {
    Amt: amountXml(amount),
    CdtDbtInd: amount >= 0 ? 'CRDT' : 'DBIT',
    Sts: 'BOOK',
    BookgDt: { Dt: date },
    ValDt: { Dt: date },
    AcctSvcrRef: ref,
    BkTxCd: {
      Domn: code.domain && !entry[0].proprietaryCodeOnly ? { Cd: code.domain[0], Fmly: { Cd: code.domain[1], SubFmlyCd: code.domain[2] } } : undefined,
      Prtry: { Cd: code.gvc, Issr: 'DK' },
    },
    NtryDtls: {
      Btch: entry.length > 1 ? { NbOfTxs: entry.length } : undefined,
      TxDtls: entry.map((line) => transactionXml(rng, line, entry.length > 1)),
    },
  };
}

const STATEMENT_DAYS = ['2026-11-18', '2026-11-19', '2026-11-20', '2026-11-23', '2026-11-24'];

function camtXml(rng: Prng, entries: PlannedEntry[], lineCount: number): string {
  let balance = 1_234_567_89;
  const perDay = Math.ceil(entries.length / STATEMENT_DAYS.length);
  const statements = STATEMENT_DAYS.map((day, d) => {
    const dayEntries = entries.slice(d * perDay, (d + 1) * perDay);
    const opening = balance;
    balance += dayEntries.flat().reduce((a, l) => a + l.amountCents, 0);
    const bal = (type: string, cents: number) => ({ Tp: { CdOrPrtry: { Cd: type } }, Amt: amountXml(cents), CdtDbtInd: cents >= 0 ? 'CRDT' : 'DBIT', Dt: { Dt: day } });
    return {
      Id: `STMT-${day}`,
      ElctrncSeqNb: d + 1,
      CreDtTm: `${day}T22:00:00+01:00`,
      Acct: { Id: { IBAN: OUR_IBAN }, Ccy: 'EUR' },
      Bal: [bal('OPBD', opening), bal('CLBD', balance)],
      Ntry: dayEntries.map((e, i) => entryXml(rng, e, day, `${day.replace(/-/g, '')}${String(i + 1).padStart(6, '0')}`)),
    };
  });
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true });
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    Document: {
      '@_xmlns': 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02',
      BkToCstmrStmt: { GrpHdr: { MsgId: `BENCH-${lineCount}`, CreDtTm: '2026-11-24T22:00:00+01:00' }, Stmt: statements },
    },
  });
}

export function generateStatement(opts: { lines: number; seed: number }): GeneratedStatement {
  const rng = new Prng(opts.seed);
  const pop = new Population(rng, Math.ceil(opts.lines * 1.4), opts.seed);
  // Earlier payments from the same accounts, so a return must find the right one among several.
  const payments: BookedBankPayment[] = [];
  const planned: PlannedEntry[] = [];
  let lineCount = 0;
  while (lineCount < opts.lines) {
    for (const entry of planScenario(rng, pickScenario(rng), pop, payments)) {
      const taken = entry.slice(0, opts.lines - lineCount);
      if (taken.length > 0) planned.push(taken);
      lineCount += taken.length;
    }
  }
  for (let i = 0; i < opts.lines * 0.05; i++) {
    const p = pop.payers[rng.int(0, pop.payers.length - 1)];
    bookPayment(payments, p, p.claims[0], cents(rng, 20, 800), rng.chance(0.8) ? 'transfer' : 'collection', undefined, '2026-10-01');
  }
  const entries = shuffle(rng, planned);
  const lines = entries.flat();
  return {
    fileName: `bench-statement-${opts.seed}.xml`,
    camt: Buffer.from(camtXml(rng, entries, lines.length), 'utf8'),
    claims: pop.claims,
    payments,
    truth: lines.map((l) => l.truth),
    scenario: lines.map((l) => l.scenario),
  };
}
