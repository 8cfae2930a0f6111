import http from 'node:http';
import type { Worker } from '@temporalio/worker';
import type { Services } from '../services';

/**
 * The worker's health for the orchestrator, on a port of its own (the SDK's Prometheus exporter
 * serves only /metrics): live while the process answers; ready while every worker polls its queue
 * and the database and Temporal answer.
 */
export function serveWorkerHealth(port: number, workers: Worker[], health: Services['health']): http.Server {
  const server = http.createServer(async (req, res) => {
    const answer = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.url === '/health/live') return answer(200, { status: 'ok' });
    if (req.url !== '/health/ready') return answer(404, { error: { code: 'not_found', message: `no route ${req.method} ${req.url}` } });
    const states = workers.map((w) => w.getState());
    const reached = await health.check();
    const ok = reached.status === 'ok' && states.every((s) => s === 'RUNNING');
    answer(ok ? 200 : 503, { ...reached, status: ok ? 'ok' : 'degraded', workers: states });
  });
  return server.listen(port);
}
