import { stringify } from 'csv-stringify/sync';
import type { ClaimData } from '../domain/documents/document-request';
import { formatDate } from '../domain/format';

export interface CollectionCase {
  claim: Pick<ClaimData, 'invoiceNumber' | 'patientName' | 'invoiceDate' | 'dueDate'>;
  /** The person responsible for the claim (Schuldner). */
  debtorName: string;
  dunningLevel: number;
  /** Open amounts as of the handoff, interest to that day included. */
  open: { principalCents: number; costsCents: number; interestCents: number; totalCents: number };
}

/**
 * The statement of claim (Forderungsaufstellung) a lawyer receives with a collection handoff:
 * semicolon CSV as German law-firm software imports it, amounts in cents and in euro text.
 */
export function collectionFile(c: CollectionCase): Buffer {
  const o = c.open;
  const rows = [
    ['Rechnungsnummer', 'Schuldner', 'Patient', 'Rechnungsdatum', 'Fällig am', 'Mahnstufe', 'Hauptforderung_Cent', 'Kosten_Cent', 'Zinsen_Cent', 'Offen_Cent'],
    [
      c.claim.invoiceNumber,
      c.debtorName,
      c.claim.patientName,
      formatDate(c.claim.invoiceDate),
      formatDate(c.claim.dueDate),
      String(c.dunningLevel),
      String(o.principalCents),
      String(o.costsCents),
      String(o.interestCents),
      String(o.totalCents),
    ],
  ];
  return Buffer.from(stringify(rows, { delimiter: ';', record_delimiter: '\r\n' }), 'utf8');
}
