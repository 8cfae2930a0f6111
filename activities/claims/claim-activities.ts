import type { Services } from '../../services';

/**
 * The claim workflow's activities: adapters over the claims service. Each step is idempotent
 * (ledger entries and documents carry keys derived from the claim and step), so a retry or a
 * replay books, sends and pays nothing twice. The names are the workflow histories' contract.
 */
export function createClaimActivities(services: Services) {
  const { lifecycle, letters, handOffToCollection, collection, limitation } = services.claims;
  return {
    loadClaimContext: lifecycle.context,
    recordStage: lifecycle.recordStage,
    splitClaim: lifecycle.split,
    recogniseClaim: lifecycle.recognise,
    purchaseClaim: lifecycle.purchase,
    closeUncollectible: lifecycle.closeUncollectible,
    payOut: lifecycle.payOut,
    claimStatus: lifecycle.status,
    issueInvoice: letters.issueInvoice,
    sendReminder: letters.sendReminder,
    sendAgreementLetter: letters.sendAgreementLetter,
    sendPartialPaymentLetter: letters.sendPartialPaymentLetter,
    cancelClaim: letters.cancelClaim,
    handOffToCollection,
    writeOffClaim: services.collection.writeOff,
    sendCollectionRequest: collection.send,
    recordCollectionPolicyDecision: collection.recordPolicyDecision,
    claimLimitation: limitation.refresh,
    sweepLimitation: limitation.sweep,
  };
}

export type ClaimActivities = ReturnType<typeof createClaimActivities>;
