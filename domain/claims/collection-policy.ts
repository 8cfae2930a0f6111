import { z } from 'zod';
import { durationSchema } from '../duration-schema';

export const COLLECTION_ANSWERS = ['pursue', 'return'] as const;
export type CollectionAnswer = (typeof COLLECTION_ANSWERS)[number];

/** Collection as policy data: the request to the client (Beitreibungsanfrage) and the lawyer's exchange. */
export const CollectionPolicySchema = z.object({
  /** The client has this long to answer (a duration, like the dunning intervals). */
  answerWithin: durationSchema,
  /** What applies when no answer came in time. */
  defaultAnswer: z.enum(COLLECTION_ANSWERS),
  /** The centre's decision for a claim it bought (the client is not asked). */
  purchasedDecision: z.enum(COLLECTION_ANSWERS),
  /** When a client's "wait until" date comes: ask again, or pursue. */
  afterWait: z.enum(['ask', 'pursue']),
  /** How often the Schedule reads the lawyers' outboxes (system policy). */
  feedbackInterval: durationSchema,
  /**
   * Once the lawyer reports on a claim, the collection period no longer closes it: it may go this
   * long without any report from the lawyer before it closes as uncollectible.
   */
  silencePeriod: durationSchema,
  /** The factoring contract charges an uncollectable bought claim back to the client (else bad debt). */
  chargeBackWriteOffs: z.boolean(),
});

export type CollectionPolicy = z.infer<typeof CollectionPolicySchema>;

export const DEFAULT_COLLECTION_POLICY: CollectionPolicy = {
  answerWithin: '14 days',
  defaultAnswer: 'pursue',
  purchasedDecision: 'pursue',
  afterWait: 'ask',
  feedbackInterval: '1 hour',
  silencePeriod: '180 days',
  chargeBackWriteOffs: false,
};
