import type { Db } from '../../infra/db/prisma';
import { baseRateProblem, type BaseRate } from '../../domain/interest/base-rate';
import { Refusal } from '../../domain/refusal';
import { audit } from '../../persistence/audit';
import { loadBaseRates } from '../../persistence/claims/interest-facts';

/** The base-rate table of § 247 BGB: read by everyone, extended by staff half year by half year. */
export function baseRates(db: Db) {
  return {
    async list(): Promise<BaseRate[]> {
      return [...(await loadBaseRates(db)).rates];
    },

    /** Adds the next half year's published rate; the same rate again is accepted and changes nothing. */
    async add(rate: BaseRate & { source: string }, actor: string): Promise<{ rate: BaseRate; created: boolean }> {
      return db.$transaction(async (tx) => {
        await tx.$executeRaw`LOCK TABLE "BaseRate" IN SHARE ROW EXCLUSIVE MODE`;
        const table = (await loadBaseRates(tx)).rates;
        const same = table.find((r) => r.validFrom === rate.validFrom);
        if (same) {
          if (same.percent === rate.percent) return { rate: same, created: false };
          throw new Refusal('conflict', 'base_rate_exists', `the base rate from ${rate.validFrom} is ${same.percent} %; a published rate is not changed`);
        }
        const problem = baseRateProblem(table, rate);
        if (problem) throw new Refusal('unprocessable', 'base_rate_invalid', problem);
        await tx.baseRate.create({ data: { validFrom: new Date(`${rate.validFrom}T00:00:00Z`), percent: rate.percent, source: rate.source } });
        await audit(tx, actor, 'base_rate_added', 'base_rate', rate.validFrom, rate);
        return { rate: { validFrom: rate.validFrom, percent: rate.percent }, created: true };
      });
    },
  };
}
