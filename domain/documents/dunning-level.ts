/** A dunning level as letters name it: 1 is the Zahlungserinnerung, then the Mahnungen. */
export function dunningLevelName(level: number): string {
  return level === 1 ? 'Zahlungserinnerung' : `${level - 1}. Mahnung`;
}

/** The document kind of a level's dunning letter: REMINDER_1, REMINDER_2, ... */
export function reminderKind(level: number): string {
  return `REMINDER_${level}`;
}

/**
 * The level a dunning fee was charged at. A level's fee is booked just before that level's letter
 * is archived, so the fee belongs to the first dunning letter archived at or after it (`letters`
 * oldest first); a fee whose letter is not archived yet was charged at the claim's current level.
 */
export function feeLevel(chargedAt: Date, letters: ReadonlyArray<{ level: number; archivedAt: Date }>, currentLevel: number): number {
  return letters.find((l) => l.archivedAt >= chargedAt)?.level ?? currentLevel;
}
