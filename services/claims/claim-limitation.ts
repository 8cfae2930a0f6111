import type { Client } from '@temporalio/client';
import { limitationChanged, type LimitationState } from '../../contracts/claims/claim-messages';
import { claimWorkflowRunning, signalClaim } from '../../contracts/client/claim-handle';
import type { LimitationSweepResult } from '../../contracts/claims/limitation-sweep-result';
import { addDays, dayNumber, isoDayOf } from '../../domain/interest/calendar-day';
import { escalationDay, limitationDate } from '../../domain/claims/limitation';
import { Refusal } from '../../domain/refusal';
import type { Db } from '../../infra/db/prisma';
import { audit } from '../../persistence/audit';
import { flagLimitationPassed, flagUnwatched, limitationBasis, limitationRiskPage, limitationSweepPage, setLimitationDate } from '../../persistence/claims/limitation-dates';
import { loadSystemPolicy } from '../../persistence/policy';
import { limitationEvents, recordLimitationEvent } from '../../persistence/claims/limitation-events';
import { openAmounts } from '../../persistence/claims/claim-queries';
import { loadPolicy } from '../../persistence/policy';
import type { Claim, ClaimStage } from '../../prisma/generated/client';

/** Open claims not (yet) with the lawyer: the ones whose limitation the centre must watch. */
const AT_RISK_STAGES: ClaimStage[] = ['STATEMENT', 'WAITING', 'REMINDER', 'COLLECTION_REQUEST'];
const DAY_MS = 86_400_000;

const SWEEP_PAGE = 500;

export interface RiskReportQuery {
  withinDays: number;
  sort: 'date' | '-date';
  limit: number;
  after?: string;
}

/**
 * Limitation (§§ 195, 199, 203, 204, 197 BGB): each claim's limitation date kept from its due day
 * and its events, the negotiations staff record, the report of claims at risk, and the flag on a
 * claim found past its date.
 */
export function claimLimitation(db: Db, temporal: Client, existingClaim: (id: string) => Promise<Claim>) {
  const service = {
    /**
     * Computes and stores the claim's limitation date (due = the invoice's receipt); flags it once
     * when the day has passed. The workflow reads it to time its escalation.
     */
    async refresh(claimId: string): Promise<LimitationState> {
      const basis = await limitationBasis(db, claimId);
      if (!basis.invoiceDate) return { date: null, escalateAt: null, passed: false };
      const policy = await loadPolicy(db, basis.clientId);
      const fellDue = addDays(isoDayOf(basis.invoiceDate), policy.interest.deliveryDays);
      const date = limitationDate(fellDue, await limitationEvents(db, claimId), policy.limitation);
      if (date !== (basis.limitationDate ? isoDayOf(basis.limitationDate) : null)) await setLimitationDate(db, claimId, date);
      if (!date) return { date, escalateAt: null, passed: false };
      const passed = isoDayOf(new Date()) > date;
      if (passed) await flagLimitationPassed(db, claimId, date);
      return { date, escalateAt: dayNumber(escalationDay(date, policy.limitation.escalateDaysBefore)) * DAY_MS, passed };
    },

    /** Staff record negotiations with the debtor (§ 203 BGB): the same start day again is the same event. */
    async recordNegotiation(claimId: string, n: { from: string; until?: string }, actor: string) {
      const claim = await existingClaim(claimId);
      if (!AT_RISK_STAGES.includes(claim.stage) && claim.stage !== 'COLLECTION') throw new Refusal('conflict', 'claim_closed', `claim ${claim.id} is ${claim.stage.toLowerCase()}: its limitation no longer matters`);
      if (n.until && n.until < n.from) throw new Refusal('unprocessable', 'until_before_from', `negotiations cannot end (${n.until}) before they began (${n.from})`, [{ field: 'until', reason: 'on or after from' }]);
      const created = await db.$transaction(async (tx) => {
        await audit(tx, actor, 'negotiation', 'claim', claim.id, n);
        return recordLimitationEvent(tx, claim.id, { kind: 'NEGOTIATION', date: n.from, until: n.until ?? null, source: `staff:${actor}` });
      });
      const state = await service.refresh(claim.id);
      const signalled = await signalClaim(temporal, claim.id, limitationChanged, { kind: 'NEGOTIATION' });
      return { claimId: claim.id, created, limitationDate: state.date, signalled };
    },

    /**
     * The daily sweep (Schedule `limitation-sweep`): every open claim not with the lawyer whose
     * limitation date is within the system policy's `sweepDaysAhead` has its date computed and, past
     * it, flagged. A claim whose workflow no longer runs (terminated, lost with its history) would pass its date unnoticed: it is noted in
     * the audit trail once per date and named in the result, for staff.
     */
    async sweep(): Promise<LimitationSweepResult> {
      const { sweepDaysAhead } = (await loadSystemPolicy(db)).limitation;
      const through = addDays(isoDayOf(new Date()), sweepDaysAhead);
      const result: LimitationSweepResult = { checked: 0, passed: [], unwatched: [] };
      for (let page = await limitationSweepPage(db, { stages: AT_RISK_STAGES, through, limit: SWEEP_PAGE }); page.length > 0; page = await limitationSweepPage(db, { stages: AT_RISK_STAGES, through, limit: SWEEP_PAGE, after: page[page.length - 1] })) {
        for (const id of page) {
          const state = await service.refresh(id);
          result.checked++;
          if (state.passed) result.passed.push(id);
          // A running workflow watches its own date (limitation-watch); only the unwatched need staff.
          if (state.date && state.date <= through && !(await claimWorkflowRunning(temporal, id))) {
            result.unwatched.push(id);
            await flagUnwatched(db, id, state.date);
          }
        }
      }
      return result;
    },

    /** Open claims not with the lawyer whose limitation date is within `withinDays` (or past), by date. */
    async riskReport(q: RiskReportQuery) {
      const today = isoDayOf(new Date());
      const rows = await limitationRiskPage(db, { stages: AT_RISK_STAGES, through: addDays(today, q.withinDays), sort: q.sort, limit: q.limit, after: q.after });
      const open = await openAmounts(db, rows.map((r) => r.id));
      const claims = rows.map((r) => {
        const date = isoDayOf(r.limitationDate!);
        return { id: r.id, clientId: r.clientId, debtor: `${r.responsible.firstName} ${r.responsible.lastName}`, stage: r.stage, dunningLevel: r.dunningLevel, openCents: open.get(r.id) ?? 0, limitationDate: date, daysLeft: dayNumber(date) - dayNumber(today), passed: date < today, flaggedAt: r.limitationPassedAt };
      });
      const last = claims[claims.length - 1];
      return { claims, next: claims.length === q.limit ? `${last.limitationDate}|${last.id}` : null };
    },
  };
  return service;
}

export type ClaimLimitationService = ReturnType<typeof claimLimitation>;
