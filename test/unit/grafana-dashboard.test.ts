import fs from 'node:fs';
import path from 'node:path';
import { apiMetrics } from '../../api/system/api-metrics';
import type { Services } from '../../services';

/**
 * The Grafana dashboard in infra/ is checked statically: valid JSON, every panel queries the
 * Prometheus datasource variable, and every metric it names exists: the API's (from its registry)
 * or the Temporal SDK's (names recorded from a real scrape of the worker's exporter).
 */

const dashboard = JSON.parse(fs.readFileSync(path.join(__dirname, '../../infra/grafana/claimflow-dashboard.json'), 'utf8'));
const sdkNames = new Set(fs.readFileSync(path.join(__dirname, '../fixtures/temporal-sdk-metrics.txt'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')));
// Registering the metrics reads nothing: gauges query the services only when scraped.
const apiNames = new Set(apiMetrics({} as Services).registry.getMetricsAsArray().map((m) => m.name));

/** A histogram's series are named after it with _bucket, _count or _sum. */
function known(name: string): boolean {
  const base = name.replace(/_(bucket|count|sum)$/, '');
  return apiNames.has(name) || apiNames.has(base) || sdkNames.has(name) || sdkNames.has(base);
}

const targets: Array<{ panel: string; expr: string }> = dashboard.panels.flatMap((p: { title: string; targets: Array<{ expr: string }> }) => p.targets.map((t) => ({ panel: p.title, expr: t.expr })));

test('every panel queries the datasource variable, and the variable is declared', () => {
  expect(dashboard.templating.list.map((v: { name: string; type: string }) => [v.name, v.type])).toEqual([['datasource', 'datasource']]);
  for (const p of dashboard.panels) expect([p.title, p.datasource.uid, p.targets.length > 0]).toEqual([p.title, '${datasource}', true]);
  expect(new Set(dashboard.panels.map((p: { id: number }) => p.id)).size).toBe(dashboard.panels.length);
});

test('every metric a panel queries is one the API or the worker exports', () => {
  const names = targets.flatMap(({ panel, expr }) => (expr.match(/\b(?:claimflow|temporal)_[a-z_]+\b/g) ?? []).map((name) => ({ panel, name })));
  expect(names.length).toBeGreaterThanOrEqual(targets.length);
  expect(names.filter((n) => !known(n.name))).toEqual([]);
});

test('the business gauges operators watch each have a panel', () => {
  const queried = targets.map((t) => t.expr).join('\n');
  const gauges = [...apiNames].filter((n) => n.startsWith('claimflow_') && !n.startsWith('claimflow_api_') && !n.startsWith('claimflow_http_'));
  expect(gauges.length).toBe(8);
  expect(gauges.filter((g) => !queried.includes(g))).toEqual([]);
});
