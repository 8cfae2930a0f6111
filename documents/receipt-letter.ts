import type { Submission, SubmissionRecord } from '../prisma/generated/client';
import type { MailContent } from './layout';

interface StoredError {
  field: string;
  reason: string;
}

/** Eingangsbestätigung: what of a billing file was accepted, and why each other record was not. */
export function receiptLetter(centreName: string, sub: Omit<Submission, 'content'>, notAccepted: SubmissionRecord[]): MailContent {
  const fileErrors = (sub.fileErrors as StoredError[] | null) ?? [];
  return {
    sender: centreName,
    subject: `Eingangsbestätigung ${sub.fileName}`,
    paragraphs: [
      `Ihre Abrechnungsdatei ${sub.fileName} ist bei uns eingegangen.`,
      ...(sub.status === 'REJECTED'
        ? [`Die Datei konnte nicht verarbeitet werden: ${fileErrors.map((e) => `${e.field}: ${e.reason}`).join('; ')}`]
        : [`Übernommen: ${sub.acceptedCount}, abgelehnt: ${sub.rejectedCount}, bereits eingereicht: ${sub.duplicateCount}.`]),
      ...notAccepted.map(
        (r) => `Datensatz ${r.recordNo}${r.externalId ? ` (Fall ${r.externalId})` : ''}: ${((r.errors as StoredError[] | null) ?? []).map((e) => `${e.field}: ${e.reason}`).join('; ')}`,
      ),
    ],
  };
}
