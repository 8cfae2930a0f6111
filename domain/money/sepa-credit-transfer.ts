import { create } from 'xmlbuilder2';
import type { DebtorAccount } from './payout-run-policy';

/**
 * A SEPA credit transfer initiation, pain.001.001.09: one payment information block (one debit
 * from the centre's account, one requested execution date) with a transaction per recipient.
 * Choices (docs/payout-runs.md): texts in the EPC's basic Latin set, umlauts transliterated;
 * names cut at 70, the remittance at 140 characters; the creditor agent only when a BIC is known
 * (IBAN-only is allowed within SEPA); charges shared (SLEV).
 */

export const PAIN_001_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.09';

export interface SepaTransfer {
  endToEndId: string;
  amountCents: number;
  creditorName: string;
  iban: string;
  bic: string | null;
  remittance: string;
}

export interface SepaCreditTransfer {
  messageId: string;
  createdAt: Date;
  /** YYYY-MM-DD. */
  executionDate: string;
  debtor: DebtorAccount;
  transfers: SepaTransfer[];
}

const TRANSLITERATION: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss', '&': '+' };

/** Text in the EPC's character set (a-z A-Z 0-9 / - ? : ( ) . , ' + space), at most `max` characters. */
export function sepaText(s: string, max: number): string {
  const latin = [...s.normalize('NFC')].map((c) => TRANSLITERATION[c] ?? c).join('');
  const kept = latin.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, ' ');
  return kept.replace(/\s+/g, ' ').trim().slice(0, max).trim();
}

/** Cents as the file's decimal amount ("1234.50"). */
const amount = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/** The number of transactions and their control sum: the same in the group header and the payment block. */
export function controlTotals(transfers: SepaTransfer[]): { nbOfTxs: string; ctrlSum: string } {
  return { nbOfTxs: String(transfers.length), ctrlSum: amount(transfers.reduce((s, t) => s + t.amountCents, 0)) };
}

export function sepaCreditTransferXml(f: SepaCreditTransfer): string {
  if (f.transfers.length === 0) throw new Error(`SEPA file ${f.messageId}: no transfers`);
  const bad = f.transfers.find((t) => !Number.isSafeInteger(t.amountCents) || t.amountCents <= 0);
  if (bad) throw new Error(`SEPA file ${f.messageId}: transfer ${bad.endToEndId} has amount ${bad.amountCents} cents, must be positive`);
  const { nbOfTxs, ctrlSum } = controlTotals(f.transfers);
  const initiator = sepaText(f.debtor.name, 70);
  const doc = {
    Document: {
      '@xmlns': PAIN_001_NAMESPACE,
      CstmrCdtTrfInitn: {
        GrpHdr: { MsgId: f.messageId, CreDtTm: f.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z'), NbOfTxs: nbOfTxs, CtrlSum: ctrlSum, InitgPty: { Nm: initiator } },
        PmtInf: {
          PmtInfId: f.messageId,
          PmtMtd: 'TRF',
          BtchBookg: 'true',
          NbOfTxs: nbOfTxs,
          CtrlSum: ctrlSum,
          PmtTpInf: { SvcLvl: { Cd: 'SEPA' } },
          ReqdExctnDt: { Dt: f.executionDate },
          Dbtr: { Nm: initiator },
          DbtrAcct: { Id: { IBAN: f.debtor.iban } },
          DbtrAgt: { FinInstnId: { BICFI: f.debtor.bic } },
          ChrgBr: 'SLEV',
          CdtTrfTxInf: f.transfers.map((t) => ({
            PmtId: { EndToEndId: t.endToEndId },
            Amt: { InstdAmt: { '@Ccy': 'EUR', '#': amount(t.amountCents) } },
            ...(t.bic ? { CdtrAgt: { FinInstnId: { BICFI: t.bic } } } : {}),
            Cdtr: { Nm: sepaText(t.creditorName, 70) },
            CdtrAcct: { Id: { IBAN: t.iban } },
            RmtInf: { Ustrd: sepaText(t.remittance, 140) },
          })),
        },
      },
    },
  };
  return create({ version: '1.0', encoding: 'UTF-8' }, doc).end({ prettyPrint: true });
}
