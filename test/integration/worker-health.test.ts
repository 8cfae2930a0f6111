import type { AddressInfo } from 'node:net';
import { createClaimflowWorkers, runWorkers } from '../../workers/claim-worker';
import { serveWorkerHealth } from '../../workers/worker-health';
import { useHarness } from '../support/harness';

/** The worker process's health endpoint: ready only while its workers poll and its dependencies answer. */

jest.setTimeout(120_000);
const h = useHarness();

test('live answers at once; ready follows the workers from created through running to shut down', async () => {
  // The workers under test take the harness's place on its queue.
  await h.stopWorker();
  const workers = await createClaimflowWorkers(h.services.workerConnection, h.services.services, { bundle: { codePath: process.env.CF_TEST_BUNDLE! }, role: 'claims' });
  const server = serveWorkerHealth(0, workers, h.services.services.health);
  const url = (path: string) => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  const get = async (path: string) => {
    const res = await fetch(url(path));
    return [res.status, await res.json()];
  };
  try {
    expect(await get('/health/live')).toEqual([200, { status: 'ok' }]);
    expect(await get('/health/ready')).toEqual([503, { status: 'degraded', database: 'ok', temporal: 'ok', workers: ['INITIALIZED'] }]);
    const running = runWorkers(workers);
    await h.eventually('worker running', async () => (workers[0].getState() === 'RUNNING' ? true : undefined));
    expect(await get('/health/ready')).toEqual([200, { status: 'ok', database: 'ok', temporal: 'ok', workers: ['RUNNING'] }]);
    running.shutdown();
    await running.done;
    expect(await get('/health/ready')).toEqual([503, { status: 'degraded', database: 'ok', temporal: 'ok', workers: ['STOPPED'] }]);
    expect((await get('/anything'))[0]).toBe(404);
  } finally {
    server.close();
  }
});
