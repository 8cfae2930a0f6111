import { z } from 'zod';
import { durationSchema } from '../duration-schema';

export const COLLECTION_ANSWERS = ['pursue', 'return'] as const;
export type CollectionAnswer = (typeof COLLECTION_ANSWERS)[number];

/** The collection request (Beitreibungsanfrage) as policy data. */
export const CollectionPolicySchema = z.object({
  /** The client has this long to answer (a duration, like the dunning intervals). */
  answerWithin: durationSchema,
  /** What applies when no answer came in time. */
  defaultAnswer: z.enum(COLLECTION_ANSWERS),
  /** The centre's decision for a claim it bought (the client is not asked). */
  purchasedDecision: z.enum(COLLECTION_ANSWERS),
  /** When a client's "wait until" date comes: ask again, or pursue. */
  afterWait: z.enum(['ask', 'pursue']),
});

export type CollectionPolicy = z.infer<typeof CollectionPolicySchema>;

export const DEFAULT_COLLECTION_POLICY: CollectionPolicy = {
  answerWithin: '14 days',
  defaultAnswer: 'pursue',
  purchasedDecision: 'pursue',
  afterWait: 'ask',
};
