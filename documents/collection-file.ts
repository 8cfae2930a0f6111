import { stringify } from 'csv-stringify/sync';
import type { ClaimBalance } from '../domain/ledger/claim-balance';
import type { ClaimData } from '../domain/documents/document-request';
import { formatDate } from '../domain/format';

export interface CollectionCase {
  claim: Pick<ClaimData, 'invoiceNumber' | 'patientName' | 'invoiceDate' | 'dueDate'>;
  /** The person responsible for the claim (Schuldner). */
  debtorName: string;
  dunningLevel: number;
  balance: ClaimBalance;
}

/**
 * The statement of claim (Forderungsaufstellung) a lawyer receives with a collection handoff:
 * semicolon CSV as German law-firm software imports it, amounts in cents and in euro text.
 */
export function collectionFile(c: CollectionCase): Buffer {
  const b = c.balance;
  const rows = [
    ['Rechnungsnummer', 'Schuldner', 'Patient', 'Rechnungsdatum', 'Fällig am', 'Mahnstufe', 'Hauptforderung_Cent', 'Kosten_Cent', 'Offen_Cent'],
    [
      c.claim.invoiceNumber,
      c.debtorName,
      c.claim.patientName,
      formatDate(c.claim.invoiceDate),
      formatDate(c.claim.dueDate),
      String(c.dunningLevel),
      String(b.principalOpenCents),
      String(b.costsOpenCents),
      String(b.principalOpenCents + b.costsOpenCents),
    ],
  ];
  return Buffer.from(stringify(rows, { delimiter: ';', record_delimiter: '\r\n' }), 'utf8');
}
