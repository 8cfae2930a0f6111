import fs from 'node:fs';
import path from 'node:path';

/**
 * test/fixtures/histories/workflow-versions.json: per workflow type, the fingerprint of its current
 * code and the histories recorded from it and from earlier versions (each with the fingerprint of
 * the code it was recorded on; "before-versioning" for those older than this file).
 */
export interface WorkflowVersions {
  [type: string]: { histories: Array<{ file: string; source: string }> };
}

export const HISTORIES_DIR = path.resolve(__dirname, '../fixtures/histories');
const FILE = path.join(HISTORIES_DIR, 'workflow-versions.json');

export function readWorkflowVersions(): WorkflowVersions {
  return JSON.parse(fs.readFileSync(FILE, 'utf8'));
}

export function writeWorkflowVersions(v: WorkflowVersions): void {
  fs.writeFileSync(FILE, `${JSON.stringify(v, null, 2)}\n`);
}
