import { Worker } from '@temporalio/worker';
import { bundleWorkflows } from '../../workers/claim-worker';
import { recordedHistory, scheduledActivities } from '../support/recorded-history';

/**
 * Claims live for months, so the claim workflow's code must replay every history in flight. These
 * were recorded from the claim workflow as it was before it was split into state, handlers, main
 * loop and dunning steps (with the letters patch): moving its code must not change its commands.
 */

jest.setTimeout(60_000);

const paths = [
  // Partial payment, deferral, installment agreement, paid in full: the letters signals call for.
  { name: 'claim-paid-path', activities: ['issueInvoice', 'sendPartialPaymentLetter', 'sendReminder', 'sendAgreementLetter', 'sendAgreementLetter', 'sendPartialPaymentLetter'] },
  // Reminders, a partial payment while dunned, the collection handoff, returned to the client.
  { name: 'claim-reminder-path', activities: ['issueInvoice', 'sendReminder', 'sendPartialPaymentLetter', 'sendReminder', 'handOffToCollection'] },
  // With the collection request and limitation watch: asked, "wait" (asked again), pursue, handed off, returned.
  { name: 'claim-collection-request-path', activities: ['issueInvoice', 'sendReminder', 'sendCollectionRequest', 'sendCollectionRequest', 'handOffToCollection'] },
  // Recorded before staff write-offs: a reminder, a dispute opened and closed, cancelled while dunned
  // (the waits now end on a cancellation or a write-off request: closeRequested).
  { name: 'claim-dispute-cancel-path', activities: ['issueInvoice', 'sendReminder', 'cancelClaim'] },
];

test.each(paths)('the recorded $name replays on the current claim workflow', async ({ name, activities }) => {
  const history = recordedHistory(name);
  expect(scheduledActivities(history)).toEqual(activities);
  await expect(Worker.runReplayHistory({ workflowBundle: await bundleWorkflows() }, history, name)).resolves.toBeUndefined();
});

test('a history whose dunning steps differ from the code fails the replay', async () => {
  const history = recordedHistory('claim-reminder-path');
  const handoff = history.events.find((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'handOffToCollection')!;
  handoff.activityTaskScheduledEventAttributes!.activityType!.name = 'sendReminder';
  await expect(Worker.runReplayHistory({ workflowBundle: await bundleWorkflows() }, history, 'claim-tampered')).rejects.toThrow(/[Nn]ondeterminism/);
});
