/**
 * Which room may import which (ARCHITECTURE.md). Checked by test/unit/dependency-rules.test.ts:
 * a back-up import (a lower room reaching up, the API reaching past the services) fails CI.
 * Paths are relative to the repository root; test/, bench/ and scripts/ may use every room.
 */
const PRODUCTION = '^(domain|contracts|documents|persistence|services|activities|workflows|api|cli|infra|workers)/';
const rule = (name, comment, from, to) => ({ name, comment, severity: 'error', from, to });

module.exports = {
  forbidden: [
    rule('domain-is-pure', 'domain/ holds pure rules: it imports nothing but domain/', { path: '^domain/' }, { path: '^(contracts|documents|persistence|services|activities|workflows|api|cli|infra|workers|prisma)/' }),
    rule(
      'contracts-are-shared',
      'contracts/ is imported by workflows and clients alike: only contracts/ and domain/, no client code',
      { path: '^contracts/', pathNot: '^contracts/client/' },
      { path: '^(documents|persistence|services|activities|workflows|api|infra|workers|prisma|contracts/client)/' },
    ),
    rule('contracts-client', 'contracts/client/ starts and signals workflows: it knows workflows by type only', { path: '^contracts/client/' }, { path: '^(documents|persistence|services|activities|api|infra|workers|prisma)/' }),
    rule('contracts-client-types-only', 'workflows are started by typed helpers, never by importing their code', { path: '^contracts/client/' }, { path: '^workflows/', dependencyTypesNot: ['type-only'] }),
    rule('documents-render', 'documents/ renders from data it is given', { path: '^documents/' }, { path: '^(contracts|persistence|services|activities|workflows|api|infra|workers)/' }),
    rule('documents-render-types', 'documents/ may name database row types, never query', { path: '^documents/' }, { path: '^prisma/', dependencyTypesNot: ['type-only'] }),
    rule('persistence-is-data-access', 'persistence/ reads and writes data: no use cases, Temporal, channels or rendering', { path: '^persistence/' }, { path: '^(documents|services|activities|workflows|api|workers|contracts/client)/' }),
    rule('persistence-uses-the-db-only', 'of infra/, persistence/ uses the database client only', { path: '^persistence/' }, { path: '^infra/', pathNot: '^infra/db/' }),
    rule('services-are-below-their-callers', 'services/ are called by activities and routes, never the reverse', { path: '^services/' }, { path: '^(activities|workflows|api|workers)/' }),
    rule('activities-are-adapters', 'activities/ call services; data access and channels are behind them', { path: '^activities/' }, { path: '^(persistence|infra|prisma|documents|workflows|api|workers)/' }),
    rule('workflows-are-deterministic', 'workflows/ decide and wait: no I/O rooms, no client code', { path: '^workflows/' }, { path: '^(documents|persistence|services|api|infra|workers|prisma|contracts/client)/' }),
    rule('workflows-know-activities-by-type', 'workflows/ proxy activities by their types', { path: '^workflows/' }, { path: '^activities/', dependencyTypesNot: ['type-only'] }),
    rule('api-calls-services', 'api/ decodes, calls one service and encodes: no data access, no workers', { path: '^api/', pathNot: '^api/main\\.ts$' }, { path: '^(persistence|infra|prisma|activities|workflows|workers|documents)/' }),
    rule('api-entry-point', 'api/main.ts wires the API process: services and infra, not activities or workflows', { path: '^api/main\\.ts$' }, { path: '^(persistence|activities|workflows|workers)/' }),
    rule('cli-calls-services', 'cli/ is an edge like the API: it decodes arguments, calls services and prints', { path: '^cli/' }, { path: '^(persistence|infra|prisma|activities|workflows|workers|api|documents)/' }),
    rule('infra-is-technical', 'infra/ adapters know no business room above them', { path: '^infra/' }, { path: '^(persistence|services|activities|workflows|api|workers|contracts/client)/' }),
    rule('infra-renders-nothing', 'infra/ channels carry rendered documents: they know their types, not the renderer', { path: '^infra/' }, { path: '^documents/', dependencyTypesNot: ['type-only'] }),
    rule('workers-are-not-imported', 'workers/ is process wiring: only entry points, scripts, benchmarks and tests use it', { path: PRODUCTION, pathNot: '^workers/' }, { path: '^workers/' }),
    rule('no-workflow-code-outside-workflows', 'the worker bundles workflows/ by path; elsewhere they are known by type only', { path: PRODUCTION, pathNot: '^workflows/' }, { path: '^workflows/', dependencyTypesNot: ['type-only'] }),
    rule('production-code-stands-alone', 'production code does not import tests, benchmarks or scripts', { path: PRODUCTION }, { path: '^(test|bench|scripts)/' }),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|prisma/generated)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['es6', 'cjs'],
  },
};
