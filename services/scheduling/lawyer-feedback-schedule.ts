import type { Client } from '@temporalio/client';
import type { Db } from '../../infra/db/prisma';
import { durationMs } from '../../domain/duration';
import { loadSystemPolicy } from '../../persistence/policy';
import { SCHEDULED_WORKFLOW_IDS } from '../../contracts/workflow-ids';
import { ensureSchedule } from './ensure-schedule';

export const LAWYER_FEEDBACK_SCHEDULE_ID = 'lawyer-feedback';

/**
 * Registers the read of the lawyers' outboxes every `collection.feedbackInterval` of the system
 * policy at process start. Runs never overlap; a missed run is not caught up (the next finds every
 * file still in the outboxes).
 */
export async function ensureLawyerFeedbackSchedule(temporal: Client, db: Db, taskQueue: string): Promise<void> {
  const { feedbackInterval } = (await loadSystemPolicy(db)).collection;
  await ensureSchedule(temporal, { scheduleId: LAWYER_FEEDBACK_SCHEDULE_ID, every: durationMs(feedbackInterval), workflowType: 'lawyerFeedbackWorkflow', workflowId: SCHEDULED_WORKFLOW_IDS.lawyerFeedback, taskQueue, catchupWindow: '1 minute' });
}
