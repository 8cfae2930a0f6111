import { Worker } from '@temporalio/worker';
import { bundleWorkflows } from '../../workers/claim-worker';
import { recordedHistory, scheduledActivities } from '../support/recorded-history';

/**
 * The partner-outbox reader (workflows/read-partner-outboxes.ts, shared by the lawyers' feedback and
 * the refinancing factor's answers) runs on a Schedule: a run in flight when a worker is deployed
 * must replay on the new code. Recorded from the lawyer-feedback workflow reading one lawyer's
 * outbox with a cut-off file (quarantined whole) and a file with a good and a bad line.
 */

jest.setTimeout(60_000);

const NAME = 'lawyer-feedback-outbox-path';
const FILE_STEPS = ['fetchLawyerFile', 'readLawyerFile', 'archiveLawyerFile'];

test('the recorded outbox run replays on the current lawyer-feedback workflow', async () => {
  const history = recordedHistory(NAME);
  expect(scheduledActivities(history)).toEqual(['listLawyerOutboxes', ...FILE_STEPS, ...FILE_STEPS]);
  await expect(Worker.runReplayHistory({ workflowBundle: await bundleWorkflows() }, history, NAME)).resolves.toBeUndefined();
});

test('an outbox run whose steps differ from the code fails the replay', async () => {
  const history = recordedHistory(NAME);
  const read = history.events.find((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'readLawyerFile')!;
  read.activityTaskScheduledEventAttributes!.activityType!.name = 'archiveLawyerFile';
  await expect(Worker.runReplayHistory({ workflowBundle: await bundleWorkflows() }, history, `${NAME}-tampered`)).rejects.toThrow(/[Nn]ondeterminism/);
});
