import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

type EventType = temporal.api.enums.v1.EventType;
const { EventType: E } = temporal.api.enums.v1;

export interface ActivitySpan {
  type: string;
  startedAt: number;
  completedAt: number;
}

function ms(t: temporal.api.history.v1.IHistoryEvent['eventTime']): number {
  return Number(t?.seconds ?? 0) * 1000 + Math.floor((t?.nanos ?? 0) / 1e6);
}

/** When each activity of a finished workflow started and completed, from its event history. */
export async function activitySpans(handle: WorkflowHandle): Promise<ActivitySpan[]> {
  const history = await handle.fetchHistory();
  const scheduled = new Map<string, string>();
  const started = new Map<string, number>();
  const spans: ActivitySpan[] = [];
  for (const e of history.events ?? []) {
    const id = String(e.eventId);
    switch (e.eventType as EventType) {
      case E.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED:
        scheduled.set(id, e.activityTaskScheduledEventAttributes?.activityType?.name ?? '?');
        break;
      case E.EVENT_TYPE_ACTIVITY_TASK_STARTED:
        started.set(String(e.activityTaskStartedEventAttributes?.scheduledEventId), ms(e.eventTime));
        break;
      case E.EVENT_TYPE_ACTIVITY_TASK_COMPLETED: {
        const sid = String(e.activityTaskCompletedEventAttributes?.scheduledEventId);
        spans.push({ type: scheduled.get(sid)!, startedAt: started.get(sid)!, completedAt: ms(e.eventTime) });
        break;
      }
    }
  }
  return spans;
}
