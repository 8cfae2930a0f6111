import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { startEnvironment } from '../infra/environment';

/**
 * Starts the real services once for the whole test run (Temporal dev server, PostgreSQL, SMTP,
 * SFTP, unless configured in the environment), bundles the workflow code once, and hands their
 * addresses to the test files through environment variables.
 */
export default async function globalSetup(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimflow-test-'));
  const env = await startEnvironment({ name: `test-${process.pid}`, persistent: false, dataDir });
  const bundlePath = path.join(dataDir, 'workflow-bundle.js');
  const bundle = await bundleWorkflowCode({ workflowsPath: path.resolve(__dirname, '../workflows/index.ts'), logger: new DefaultLogger('WARN') });
  fs.writeFileSync(bundlePath, bundle.code);
  (globalThis as { __claimflowEnv?: typeof env }).__claimflowEnv = env;
  Object.assign(process.env, {
    CF_TEST_DATA_DIR: dataDir,
    CF_TEST_BUNDLE: bundlePath,
    DATABASE_URL: env.databaseUrl,
    TEMPORAL_ADDRESS: env.temporalAddress,
    SMTP_URL: env.smtpUrl,
    CF_TEST_MAIL_DIR: env.mailDir ?? '',
    CF_TEST_SFTP: JSON.stringify(env.collectionSftp),
    CF_TEST_DOCUMENTS: JSON.stringify(env.documents),
  });
}
