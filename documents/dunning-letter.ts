import { formatDate, formatEuro } from '../domain/format';
import { dunningLevelName } from '../domain/documents/dunning-level';
import type { ReminderRequest } from '../domain/documents/document-request';
import type { LetterSpec } from './letter-spec';
import { claimLetter, dailyInterestNote, interestRow, paragraphs, paymentBlocks } from './letter-parts';

/** "Zahlungserinnerung" for level 1, "(n-1). Mahnung" after, unless the client words it. */
export function dunningTitle(r: Pick<ReminderRequest, 'level' | 'head'>): string {
  return r.head.client.blocks.dunning?.[String(r.level)]?.title ?? dunningLevelName(r.level);
}

/** Payment reminder and dunning letters of every level, with the fee and the new date to pay by. */
export function dunningLetter(r: ReminderRequest): LetterSpec {
  const c = r.claim;
  const title = dunningTitle(r);
  const text =
    r.head.client.blocks.dunning?.[String(r.level)]?.text ??
    (r.level === 1
      ? `sicher haben Sie unsere Rechnung ${c.invoiceNumber} vom ${formatDate(c.invoiceDate)}, fällig am ${formatDate(c.dueDate)}, nur übersehen. Bis heute konnten wir keinen vollständigen Zahlungseingang feststellen.`
      : `trotz unserer Erinnerung ist die Rechnung ${c.invoiceNumber} vom ${formatDate(c.invoiceDate)} noch nicht beglichen. Wir mahnen den offenen Betrag hiermit an.`);
  const costsBefore = r.costsCents - r.feeCents;
  return claimLetter(
    r,
    title,
    [
      ...paragraphs(text),
      {
        type: 'totals',
        rows: [
          { label: `Rechnungsbetrag (fällig am ${formatDate(c.dueDate)})`, value: formatEuro(c.totalCents) },
          ...(costsBefore > 0 ? [{ label: 'Bisherige Mahngebühren', value: formatEuro(costsBefore) }] : []),
          ...(r.feeCents > 0 ? [{ label: `Mahngebühr ${title}`, value: formatEuro(r.feeCents) }] : []),
          ...interestRow(r.interest),
          ...(r.paidCents > 0 ? [{ label: 'Bereits gezahlt', value: formatEuro(-r.paidCents) }] : []),
          { label: 'Offener Betrag', value: formatEuro(r.openCents), bold: true },
        ],
      },
      ...paymentBlocks(r.head, r.openCents, r.payBy, c.invoiceNumber, ...dailyInterestNote(r.interest), 'Sollten Sie in der Zwischenzeit gezahlt haben, betrachten Sie dieses Schreiben bitte als gegenstandslos.'),
    ],
    [`zur Rechnung ${c.invoiceNumber} ist noch ${formatEuro(r.openCents)} offen. Anbei erhalten Sie unsere ${title}.`, `Bitte zahlen Sie bis zum ${formatDate(r.payBy)}.`],
    [['Mahnstufe', String(r.level)]],
  );
}
