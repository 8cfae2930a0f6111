import { z } from 'zod';

/**
 * Thresholds of the bank-statement matcher (system-wide policy data). A match is booked without a
 * human only when its confidence reaches autoBookMinConfidence; everything else goes to the
 * unclear-payments queue, because a wrong automatic booking is worse than none.
 *
 * A decision's confidence is a sum of evidence weights clamped to 0..1: the reference found in the
 * remittance text starts it, amount and payer evidence raise or lower it. The weights are business
 * choices (how much a missing prefix or a contradicting IBAN should cost), hence policy data.
 */
const weight = z.number().min(-1).max(1);

const DEFAULTS = {
  autoBookMinConfidence: 0.9,
  autoBookMaxOverpaymentCents: 5000,
  /** A transfer naming several claims of one payer may fall this far short of their sum and still be booked, older invoices first. */
  autoBookMaxShortfallCents: 5000,
  /** A check-digit-valid invoice number with its prefix and no corrections. */
  referenceConfidence: 0.88,
  /** Per OCR-style correction (O→0, S→5 …) needed to make the number valid. */
  ocrCorrectionPenalty: 0.01,
  /** Candidates needing more corrections than this are not considered at all. */
  maxOcrCorrections: 3,
  /** The number stood without any "RE"/"Rechnung"/"Rg" prefix. */
  missingPrefixPenalty: 0.02,
  /** The line pays exactly the claim's open amount. */
  exactAmountBonus: 0.1,
  /** The line pays less than the open amount (a partial payment still supports the reference). */
  partialAmountBonus: 0.04,
  /** The line pays more than the open amount, the excess within autoBookMaxOverpaymentCents. */
  overpaymentBonus: 0.03,
  /** The amount does not fit the referenced claim but exactly fits another open claim of the same payer or sending account. */
  amountFitsOtherClaimPenalty: -0.2,
  /** The sending IBAN has paid this payer's claims before. */
  knownIbanBonus: 0.05,
  /** The sending IBAN has paid only other payers' claims before. */
  foreignIbanPenalty: -0.06,
  /** The account holder's name is the claim's payer. */
  nameMatchBonus: 0.03,
  /** The account holder's name shares nothing with the claim's payer. */
  nameMismatchPenalty: -0.06,
  /**
   * Both the IBAN's history and the holder's name point to someone else. Either alone happens
   * (a relative pays, a new account); both together make a third party's invoice number likely a
   * slip, so the line goes to staff.
   */
  payerContradictionPenalty: -0.15,
  /** Another referenced open claim competes with the chosen one (two plausible claims). */
  competingReferencePenalty: -0.3,
  /**
   * No invoice number in the text, but the sending IBAN has paid this payer's claims before, the
   * account holder's name is the payer, and the payer's only open claim has exactly this open
   * amount. Three independent facts agree and nothing competes, so by default this just reaches
   * autoBookMinConfidence. Any doubt blocks it: another open claim of the payer or of the IBAN
   * with this amount, or a larger one the amount could be a part payment of when it is a round sum
   * (partPaymentRoundingCents), another payer on the same IBAN, a name that does not match, any
   * number-like text.
   */
  ibanAmountConfidence: 0.9,
  /** Payers choose part payments in multiples of this (whole euros); an amount with other cents is no part payment. */
  partPaymentRoundingCents: 100,
  /** A number with wrong check digits that becomes a claim's number after one digit correction (suggestion only). */
  nearMissConfidence: 0.4,
  /**
   * The only near miss that is a payable claim, the line pays exactly its open amount and the
   * account holder's name is its payer (the IBAN not another payer's): the slip is obvious.
   */
  nearMissConfirmedConfidence: 0.9,
  /** A return whose earlier payment was found by the end-to-end id (else by IBAN and amount). */
  returnByEndToEndConfidence: 0.98,
  /** A return without end-to-end id whose original remittance names the claim of exactly one booked payment of its kind and amount. */
  returnByReferenceConfidence: 0.95,
  /** A returned direct debit whose mandate reference names exactly one collection of ours of its amount that nothing contradicts. */
  returnByMandateConfidence: 0.95,
  /** Returns found by IBAN and amount only are suggestions for staff, ranked by this. */
  returnByIbanAmountConfidence: 0.9,
  /** How many ranked suggestions a decision carries for the unclear-payments assistant. */
  maxSuggestions: 5,
  /**
   * Fragments of account holders' names (lower case, umlauts spelt out) that mark an insurer or a
   * state aid office paying a patient's invoice: such a holder never names the patient and pays
   * for many, so neither its name nor its account counts against the payer.
   */
  institutionalPayerNames: ['versicherung', 'krankenkasse', 'beihilfe', 'vvag', 'versorgungswerk', 'besoldung', 'bundesverwaltungsamt', 'postbeamtenkrankenkasse'],
};

export const MatchingPolicySchema = z.object({
  /** Confidence (0..1) from which a match is booked automatically. */
  autoBookMinConfidence: z.number().min(0).max(1),
  /** An overpayment up to this many cents is still booked automatically (the excess becomes payer credit). */
  autoBookMaxOverpaymentCents: z.number().int().nonnegative(),
  autoBookMaxShortfallCents: z.number().int().nonnegative().default(DEFAULTS.autoBookMaxShortfallCents),
  referenceConfidence: z.number().min(0).max(1).default(DEFAULTS.referenceConfidence),
  ocrCorrectionPenalty: z.number().min(0).max(1).default(DEFAULTS.ocrCorrectionPenalty),
  maxOcrCorrections: z.number().int().min(0).max(10).default(DEFAULTS.maxOcrCorrections),
  missingPrefixPenalty: z.number().min(0).max(1).default(DEFAULTS.missingPrefixPenalty),
  exactAmountBonus: weight.default(DEFAULTS.exactAmountBonus),
  partialAmountBonus: weight.default(DEFAULTS.partialAmountBonus),
  overpaymentBonus: weight.default(DEFAULTS.overpaymentBonus),
  amountFitsOtherClaimPenalty: weight.default(DEFAULTS.amountFitsOtherClaimPenalty),
  knownIbanBonus: weight.default(DEFAULTS.knownIbanBonus),
  foreignIbanPenalty: weight.default(DEFAULTS.foreignIbanPenalty),
  nameMatchBonus: weight.default(DEFAULTS.nameMatchBonus),
  nameMismatchPenalty: weight.default(DEFAULTS.nameMismatchPenalty),
  payerContradictionPenalty: weight.default(DEFAULTS.payerContradictionPenalty),
  competingReferencePenalty: weight.default(DEFAULTS.competingReferencePenalty),
  ibanAmountConfidence: z.number().min(0).max(1).default(DEFAULTS.ibanAmountConfidence),
  partPaymentRoundingCents: z.number().int().positive().default(DEFAULTS.partPaymentRoundingCents),
  nearMissConfidence: z.number().min(0).max(1).default(DEFAULTS.nearMissConfidence),
  nearMissConfirmedConfidence: z.number().min(0).max(1).default(DEFAULTS.nearMissConfirmedConfidence),
  returnByEndToEndConfidence: z.number().min(0).max(1).default(DEFAULTS.returnByEndToEndConfidence),
  returnByReferenceConfidence: z.number().min(0).max(1).default(DEFAULTS.returnByReferenceConfidence),
  returnByMandateConfidence: z.number().min(0).max(1).default(DEFAULTS.returnByMandateConfidence),
  returnByIbanAmountConfidence: z.number().min(0).max(1).default(DEFAULTS.returnByIbanAmountConfidence),
  maxSuggestions: z.number().int().min(1).max(50).default(DEFAULTS.maxSuggestions),
  institutionalPayerNames: z.array(z.string().min(3)).default(DEFAULTS.institutionalPayerNames),
});

export type MatchingPolicy = z.infer<typeof MatchingPolicySchema>;

export const DEFAULT_MATCHING_POLICY: MatchingPolicy = DEFAULTS;
