import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { RetryPolicy } from '@temporalio/common';
import type { ClaimActivities } from '../../activities/claims/claim-activities';

// Outages of the database, mail or SFTP server are waited out: the claim resumes where it was.
const retry: RetryPolicy = { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1 minute' };

/** Letters and files leave the building: ordinary activities, each recorded by the server. */
export const io = proxyActivities<ClaimActivities>({ startToCloseTimeout: '30 seconds', retry });

/**
 * Short database transactions (stage, bookings, balance) run as local activities: no round trip to
 * the Temporal server per call, which is most of a claim's steps. They are idempotent like the rest.
 */
export const db = proxyLocalActivities<ClaimActivities>({ startToCloseTimeout: '30 seconds', localRetryThreshold: '10 seconds', retry });
