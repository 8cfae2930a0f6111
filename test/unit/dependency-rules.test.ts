import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * The rooms' import rules (ARCHITECTURE.md, .dependency-cruiser.js) hold for the whole code base,
 * and a back-up import breaks them: dependency-cruiser checks every production room.
 */

const ROOT = path.resolve(__dirname, '../..');
const CONFIG = path.join(ROOT, '.dependency-cruiser.js');
const ROOMS = ['domain', 'contracts', 'documents', 'persistence', 'services', 'activities', 'workflows', 'api', 'cli', 'infra', 'workers'];

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

/** Runs dependency-cruiser in `cwd` over `dirs`; returns the violations of the project's rules. */
function violations(cwd: string, dirs: string[], tsConfig = true): Violation[] {
  const args = ['--config', CONFIG, '--output-type', 'json', ...(tsConfig ? [] : ['--ts-config', path.join(ROOT, 'tsconfig.json')]), ...dirs];
  let out: string;
  try {
    out = execFileSync(path.join(ROOT, 'node_modules/.bin/depcruise'), args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    // depcruise exits non-zero when it finds violations; its report is still on stdout.
    out = (e as { stdout: string }).stdout;
  }
  return (JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations;
}

jest.setTimeout(60_000);

test('every production room imports only what ARCHITECTURE.md allows it', () => {
  const found = violations(ROOT, ROOMS).map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
  expect(found).toEqual([]);
});

test('a back-up import fails the check, naming the rule, the importer and the imported file', () => {
  const fixture = path.join(ROOT, 'test/fixtures/dependency-rules');
  const found = violations(fixture, ['domain', 'services', 'persistence', 'api'], false).map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
  expect(found.sort()).toEqual([
    'api-calls-services: api/fee-route.ts → persistence/fee-row.ts',
    'domain-is-pure: domain/fee.ts → services/charge.ts',
  ]);
});
