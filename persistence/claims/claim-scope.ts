import type { Db } from '../../infra/db/prisma';
import type { Prisma } from '../../prisma/generated/client';
import type { ClaimScope } from '../../domain/auth/roles';

/**
 * The claims a scope reaches, as a filter every claim query adds: a client's own claims, the
 * claims a lawyer reported on (handed to it), the claims sold to a factor. Out of scope is as
 * good as absent, so id guessing finds nothing and list filters cannot widen it.
 */
export async function claimScopeWhere(db: Db, scope: ClaimScope): Promise<Prisma.ClaimWhereInput> {
  switch (scope.kind) {
    case 'all':
      return {};
    case 'client':
      return { clientId: scope.id };
    case 'lawyer': {
      const reported = await db.lawyerReport.findMany({ where: { lawyerId: scope.id }, select: { claimId: true }, distinct: ['claimId'] });
      return { id: { in: reported.map((r) => r.claimId) } };
    }
    case 'factor': {
      const sold = await db.factorSale.findMany({ where: { factorId: scope.id }, select: { claimId: true } });
      return { id: { in: sold.map((s) => s.claimId) } };
    }
  }
}
