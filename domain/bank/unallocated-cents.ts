/**
 * Money of a line not yet allocated: what its live allocations do not cover (reversed ones count
 * no more, and a return's REVERSAL allocation takes back an earlier payment, not this line's money).
 */
export function unallocatedCents(line: { amountCents: number }, allocations: Array<{ kind: string; amountCents: number; reversedAt: Date | null }>): number {
  const allocated = allocations.filter((a) => !a.reversedAt && a.kind !== 'REVERSAL').reduce((s, a) => s + a.amountCents, 0);
  return line.amountCents - allocated;
}
