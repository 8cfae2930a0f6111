import type { Allocation, ClaimView } from './types';

/**
 * The running overlay of open amounts while one statement is matched: what earlier lines of the
 * same statement were decided to pay is taken off, so a second partial payment sees the reduced
 * open amount and a second full payment sees a paid claim.
 */
export class OpenAmounts {
  private readonly paid = new Map<string, number>();

  of(claim: ClaimView): number {
    return claim.openCents - (this.paid.get(claim.claimId) ?? 0);
  }

  /** True when the claim can still take money: open and not paid off by earlier lines. */
  isPayable(claim: ClaimView): boolean {
    return claim.open && this.of(claim) > 0;
  }

  book(allocations: readonly Allocation[]): void {
    for (const a of allocations) this.paid.set(a.claimId, (this.paid.get(a.claimId) ?? 0) + a.amountCents);
  }
}
