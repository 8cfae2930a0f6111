import type { Tx } from '../../infra/db/prisma';
import type { BankLine } from '../../domain/bank/bank-line';
import { normalizeIban } from '../../domain/bank/iban';
import { formatEuro } from '../../domain/format';
import * as entries from '../../domain/ledger/entries';
import { findInvoiceReferences } from '../../domain/matching/invoice-references';
import type { MatchDecision } from '../../domain/matching/types';
import { lockClaims } from '../../persistence/bank/claim-states';
import { insertDecidedLines, type DecidedBankLine, type NewBankLine } from '../../persistence/bank/bank-lines';
import { openClearingOfLawyer } from '../../persistence/collection/lawyer-ledger';
import { lawyersByIban, LawyerRow } from '../../persistence/collection/lawyers';
import { bookNew, JournalEntry } from '../../persistence/ledger';
import type { DecidedLine } from './book-decisions';


/**
 * Credits from a lawyer's account are the lawyer's transfers of what it collected, one transfer
 * for many claims; they never reach the matcher (their remittance names our invoice numbers, which
 * it would take for a patient's payment). Returns the lines from lawyers and the rest.
 */
export async function separateLawyerTransfers(tx: Tx, lines: NewBankLine[]): Promise<{ fromLawyers: Array<NewBankLine & { lawyer: LawyerRow }>; others: NewBankLine[] }> {
  const ibanOf = (l: BankLine) => (l.kind === 'CREDIT' && l.counterpartyIban ? normalizeIban(l.counterpartyIban) : undefined);
  const ibans = [...new Set(lines.flatMap((l) => ibanOf(l.line) ?? []))];
  const lawyers = new Map((ibans.length > 0 ? await lawyersByIban(tx, ibans) : []).map((l) => [l.iban, l]));
  const fromLawyers: Array<NewBankLine & { lawyer: LawyerRow }> = [];
  const others: NewBankLine[] = [];
  for (const l of lines) {
    const lawyer = lawyers.get(ibanOf(l.line) ?? '');
    if (lawyer) fromLawyers.push({ ...l, lawyer });
    else others.push(l);
  }
  return { fromLawyers, others };
}

/**
 * Books each lawyer transfer against the lawyer clearing account, per claim (keys
 * `bank-line:<line>:lawyer:<claim>`, so the file reconciles with its statements), when its amount
 * is what is open there for the lawyer, or what is open on the claims its remittance names (the
 * lawyer's settlement statement). Otherwise the line is returned for the unclear-payments queue
 * with the reason.
 */
export async function settleLawyerTransfers(tx: Tx, fileId: string, lines: Array<NewBankLine & { lawyer: LawyerRow }>): Promise<DecidedLine[]> {
  const unsettled: DecidedLine[] = [];
  const booked: JournalEntry[] = [];
  const decided: DecidedBankLine[] = [];
  const open = new Map<string, Map<string, { clientId: string; cents: number }>>();
  for (const { lawyer, ...stored } of lines) {
    const { id: lineId, line } = stored;
    if (!open.has(lawyer.id)) {
      await lockClaims(tx, [...(await openClearingOfLawyer(tx, lawyer.id)).keys()]);
      open.set(lawyer.id, await openClearingOfLawyer(tx, lawyer.id));
    }
    const clearing = open.get(lawyer.id)!;
    const claims = settledClaims(line, clearing);
    if (typeof claims === 'string') {
      const reason = `transfer from lawyer ${lawyer.name}: ${claims}`;
      unsettled.push({ ...stored, decision: { action: 'QUEUE', confidence: 0, reasons: [reason], suggestions: [] } satisfies MatchDecision });
      continue;
    }
    const allocations = claims.map((claimId) => ({ claimId, amountCents: clearing.get(claimId)!.cents }));
    for (const { claimId, amountCents } of allocations) {
      const { clientId } = clearing.get(claimId)!;
      booked.push({ idempotencyKey: `bank-line:${lineId}:lawyer:${claimId}`, kind: 'lawyer_settlement', description: `lawyer ${lawyer.name} transfers what it collected on ${claimId}`, claimId, clientId, postings: entries.lawyerSettlement(amountCents) });
      clearing.delete(claimId);
    }
    // Recorded like a booked match (the file's summary counts it), against the clearing account rather than as payments.
    const decision = { action: 'BOOK', settles: 'lawyer_clearing', lawyerId: lawyer.id, confidence: 1, allocations, reasons: [`settlement of lawyer ${lawyer.name} for ${claims.length} claims`], suggestions: [] };
    decided.push({ ...stored, status: 'MATCHED', decision });
  }
  await bookNew(tx, booked);
  const inserted = await insertDecidedLines(tx, fileId, decided);
  if (inserted.size < decided.length) throw new Error(`bank file ${fileId}: a lawyer's transfer was stored by another import meanwhile; import again`);
  return unsettled;
}

/** The claims a transfer settles: all open on the lawyer's clearing account, or those its remittance names; else why not. */
function settledClaims(line: BankLine, clearing: Map<string, { cents: number }>): string[] | string {
  const sum = (ids: string[]) => ids.reduce((s, id) => s + clearing.get(id)!.cents, 0);
  const all = [...clearing.keys()];
  if (all.length > 0 && sum(all) === line.amountCents) return all;
  const named = [...new Set(findInvoiceReferences(line.remittance, 0).filter((r) => r.valid).map((r) => r.number))];
  const namedOpen = named.filter((id) => clearing.has(id));
  if (namedOpen.length > 0 && namedOpen.length === named.length && sum(namedOpen) === line.amountCents) return namedOpen;
  const namedText = named.length > 0 ? ` nor the ${formatEuro(sum(namedOpen))} open on the ${named.length} claims its remittance names${namedOpen.length < named.length ? ` (${named.filter((id) => !clearing.has(id)).join(', ')} with nothing open)` : ''}` : '';
  return `${formatEuro(line.amountCents)} matches neither the ${formatEuro(sum(all))} open on its clearing account${namedText}: staff decide`;
}
