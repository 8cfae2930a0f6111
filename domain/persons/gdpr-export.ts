import type { PersonData } from './person-data';

/**
 * Everything held about a person, as the Art. 15 GDPR export gives it (JSON, and the PDF drawn
 * from it). Dates are ISO strings, amounts integer cents.
 */
export interface GdprExport {
  exportedAt: string;
  person: PersonData & {
    id: string;
    emailConsent: boolean;
    fax: string | null;
    restrictedAt: string | null;
    restrictionReason: string | null;
    anonymisedAt: string | null;
    createdAt: string;
  };
  claims: Array<{
    id: string;
    /** What the person is on the claim: patient, payer (responsible) or both. */
    roles: Array<'patient' | 'responsible'>;
    client: string;
    doctorName: string;
    treatmentFrom: string;
    treatmentTo: string;
    diagnosis: string | null;
    totalCents: number;
    stage: string;
    outcome: string | null;
    invoiceDate: string | null;
    dueDate: string | null;
    lines: Array<{ lineNo: number; date: string; code: string | null; text: string; count: number; amountCents: number }>;
  }>;
  /** The letters: the document's id is its number. */
  letters: Array<{ documentNumber: string; kind: string; claimId: string | null; channel: string; recipient: string; subject: string; status: string; createdAt: string; sentAt: string | null }>;
  payments: Array<{ id: string; claimId: string; amountCents: number; receivedAt: string; source: string; reference: string | null }>;
  auditEntries: Array<{ id: string; at: string; actor: string; action: string; entityType: string; entityId: string; data: unknown; before: unknown; after: unknown }>;
}
