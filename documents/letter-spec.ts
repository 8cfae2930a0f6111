import type { LetterHeadData } from '../domain/documents/document-request';

/**
 * A document laid out as data: what each document kind produces (documents/<kind>.ts) and what
 * the PDF and the mail renderers draw. Keeping the kinds free of drawing code keeps them short and
 * lets one layout give every letter the same DIN 5008 form.
 */
export interface TableColumn {
  header: string;
  /** Width in mm; the columns of a table add up to the text width (165 mm). */
  width: number;
  align?: 'left' | 'right';
}

export interface TableRow {
  cells: string[];
  /** A line printed under the row across the table (e.g. a factor's justification). */
  note?: string;
}

export type Block =
  | { type: 'paragraph'; text: string; bold?: boolean }
  | { type: 'table'; columns: TableColumn[]; rows: TableRow[] }
  /** Label/amount pairs right-aligned under a table (sum, fees, open total). */
  | { type: 'totals'; rows: Array<{ label: string; value: string; bold?: boolean }> }
  /** An EPC QR code (GiroCode) with its caption: the payment a banking app fills in from it. */
  | { type: 'giro_code'; payload: string; caption: string };

export interface LetterSpec {
  head: LetterHeadData;
  /** Whose letterhead: patient letters go out in the client's name, journals in the centre's. */
  from: 'client' | 'centre';
  /** Information block (DIN 5008 form B, right of the address): label, value. */
  info: Array<[string, string]>;
  subject: string;
  /** A mark above the subject such as "Duplikat". */
  mark?: string;
  blocks: Block[];
  /** The email's cover text: the PDF travels as its attachment. */
  cover: string[];
  fileName: string;
}
