import { formatDate, formatEuro } from '../../domain/format';
import type { ReceiptConfirmationRequest } from '../../domain/documents/document-request';
import type { LetterSpec } from '../letter-spec';
import { journalLetter, paragraphs } from '../letter-parts';

const OUTCOME = { ACCEPTED: 'übernommen', REJECTED: 'abgelehnt', DUPLICATE: 'bereits eingereicht' } as const;

/** Eingangsbestätigung of a billing file: every record's outcome, each rejection with its reasons. */
export function receiptConfirmation(r: ReceiptConfirmationRequest): LetterSpec {
  const count = (o: keyof typeof OUTCOME) => r.records.filter((x) => x.outcome === o).length;
  const summary = r.fileErrors.length
    ? `Die Datei konnte nicht verarbeitet werden: ${r.fileErrors.join('; ')}`
    : `Übernommen: ${count('ACCEPTED')}${r.acceptedTotalCents !== undefined ? ` (Summe ${formatEuro(r.acceptedTotalCents)})` : ''}, abgelehnt: ${count('REJECTED')}, bereits eingereicht: ${count('DUPLICATE')} von ${r.records.length} Datensätzen.`;
  const notices = r.notices?.length ? [`Hinweis zur Datei: ${r.notices.join('; ')}`] : [];
  return journalLetter(
    r.head,
    `Eingangsbestätigung ${r.fileName}`,
    r.fileName.replace(/\.[^.]+$/, ''),
    [
      ...paragraphs(`Ihre Abrechnungsdatei ${r.fileName} ist am ${formatDate(r.receivedAt)} bei uns eingegangen.`, summary, ...notices),
      ...(r.records.length
        ? [
            {
              type: 'table' as const,
              columns: [
                { header: 'Satz', width: 14 },
                { header: 'Fall', width: 28 },
                { header: 'Patient/in', width: 50 },
                { header: 'Ergebnis', width: 38 },
                { header: 'Rechnungsnr.', width: 35 },
              ],
              rows: r.records.map((x) => ({
                cells: [String(x.recordNo), x.externalId ?? '', x.patientName ?? '', OUTCOME[x.outcome], x.invoiceNumber ?? ''],
                ...(x.reasons.length ? { note: `${x.outcome === 'ACCEPTED' ? 'Hinweis' : 'Grund'}: ${x.reasons.join('; ')}` } : {}),
              })),
            },
          ]
        : []),
    ],
    [summary],
    [['Eingang', formatDate(r.receivedAt)]],
  );
}
