import { formatDate, formatEuro } from '../../domain/format';
import type { WriteOffBearer, WriteOffNoticeRequest } from '../../domain/documents/document-request';
import type { LetterSpec } from '../letter-spec';
import { journalLetter, paragraphs } from '../letter-parts';

/** What the loss means for the client, by who bears it. */
const CONSEQUENCE: Record<WriteOffBearer, (r: WriteOffNoticeRequest) => string> = {
  client: (r) =>
    `Die Forderung (Hauptforderung und Zinsen) fällt an Sie zurück; Ihr Anspruch aus dieser Rechnung endet damit.${r.chargedToClientCents > 0 ? ` Die Anwaltskosten von ${formatEuro(r.chargedToClientCents)} tragen Sie als Auftraggeber; wir belasten sie Ihrem Abrechnungskonto.` : ''}`,
  centre: () => 'Da wir die Forderung angekauft haben, tragen wir den Ausfall einschließlich der Anwaltskosten. Für Sie ändert sich nichts; der Kaufpreis bleibt Ihnen.',
  charged_back: (r) => `Gemäß unserem Factoringvertrag belasten wir Ihnen die angekaufte Forderung zurück: ${formatEuro(r.chargedToClientCents)} werden Ihrem Abrechnungskonto belastet.`,
};

/** How the letter says who found the claim uncollectable, and when. */
function finding(r: WriteOffNoticeRequest): string {
  const claim = `die Forderung aus der Rechnung ${r.invoiceNumber} (Patient/in ${r.patientName}, Schuldner/in ${r.debtorName})`;
  return r.decidedBy === 'lawyer'
    ? `der beauftragte Rechtsanwalt hat uns am ${formatDate(r.reportedOn)} mitgeteilt, dass ${claim} nicht beigetrieben werden kann.`
    : `wir haben am ${formatDate(r.reportedOn)} entschieden, ${claim} nicht weiter zu verfolgen.`;
}

/** Ausbuchungsmitteilung: the lawyer reported the claim uncollectable or staff decided so; it is written off, and the client learns what it bears. */
export function writeOffNotice(r: WriteOffNoticeRequest): LetterSpec {
  const total = r.principalCents + r.interestCents + r.feesCents + r.lawyerCostsCents;
  return journalLetter(
    r.head,
    `Ausbuchung Rechnung ${r.invoiceNumber}`,
    r.invoiceNumber,
    [
      ...paragraphs(
        `${finding(r)} Grund: ${r.reason}. Wir haben die Forderung daher ausgebucht.`,
      ),
      {
        type: 'totals',
        rows: [
          { label: 'Hauptforderung', value: formatEuro(r.principalCents) },
          { label: 'Verzugszinsen', value: formatEuro(r.interestCents) },
          { label: 'Mahngebühren (tragen wir)', value: formatEuro(r.feesCents) },
          { label: 'Anwaltskosten', value: formatEuro(r.lawyerCostsCents) },
          { label: 'Ausgebucht insgesamt', value: formatEuro(total), bold: true },
        ],
      },
      ...paragraphs(CONSEQUENCE[r.bearer](r)),
    ],
    [`Die Forderung aus Rechnung ${r.invoiceNumber} über ${formatEuro(total)} ist uneinbringlich und wurde ausgebucht (${r.reason}).`],
    [['Rechnungsnr.', r.invoiceNumber]],
  );
}
