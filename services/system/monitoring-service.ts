import type { Db } from '../../infra/db/prisma';
import { loadSystemPolicy } from '../../persistence/policy';
import { operationalFigures, type OperationalFigures } from '../../persistence/system/operational-figures';
import { addDays, isoDayOf } from '../../domain/interest/calendar-day';

/** The figures behind the business gauges of /metrics; "near limitation" looks as far ahead as the sweep. */
export function monitoringService(db: Db) {
  return {
    async figures(now = new Date()): Promise<OperationalFigures> {
      const policy = await loadSystemPolicy(db);
      return operationalFigures(db, new Date(`${addDays(isoDayOf(now), policy.limitation.sweepDaysAhead)}T00:00:00Z`));
    },
  };
}
