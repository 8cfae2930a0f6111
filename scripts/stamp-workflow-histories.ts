import fs from 'node:fs';
import path from 'node:path';
import { workflowSourceHash, workflowTypes } from '../test/support/workflow-sources';
import { HISTORIES_DIR, readWorkflowVersions, writeWorkflowVersions } from '../test/support/workflow-versions';

/**
 * npx tsx scripts/stamp-workflow-histories.ts <dir>: adds the histories recorded into <dir> (an
 * integration run with CF_RECORD_HISTORIES=<dir>) for every workflow type whose current code has
 * none yet, as test/fixtures/histories/versions/<type>-<fingerprint>.binpb; older ones stay (claims in
 * flight run on them). Prints what it added and which types still lack a history of their code.
 */
function main(dir: string): void {
  const versions = readWorkflowVersions();
  const missing: string[] = [];
  for (const { type, file } of workflowTypes()) {
    const source = workflowSourceHash(file);
    const entry = (versions[type] ??= { histories: [] });
    if (entry.histories.some((h) => h.source === source)) continue;
    const recorded = path.join(dir, `${type}.binpb`);
    if (!fs.existsSync(recorded)) {
      missing.push(type);
      continue;
    }
    const name = `versions/${type}-${source.slice(0, 12)}.binpb`;
    fs.copyFileSync(recorded, path.join(HISTORIES_DIR, name));
    entry.histories.push({ file: name, source });
    console.log(`${type}: recorded ${name}`);
  }
  writeWorkflowVersions(versions);
  if (missing.length) {
    console.error(`no history recorded for: ${missing.join(', ')} (no integration test ran them)`);
    process.exitCode = 1;
  }
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npx tsx scripts/stamp-workflow-histories.ts <dir of recorded histories>');
  process.exit(2);
}
main(dir);
