import { heartbeat } from '@temporalio/activity';
import type { Services } from '../../services';

/** The nightly backup: an adapter over the operations service; its progress is the heartbeat. */
export function createOperationsActivities(services: Services) {
  return {
    nightlyBackup: () => services.operations.nightlyBackup((line) => heartbeat(line)),
  };
}

export type OperationsActivities = ReturnType<typeof createOperationsActivities>;
