import { stringify } from 'csv-stringify/sync';
import type { Claim } from '../prisma/generated/client';
import type { ClaimBalance } from '../domain/ledger/claim-balance';
import type { ClaimLetterData } from './claim-letters';
import { formatDate } from '../domain/format';

/**
 * The statement of claim (Forderungsaufstellung) a lawyer receives with a collection handoff:
 * semicolon CSV as German law-firm software imports it, amounts in cents and in euro text.
 */
export function collectionFile(claim: Claim, d: ClaimLetterData, b: ClaimBalance): Buffer {
  const rows = [
    ['Rechnungsnummer', 'Schuldner', 'Patient', 'Rechnungsdatum', 'Fällig am', 'Mahnstufe', 'Hauptforderung_Cent', 'Kosten_Cent', 'Offen_Cent'],
    [
      d.invoiceNumber,
      d.recipientName,
      d.patientName,
      claim.invoiceDate ? formatDate(claim.invoiceDate) : '',
      claim.dueDate ? formatDate(claim.dueDate) : '',
      String(claim.dunningLevel),
      String(b.principalOpenCents),
      String(b.costsOpenCents),
      String(b.principalOpenCents + b.costsOpenCents),
    ],
  ];
  return Buffer.from(stringify(rows, { delimiter: ';', record_delimiter: '\r\n' }), 'utf8');
}
