import { formatDate, formatEuro } from '../domain/format';
import type { MailContent } from './layout';

/** What the patient letters need to know of a claim. */
export interface ClaimLetterData {
  invoiceNumber: string;
  centreName: string;
  clientName: string;
  recipientName: string;
  patientName: string;
  treatmentFrom: string;
  treatmentTo: string;
  lines: Array<{ date: string; code: string | null; text: string; factor: string | null; count: number; amountCents: number }>;
  totalCents: number;
  openCents: number;
  dueDate?: string;
}

function lineRows(d: ClaimLetterData): Array<[string, string]> {
  return d.lines.map((l) => [
    `${formatDate(l.date)} ${l.code ? `GOÄ ${l.code}` : 'Auslagen'}${l.factor ? ` × ${l.factor.replace('.', ',')}` : ''}${l.count > 1 ? ` (${l.count}×)` : ''} ${l.text.slice(0, 60)}`,
    formatEuro(l.amountCents),
  ]);
}

export function invoiceLetter(d: ClaimLetterData): MailContent {
  return {
    sender: d.centreName,
    subject: `Rechnung ${d.invoiceNumber}`,
    paragraphs: [
      `Guten Tag ${d.recipientName},`,
      `im Auftrag von ${d.clientName} erhalten Sie die Rechnung für die Behandlung von ${d.patientName} vom ${formatDate(d.treatmentFrom)} bis ${formatDate(d.treatmentTo)}.`,
      `Bitte überweisen Sie ${formatEuro(d.totalCents)} bis zum ${formatDate(d.dueDate!)} unter Angabe der Rechnungsnummer ${d.invoiceNumber}.`,
    ],
    rows: [...lineRows(d), ['Rechnungsbetrag', formatEuro(d.totalCents)]],
  };
}

export function reminderLetter(d: ClaimLetterData, level: number, feeCents: number, nextDate: string): MailContent {
  const title = level === 1 ? 'Zahlungserinnerung' : `${level - 1}. Mahnung`;
  return {
    sender: d.centreName,
    subject: `${title} zur Rechnung ${d.invoiceNumber}`,
    paragraphs: [
      `Guten Tag ${d.recipientName},`,
      level === 1
        ? `sicher haben Sie unsere Rechnung ${d.invoiceNumber} nur übersehen.`
        : `trotz unserer Erinnerung ist die Rechnung ${d.invoiceNumber} noch nicht beglichen.`,
      `Bitte überweisen Sie den offenen Betrag von ${formatEuro(d.openCents)} bis zum ${formatDate(nextDate)}.`,
    ],
    rows: [
      ['Rechnungsbetrag', formatEuro(d.totalCents)],
      ...(feeCents > 0 ? ([['Mahngebühr', formatEuro(feeCents)]] as Array<[string, string]>) : []),
      ['Offener Betrag', formatEuro(d.openCents)],
    ],
  };
}

export function cancellationLetter(d: ClaimLetterData, creditCents: number): MailContent {
  return {
    sender: d.centreName,
    subject: `Stornierung der Rechnung ${d.invoiceNumber}`,
    paragraphs: [
      `Guten Tag ${d.recipientName},`,
      `die Rechnung ${d.invoiceNumber} wurde storniert. Mit dieser Gutschrift ist der offene Betrag ausgeglichen; Sie müssen nichts mehr zahlen.`,
    ],
    rows: [['Gutschrift', formatEuro(creditCents)]],
  };
}
