import type { Db } from '../../infra/db/prisma';
import { bankPostingsOfFileCents, fileStatementBalances, ownTransfersOfFileCents } from '../../persistence/bank/file-reconciliation';

export interface BankFileReconciliation {
  /** Closing − opening over the file's statements; null when a statement gives no balances. */
  movementCents: number | null;
  bookedCents: number;
  ownTransfersCents: number;
  differenceCents: number | null;
}

/**
 * Does the ledger's bank account follow the statements? Movement (closing − opening) against the
 * bank postings this file's lines caused. Our own transfers (payouts, refunds) were booked when we
 * sent them, so their statement lines are recorded only and reported apart.
 */
export async function bankFileReconciliation(db: Db, fileId: string): Promise<BankFileReconciliation> {
  const statements = await fileStatementBalances(db, fileId);
  const complete = statements.length > 0 && statements.every((s) => s.openingBalanceCents !== undefined && s.closingBalanceCents !== undefined);
  const movementCents = complete ? statements.reduce((s, st) => s + st.closingBalanceCents! - st.openingBalanceCents!, 0) : null;
  const bookedCents = await bankPostingsOfFileCents(db, fileId);
  const ownTransfersCents = await ownTransfersOfFileCents(db, fileId);
  return { movementCents, bookedCents, ownTransfersCents, differenceCents: movementCents === null ? null : movementCents - bookedCents - ownTransfersCents };
}
