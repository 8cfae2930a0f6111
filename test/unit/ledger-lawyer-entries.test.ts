import { Account, type Posting } from '../../domain/ledger/accounts';
import { claimBalanceFrom, openCents } from '../../domain/ledger/claim-balance';
import { lawyerCosts, lawyerSettlement, payment, purchase, recogniseClaim, reminderFee, writeOff } from '../../domain/ledger/entries';
import { withPostings } from '../../persistence/payments';

const { RECEIVABLE_PRINCIPAL: RP, RECEIVABLE_COSTS: RC, CLIENT_CLAIMS: CC, CLIENT_PAYABLE: CP, FEE_INCOME: FI, BAD_DEBT: BD, LAWYER_CLEARING: LC, LAWYER_PAYABLE: LP, BANK } = Account;
const asMap = (ps: Posting[]) => Object.fromEntries(ps.map((p) => [p.account, p.amountCents]));

/** 100,00 € principal, 5,00 € dunning fee, 40,00 € lawyer's costs. */
function openClaim(bought: boolean) {
  let b = claimBalanceFrom(recogniseClaim(10000));
  if (bought) b = withPostings(b, purchase(b, '0.035'));
  b = withPostings(b, reminderFee(500));
  return withPostings(b, lawyerCosts(4000));
}

test('the lawyer collects into the clearing account; costs are paid first and owed on to the lawyer; the transfer clears it', () => {
  const b = openClaim(false);
  expect(openCents(b)).toBe(14500);
  const collected = payment(b, 6000, '0.06', LC);
  // § 367: the 45,00 € of costs first, then 15,00 € principal, of which the client gets 94 %.
  expect(asMap(collected)).toEqual({ [LC]: 6000, [RC]: -4500, [RP]: -1500, [CC]: 1500, [CP]: -1410, [FI]: -90 });
  expect(asMap(lawyerSettlement(6000))).toEqual({ [BANK]: 6000, [LC]: -6000 });
  expect(asMap(lawyerCosts(4000))).toEqual({ [RC]: 4000, [LP]: -4000 });
});

test('write-off of an Inkasso claim: the client bears its stake and the lawyer costs, the centre drops its own fees', () => {
  expect(asMap(writeOff(openClaim(false), { lawyerCostsCents: 4000, purchased: false, chargeBack: false }))).toEqual({ [RP]: -10000, [RC]: -4500, [FI]: 500, [CC]: 10000, [CP]: 4000 });
});

test('write-off of a bought claim: the centre bears principal and lawyer costs as bad debt, unless the contract charges it back', () => {
  const b = openClaim(true);
  expect(asMap(writeOff(b, { lawyerCostsCents: 4000, purchased: true, chargeBack: false }))).toEqual({ [RP]: -10000, [RC]: -4500, [FI]: 500, [BD]: 14000 });
  expect(asMap(writeOff(b, { lawyerCostsCents: 4000, purchased: true, chargeBack: true }))).toEqual({ [RP]: -10000, [RC]: -4500, [FI]: 500, [CP]: 14000 });
  // Costs already paid off (the debtor paid the costs first) leave no lawyer costs to bear.
  const paidCosts = withPostings(b, payment(b, 4500, '0.035', LC));
  expect(asMap(writeOff(paidCosts, { lawyerCostsCents: 4000, purchased: true, chargeBack: false }))).toEqual({ [RP]: -10000, [BD]: 10000 });
});
