import type { RetentionPolicy } from './retention-policy';

/**
 * What was last changed before the returned instant is past a retention period of `years` on
 * `today`: the period runs from the end of the calendar year of the change (§ 147 (4) AO,
 * § 257 (5) HGB), so a record of any day of 2015 kept ten years may go on 1 January 2026.
 */
export function retentionCutoff(today: Date, years: number): Date {
  return new Date(Date.UTC(today.getUTCFullYear() - years, 0, 1));
}

/** How long a document of this kind is kept: booking records ten years, other letters six. */
export function documentRetentionYears(kind: string, policy: RetentionPolicy): number {
  return policy.bookingRecordKinds.includes(kind.toLowerCase()) ? policy.bookingRecordYears : policy.businessLetterYears;
}

/** What an anonymised person's fields become: no name, address, birth date or contact left. */
export const ANONYMOUS_PERSON = {
  salutation: null,
  title: null,
  firstName: 'anonymisiert',
  lastName: 'anonymisiert',
  birthDate: null,
  street: '',
  postalCode: '',
  city: '',
  email: null,
  fax: null,
} as const;
