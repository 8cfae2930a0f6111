import { BankFileError } from '../../domain/bank/bank-line';
import type { BankFileLimits } from '../../domain/bank/bank-import-policy';
import { readBankDelivery } from '../../domain/bank/read-bank-delivery';

export type BankFileCheck =
  | {
      kind: 'bank-file';
      format: string;
      statements: Array<{ statementId: string | null; currency: string; lines: number; sumCents: number; openingCents: number | null; closingCents: number | null }>;
    }
  | { kind: 'bank-file'; error: { location: string; reason: string } };

/**
 * A dry run of a bank statement upload: read as the import reads it (readBankDelivery: one
 * statement file or a ZIP of CAMT files), nothing stored or matched. A file the import would
 * quarantine answers with where and why.
 */
export async function checkBankFile(content: Buffer, fileName: string, limits: BankFileLimits): Promise<BankFileCheck> {
  try {
    const parsed = await readBankDelivery(fileName, content, limits);
    return {
      kind: 'bank-file',
      format: parsed.format,
      statements: parsed.statements.map((s) => ({
        statementId: s.statementId ?? null,
        currency: s.currency,
        lines: s.lines.length,
        sumCents: s.lines.reduce((sum, l) => sum + l.amountCents, 0),
        openingCents: s.openingBalanceCents ?? null,
        closingCents: s.closingBalanceCents ?? null,
      })),
    };
  } catch (e) {
    if (e instanceof BankFileError) return { kind: 'bank-file', error: { location: e.location, reason: e.reason } };
    throw e;
  }
}
