import type { Db } from '../../infra/db/prisma';
import { accountNumbers } from '../../domain/datev/chart';
import { claimBalanceFrom, openCents } from '../../domain/ledger/claim-balance';
import type { AccountName } from '../../domain/ledger/accounts';
import { doesNotExist } from '../../domain/refusal';
import { loadChart } from '../../persistence/accounting/chart';
import { claimPostings, exportRowsOf, sourceRecords } from '../../persistence/accounting/money-trace';

/**
 * A claim's money trace: every posting on the claim with its transaction, account (internal and
 * in the chart), amount, currency, booking date, source record (the invoice's GOÄ lines, the
 * payment and its bank line, the allocation, the payout) and the DATEV rows it went out in; and
 * the balances those postings sum to.
 */
export async function moneyTrace(db: Db, claimId: string) {
  if (!(await db.claim.findUnique({ where: { id: claimId }, select: { id: true } }))) throw doesNotExist(`claim ${claimId}`);
  const postings = await claimPostings(db, claimId);
  const numbers = accountNumbers(await loadChart(db));
  const [rows, records] = await Promise.all([
    exportRowsOf(db, [...new Set(postings.map((p) => p.transactionId))]),
    sourceRecords(db, claimId, postings.map((p) => ({ ...p.source, transactionKind: p.transaction.kind }))),
  ]);
  const sourceOf = (p: (typeof postings)[number]) => {
    const s = p.source;
    switch (s.kind) {
      case 'payment': {
        const allocation = records.allocations.find((a) => a.paymentId === s.id) ?? null;
        return { ...s, payment: records.payments.find((x) => x.id === s.id) ?? null, allocation };
      }
      case 'bank_line':
        return { ...s, bankLine: records.lines.find((x) => x.id === s.id) ?? null };
      case 'allocation':
        return { ...s, allocation: records.allocations.find((x) => x.id === s.id) ?? null };
      case 'payout':
        return { ...s, payout: records.payouts.find((x) => x.idempotencyKey === s.id) ?? null };
      case 'invoice':
        return p.transaction.kind === 'recognise' ? { ...s, goaeLines: records.goae.map((l) => ({ ...l, factor: l.factor?.toString() ?? null })) } : s;
      default:
        return s;
    }
  };
  const trace = postings.map((p) => ({
    postingId: p.id,
    transaction: { id: p.transaction.id, kind: p.transaction.kind, description: p.transaction.description, recordedAt: p.transaction.occurredAt },
    bookingDate: p.transaction.bookingDate.toISOString().slice(0, 10),
    account: p.account,
    chartAccount: numbers[p.account as AccountName] ?? null,
    amountCents: p.amountCents,
    currency: p.currency,
    source: sourceOf(p),
    datev: rows.get(p.id) ?? [],
  }));
  const balance = claimBalanceFrom(postings);
  return { claimId, postings: trace, balance: { ...balance, openCents: openCents(balance) } };
}
