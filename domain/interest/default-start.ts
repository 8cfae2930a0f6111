import { addDays } from './calendar-day';
import type { InterestPolicy } from './interest-policy';

export interface DefaultDates {
  /** The day the invoice was sent (ISO date). */
  invoiceDay: string;
  /** The day the first reminder was sent, once it was. */
  firstReminderDay?: string;
  /** A business (an insurer, an employer) rather than a consumer pays the claim. */
  business: boolean;
}

/**
 * The day default begins (§ 286 BGB), or null while nothing has set it going: with the receipt of the first
 * reminder, or `daysAfterReceipt` days after the invoice's receipt (§ 286 (3) BGB) where that
 * applies (the consumer was told so on the invoice, or the debtor is a business), whichever is first.
 */
export function defaultBegins(d: DefaultDates, policy: InterestPolicy): string | null {
  const candidates: string[] = [];
  if (d.firstReminderDay) candidates.push(addDays(d.firstReminderDay, policy.deliveryDays));
  if (policy.defaultRule === 'notice_30_days' || d.business) candidates.push(addDays(d.invoiceDay, policy.deliveryDays + policy.daysAfterReceipt));
  return candidates.sort()[0] ?? null;
}
