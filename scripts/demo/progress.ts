import type { Db } from '../../infra/db/prisma';

/** Prints the sample claims' stages and the money moved whenever something changed. */
export function printProgress(opts: { db: Db; submissionId: string; log: (l: string) => void; formatEuro: (c: number) => string }): () => void {
  let last = '';
  const timer = setInterval(async () => {
    try {
      const where = { submissionId: opts.submissionId };
      const stages = await opts.db.claim.groupBy({ by: ['stage', 'outcome'], where, _count: true });
      const claimIds = (await opts.db.claim.findMany({ where, select: { id: true } })).map((c) => c.id);
      const [paid, paidOut, docs] = await Promise.all([
        opts.db.payment.aggregate({ where: { claimId: { in: claimIds } }, _sum: { amountCents: true } }),
        opts.db.payout.aggregate({ where: { claimId: { in: claimIds } }, _sum: { amountCents: true } }),
        opts.db.document.count({ where: { claimId: { in: claimIds } } }),
      ]);
      const line =
        stages
          .map((s) => `${s.stage}${s.outcome ? `/${s.outcome}` : ''}: ${s._count}`)
          .sort()
          .join(', ') + ` | received ${opts.formatEuro(paid._sum.amountCents ?? 0)}, paid out ${opts.formatEuro(paidOut._sum.amountCents ?? 0)}, ${docs} documents`;
      if (line !== last) opts.log(line);
      last = line;
    } catch (e) {
      opts.log(`progress: ${(e as Error).message}`);
    }
  }, 3000);
  return () => clearInterval(timer);
}
