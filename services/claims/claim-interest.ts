import type { Db } from '../../infra/db/prisma';
import { isoDayOf } from '../../domain/interest/calendar-day';
import { defaultBegins } from '../../domain/interest/default-start';
import { interestToBookIfKnown } from '../../domain/interest/interest-due';
import { INTEREST_KIND } from '../../domain/interest/receivable-moves';
import { interestLine, type StatementOfAccount } from '../../domain/interest/statement-of-account';
import { loadStatementOfAccount } from '../../persistence/claims/statement-of-account';
import type { InterestLine } from '../../domain/documents/document-request';
import * as entries from '../../domain/ledger/entries';
import { Refusal } from '../../domain/refusal';
import { claimInterests, loadBaseRates } from '../../persistence/claims/interest-facts';
import { defaultDates, moveDefaultSince } from '../../persistence/claims/default-dates';
import { book, lockClaim } from '../../persistence/ledger';
import { loadPolicy } from '../../persistence/policy';

/**
 * Default and default interest of a claim: when default begins, the interest booked whenever a
 * letter or the handoff needs it, and the statement of account as of any day.
 */
export function claimInterest(db: Db) {
  const service = {
    /**
     * Sets the day default begins from the invoice's and the first reminder's dates (§ 286 BGB).
     * The earliest date wins, so a migrated claim's own default date and a retried step stay.
     */
    async startDefault(claimId: string, firstReminderDay?: string): Promise<void> {
      const d = await defaultDates(db, claimId);
      if (!d.invoiceDate) return;
      const begins = defaultBegins({ invoiceDay: isoDayOf(d.invoiceDate), firstReminderDay, business: d.business }, (await loadPolicy(db, d.clientId)).interest);
      if (begins) await moveDefaultSince(db, claimId, begins);
    },

    /**
     * Books the interest accrued up to today under `key` (one booking per occasion). A day past the
     * known base rates books nothing: the letter shows what is booked, the statement names the gap.
     */
    async accrue(claimId: string, key: string): Promise<void> {
      await db.$transaction(async (tx) => {
        await lockClaim(tx, claimId);
        const claim = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, select: { clientId: true, defaultSince: true, responsible: { select: { business: true } } } });
        const policy = await loadPolicy(tx, claim.clientId);
        const today = isoDayOf(new Date());
        // A business in default owes the lump sum of § 288 (5) BGB once, as costs.
        if (claim.responsible.business && claim.defaultSince && isoDayOf(claim.defaultSince) <= today && policy.interest.charge) {
          await book(tx, { idempotencyKey: `lump-sum:${claimId}`, kind: 'default_lump_sum', description: 'Verzugspauschale § 288 (5) BGB', claimId, clientId: claim.clientId, postings: entries.defaultLumpSum(policy.interest.businessLumpSumCents) });
        }
        const ci = (await claimInterests(tx, [claimId], () => policy.interest)).get(claimId);
        if (!ci) return;
        const amount = interestToBookIfKnown(ci, await loadBaseRates(tx), today);
        if (amount === 0) return;
        await book(tx, { idempotencyKey: `interest:${key}`, kind: INTEREST_KIND, description: `default interest to ${today}`, claimId, clientId: claim.clientId, postings: entries.interestAccrual(amount, ci.owner) });
      });
    },

    /** Forderungsaufstellung zum Stichtag: computed, nothing booked. */
    statement: (claimId: string, asOf: string): Promise<StatementOfAccount> => loadStatementOfAccount(db, claimId, asOf),

    /** The interest a letter of today shows (none before default, or while a base rate is missing). */
    async letterInterest(claimId: string): Promise<InterestLine | undefined> {
      try {
        return interestLine(await service.statement(claimId, isoDayOf(new Date())));
      } catch (e) {
        if (e instanceof Refusal && e.code === 'base_rate_unknown') return undefined;
        throw e;
      }
    },
  };
  return service;
}

export type ClaimInterestService = ReturnType<typeof claimInterest>;
