import fs from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { temporal as proto } from '@temporalio/proto';
import { bundleWorkflows } from '../../workers/claim-worker';
import { workflowSourceHash, workflowTypes } from '../support/workflow-sources';
import { HISTORIES_DIR, readWorkflowVersions } from '../support/workflow-versions';

/**
 * Versions that never break a workflow in flight (docs/workflow-versions.md): every workflow type
 * has a recorded history of its current code, and every history ever recorded (of this version and
 * the earlier ones) replays on the current bundle. Changing a workflow's code without recording a
 * history of the new version fails here.
 */

jest.setTimeout(120_000);

const versions = readWorkflowVersions();
const recorded = Object.entries(versions).flatMap(([type, v]) => v.histories.map((h) => ({ type, ...h })));

test('every workflow type has a history recorded from its current code', () => {
  const stale = workflowTypes()
    .filter(({ type, file }) => !versions[type]?.histories.some((h) => h.source === workflowSourceHash(file)))
    .map(({ type, file }) => `${type} (${file})`);
  expect(stale).toEqual([]);
});

test('every recorded history is of the workflow type it is filed under', () => {
  const types = new Set(workflowTypes().map((w) => w.type));
  for (const h of recorded) {
    const history = proto.api.history.v1.History.decode(fs.readFileSync(path.join(HISTORIES_DIR, h.file)));
    const started = history.events[0].workflowExecutionStartedEventAttributes?.workflowType?.name;
    expect([h.file, started, types.has(h.type)]).toEqual([h.file, h.type, true]);
  }
});

test('every recorded history replays on the current code', async () => {
  const histories = recorded.map((h) => ({ workflowId: h.file, history: proto.api.history.v1.History.decode(fs.readFileSync(path.join(HISTORIES_DIR, h.file))) }));
  const failures: string[] = [];
  for await (const r of Worker.runReplayHistories({ workflowBundle: await bundleWorkflows() }, histories)) {
    if (r.error) failures.push(`${r.workflowId}: ${r.error.message}`);
  }
  expect(failures).toEqual([]);
});
