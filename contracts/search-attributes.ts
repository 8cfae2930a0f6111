import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes an operator filters claims by in the Temporal UI, e.g.
 * `ClaimStage = "REMINDER" AND DunningLevel >= 2`. The server must know them: infra/local/temporal.ts
 * registers SEARCH_ATTRIBUTE_TYPES at start, temporal-compose.yml's setup job does the same.
 */
export const ClaimClient = defineSearchAttributeKey('ClaimClient', SearchAttributeType.KEYWORD);
export const ClaimStage = defineSearchAttributeKey('ClaimStage', SearchAttributeType.KEYWORD);
export const DunningLevel = defineSearchAttributeKey('DunningLevel', SearchAttributeType.INT);
export const OpenAmountCents = defineSearchAttributeKey('OpenAmountCents', SearchAttributeType.INT);
/** Where a collection request stands: ASKED, WAIT, PURSUE or RETURN (`CollectionDecision = "ASKED"`). */
export const CollectionDecision = defineSearchAttributeKey('CollectionDecision', SearchAttributeType.KEYWORD);

/** Name → type as the Temporal CLI's `--search-attribute` flag spells it. */
export const SEARCH_ATTRIBUTE_TYPES: Record<string, 'Keyword' | 'Int'> = {
  ClaimClient: 'Keyword',
  ClaimStage: 'Keyword',
  DunningLevel: 'Int',
  OpenAmountCents: 'Int',
  CollectionDecision: 'Keyword',
};
