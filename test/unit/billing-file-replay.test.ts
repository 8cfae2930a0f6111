import { Worker } from '@temporalio/worker';
import { bundleWorkflows } from '../../workers/claim-worker';
import { recordedHistory as recorded, scheduledActivities } from '../support/recorded-history';

/**
 * Workflow changes are patched: a billing file that was in flight before claims were started while
 * the file was persisted (processSubmission, then startClaimWorkflows page by page) replays on
 * today's code without a nondeterminism error. The history was recorded from the earlier code.
 */

jest.setTimeout(60_000);

const recordedHistory = () => recorded('billing-file-before-pipelined-starts');

test('a billing file recorded before the pipelined starts replays on the current workflow code', async () => {
  const history = recordedHistory();
  expect(scheduledActivities(history)).toEqual(['processSubmission', 'startClaimWorkflows', 'sendReceipt']);
  await expect(Worker.runReplayHistory({ workflowBundle: await bundleWorkflows() }, history, 'billing-file-recorded')).resolves.toBeUndefined();
});

test('the replay check fails when the recorded history does not match the code', async () => {
  const history = recordedHistory();
  const scheduled = history.events.find((e) => e.activityTaskScheduledEventAttributes)!;
  scheduled.activityTaskScheduledEventAttributes!.activityType!.name = 'someOtherActivity';
  await expect(Worker.runReplayHistory({ workflowBundle: await bundleWorkflows() }, history, 'billing-file-tampered')).rejects.toThrow(/[Nn]ondeterminism/);
});
