import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const env = (globalThis as { __claimflowEnv?: { stop(): Promise<void> } }).__claimflowEnv;
  await env?.stop();
  if (process.env.CF_TEST_DATA_DIR) fs.rmSync(process.env.CF_TEST_DATA_DIR, { recursive: true, force: true });
}
