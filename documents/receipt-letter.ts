import type { Submission, SubmissionRecord } from '../prisma/generated/client';
import type { MailContent } from './layout';
import { formatEuro } from '../domain/format';

interface StoredError {
  field: string;
  reason: string;
}

/**
 * Eingangsbestätigung: what of a billing file was accepted (counts and total), why each other
 * record was not, and every warning on an accepted record or on the file (e.g. its encoding).
 */
export function receiptLetter(centreName: string, sub: Omit<Submission, 'content'>, remarked: SubmissionRecord[], acceptedTotalCents: number): MailContent {
  const fileErrors = (sub.fileErrors as StoredError[] | null) ?? [];
  const list = (errors: unknown) => ((errors as StoredError[] | null) ?? []).map((e) => `${e.field}: ${e.reason}`).join('; ');
  return {
    sender: centreName,
    subject: `Eingangsbestätigung ${sub.fileName}`,
    paragraphs: [
      `Ihre Abrechnungsdatei ${sub.fileName} ist bei uns eingegangen.`,
      ...(sub.status === 'REJECTED'
        ? [`Die Datei konnte nicht verarbeitet werden: ${fileErrors.map((e) => `${e.field}: ${e.reason}`).join('; ')}`]
        : [
            `Übernommen: ${sub.acceptedCount} (Summe ${formatEuro(acceptedTotalCents)}), abgelehnt: ${sub.rejectedCount}, bereits eingereicht: ${sub.duplicateCount}.`,
            ...(fileErrors.length ? [`Hinweis zur Datei: ${list(fileErrors)}`] : []),
          ]),
      ...remarked.map((r) => `Datensatz ${r.recordNo}${r.externalId ? ` (Fall ${r.externalId})` : ''}${r.outcome === 'ACCEPTED' ? ', übernommen mit Hinweis' : ''}: ${list(r.errors)}`),
    ],
  };
}
