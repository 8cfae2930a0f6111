import type { StatementOfAccount } from '../domain/interest/statement-of-account';
import type { PersonData } from '../domain/persons/person-data';

/** A person as the lawyer's software takes them over (debtor or patient). */
export type HandoffPerson = PersonData;

export interface HandoffCase {
  /** The day of the handoff: the statement of account's day. */
  handedOverAt: string;
  claim: { invoiceNumber: string; invoiceDate: string | null; dueDate: string | null; defaultSince: string | null; treatmentFrom: string; treatmentTo: string; doctorName: string; dunningLevel: number; totalCents: number };
  /** Whose claim it is: the client's (Inkasso) or the centre's (bought). */
  creditor: { kind: 'client' | 'centre'; clientNumber: string; clientName: string };
  debtor: HandoffPerson;
  patient: Pick<HandoffPerson, 'firstName' | 'lastName' | 'birthDate'>;
  statementOfAccount: StatementOfAccount;
  documents: Array<{ file: string; kind: string; date: string; sha256: string }>;
}

/**
 * The handoff's manifest, `claim.json` in the claim's folder of the lawyer's inbox (docs/lawyer-handoff.md).
 * Written last: once it is there, every document it lists is there too.
 */
export function collectionManifest(c: HandoffCase): Buffer {
  return Buffer.from(JSON.stringify({ format: 'claimflow-handoff/1', ...c }, null, 2), 'utf8');
}
