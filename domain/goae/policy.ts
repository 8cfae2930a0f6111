/**
 * The numbers of the GOÄ that pricing depends on, in one place. Functions take a policy parameter
 * (defaulting to DEFAULT_GOAE_POLICY) so a client-specific policy can override them, e.g. a lower
 * in-house maximum, without constants being scattered through the code.
 *
 * All values are decimal strings: no float ever touches a fee.
 */

/** § 5 GOÄ fee classes: Abs. 1/2 personal services, Abs. 3 sections A, E, O, Abs. 4 section M and Nr. 437. */
export type FactorClass = 'personal' | 'technical' | 'laboratory';

export interface FactorBounds {
  /** Above this factor the invoice needs a written justification (§ 5 Abs. 2 Satz 4, § 12 Abs. 3). */
  threshold: string;
  /** Above this factor only with a prior written fee agreement (§ 2 GOÄ). */
  maximum: string;
}

export interface GoaePolicy {
  /** Punktwert in cent (§ 5 Abs. 1 Satz 3): "5.82873". */
  pointValueCent: string;
  factors: Record<FactorClass, FactorBounds>;
  /**
   * Codes exempt from the § 6a inpatient reduction: § 6a Abs. 1 Satz 3 exempts the surcharge J
   * (section B V).
   */
  inpatientReductionExemptCodes: string[];
  /**
   * A case whose amounts the delivering software states differently from the GOÄ pricing: up to
   * this many cents per amount it is accepted with a warning on the receipt, above it is rejected.
   */
  statedAmountToleranceCents: number;
}

export const DEFAULT_GOAE_POLICY: GoaePolicy = {
  pointValueCent: '5.82873',
  factors: {
    personal: { threshold: '2.3', maximum: '3.5' },
    technical: { threshold: '1.8', maximum: '2.5' },
    laboratory: { threshold: '1.15', maximum: '1.3' },
  },
  inpatientReductionExemptCodes: ['J'],
  statedAmountToleranceCents: 1,
};
