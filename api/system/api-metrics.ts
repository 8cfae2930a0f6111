import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Services } from '../../services';

export interface ApiMetrics {
  registry: Registry;
  /** Counts and times every request by its route pattern (not its path: ids would explode the series). */
  track: RequestHandler;
}

/**
 * The API's Prometheus metrics, in a registry of their own (one per app, so tests can build
 * several): HTTP requests by route and status with latency histograms, the process's own metrics,
 * and the business gauges, read from the database when Prometheus scrapes.
 */
export function apiMetrics(services: Services): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'claimflow_api_' });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({ name: 'claimflow_http_requests_total', help: 'HTTP requests by route and status', labelNames, registers: [registry] });
  const latency = new Histogram({ name: 'claimflow_http_request_duration_seconds', help: 'HTTP request latency by route', labelNames, buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry] });

  // Every business gauge refreshes through `refresh` (below) when scraped.
  const gauge = (name: string, help: string, labels: string[] = []) => new Gauge({ name, help, labelNames: labels, registers: [registry], collect: () => refresh() });
  const claims = gauge('claimflow_claims', 'claims per stage', ['stage']);
  const unclear = gauge('claimflow_unclear_payments', 'bank lines waiting in the unclear-payments queue');
  const unclearAge = gauge('claimflow_unclear_payments_oldest_age_seconds', 'age of the oldest line in the unclear-payments queue (0 when empty)');
  const runs = gauge('claimflow_payout_runs_awaiting_approval', 'payout runs previewed and not yet approved');
  const failed = gauge('claimflow_failed_deliveries', 'documents not sent whose delivery failed');
  const nearLimitation = gauge('claimflow_claims_near_limitation', 'open claims whose limitation date lies within the sweep horizon');
  const lastImport = gauge('claimflow_last_bank_import_timestamp_seconds', 'when a bank statement file was last imported (0: never)');
  const lastBackup = gauge('claimflow_last_backup_timestamp_seconds', 'when the nightly backup last succeeded (0: never)');
  // One query round per scrape, shared by the gauges: prom-client collects them concurrently, so
  // each awaits the same load (reused for a second) before its value is read.
  const load = async () => {
    const f = await services.monitoring.figures();
    const now = Date.now();
    claims.reset();
    for (const s of f.claimsByStage) claims.set({ stage: s.stage }, s.count);
    unclear.set(f.unclearLines);
    unclearAge.set(f.oldestUnclearAt ? (now - f.oldestUnclearAt.getTime()) / 1000 : 0);
    runs.set(f.payoutRunsAwaitingApproval);
    failed.set(f.failedDeliveries);
    nearLimitation.set(f.claimsNearLimitation);
    lastImport.set(f.lastBankImportAt ? f.lastBankImportAt.getTime() / 1000 : 0);
    lastBackup.set(f.lastBackupAt ? f.lastBackupAt.getTime() / 1000 : 0);
  };
  let loaded: { at: number; done: Promise<void> } | undefined;
  function refresh(): Promise<void> {
    if (!loaded || Date.now() - loaded.at > 1000) loaded = { at: Date.now(), done: load() };
    return loaded.done;
  }

  const track: RequestHandler = (req, res, next) => {
    const end = latency.startTimer();
    res.on('finish', () => {
      const route = req.route ? routeLabel(req.originalUrl, String(req.route.path)) : 'unmatched';
      const labels = { method: req.method, route, status: String(res.statusCode) };
      requests.inc(labels);
      end(labels);
    });
    next();
  };
  return { registry, track };
}

/**
 * The full pattern of the route that answered. When the response finishes, express has already
 * restored `req.baseUrl`, so the mount point is taken from the URL: the area routers are mounted at
 * /api, app-level routes carry their full path.
 */
function routeLabel(originalUrl: string, routePath: string): string {
  return originalUrl.startsWith('/api/') && !routePath.startsWith('/api/') ? `/api${routePath}` : routePath;
}
