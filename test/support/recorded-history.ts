import fs from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';

/** A workflow history recorded from an earlier version of the code (test/fixtures/histories). */
export function recordedHistory(name: string): temporal.api.history.v1.History {
  return temporal.api.history.v1.History.decode(fs.readFileSync(path.resolve(__dirname, `../fixtures/histories/${name}.binpb`)));
}

/** The activities a history scheduled (ordinary ones; local activities are markers). */
export const scheduledActivities = (h: temporal.api.history.v1.IHistory) => (h.events ?? []).flatMap((e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? []);
