import { accountIdOf } from './camt-values';
import { child, text, type XmlNode } from './camt-xml';
import { isIbanShaped } from './iban';

/**
 * The other party of a CAMT transaction. Money in: the debtor paid us; money out: we paid the
 * creditor. A return turns this round: a returned direct debit (money out) names the patient as
 * debtor of the original collection, a returned transfer (money in) the creditor we tried to pay.
 * The ultimate party stands in when the bank names only that one.
 */
export function counterpartyOf(related: XmlNode | undefined, moneyIn: boolean, isReturn: boolean): { name?: string; iban?: string } {
  const side = moneyIn !== isReturn ? 'Dbtr' : 'Cdtr';
  return {
    name: partyName(child(related, side)) ?? partyName(child(related, `Ultmt${side}`)),
    iban: ibanOf(accountIdOf(child(related, `${side}Acct`))),
  };
}

/** v2–v7 name the party directly, v8+ wrap it in <Pty>. */
function partyName(party: XmlNode | undefined): string | undefined {
  return text(party, 'Nm') ?? text(party, 'Pty', 'Nm');
}

/** The account's IBAN, also where a bank puts it under Othr/Id; old account numbers do not count. */
function ibanOf(id: string | undefined): string | undefined {
  return isIbanShaped(id) ? id : undefined;
}
