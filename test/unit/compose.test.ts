/** Static checks of temporal-compose.yml and infra/docker/Dockerfile (no Docker engine needed). */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { SEARCH_ATTRIBUTE_TYPES } from '../../contracts/search-attributes';

const ROOT = path.resolve(__dirname, '../..');

interface Service {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  entrypoint?: string | string[];
  environment?: Record<string, string> | string[];
  depends_on?: string[] | Record<string, { condition?: string; required?: boolean }>;
  ports?: Array<string | number | { published?: string | number }>;
  profiles?: string[];
  secrets?: Array<string | { source: string; target?: string }>;
  healthcheck?: { test?: unknown; disable?: boolean };
  volumes?: Array<string | { source?: string; target?: string }>;
}
interface Compose {
  services: Record<string, Service>;
  secrets?: Record<string, { file?: string }>;
}

const compose = parse(fs.readFileSync(path.join(ROOT, 'temporal-compose.yml'), 'utf8'), { merge: true }) as Compose;
const services = compose.services;
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** `${VAR:-default}` / `${VAR-default}` → default, `${VAR}` → '' (what compose does with VAR unset). */
const interpolate = (s: string) => s.replace(/\$\{[A-Z0-9_]+(?::?-([^}]*))?\}/g, (_, d: string | undefined) => d ?? '');
const env = (s: Service): Record<string, string> =>
  Array.isArray(s.environment)
    ? Object.fromEntries(s.environment.map((e) => [e.split('=')[0], e.slice(e.indexOf('=') + 1)]))
    : Object.fromEntries(Object.entries(s.environment ?? {}).map(([k, v]) => [k, String(v)]));
const commandText = (s: Service) => [s.entrypoint, s.command].flat().filter((x) => x !== undefined).join(' ');
const dependsOn = (s: Service) => (Array.isArray(s.depends_on) ? Object.fromEntries(s.depends_on.map((d) => [d, {}])) : s.depends_on ?? {}) as Record<string, { condition?: string; required?: boolean }>;

/** What each claimflow process reads from its environment. */
const PROCESS_ENV = {
  'claimflow-worker': [
    'DATABASE_URL', 'TEMPORAL_ADDRESS', 'SMTP_URL', 'SFTP_URL', 'SFTP_KEY_FILE', 'CENTRE_NAME', 'CENTRE_EMAIL', 'CENTRE_ADDRESS', 'CENTRE_IMPRINT',
    'WORKER_ROLE', 'TASK_QUEUE_BASE', 'WORKER_MAX_ACTIVITIES', 'WORKER_MAX_LOCAL_ACTIVITIES', 'WORKER_MAX_WORKFLOW_TASKS', 'WORKER_MAX_CACHED_WORKFLOWS',
    'WORKER_METRICS_ADDRESS', 'WORKER_HEALTH_PORT',
    'DOCUMENT_ENCRYPTION_KEY', 'DMS_URL', 'FAX_URL', 'PRINT_DROP_DIR',
    'BANK_SFTP_URL', 'BANK_SFTP_KEY_FILE',
    'BACKUP_DIR', 'BACKUP_SFTP_URL', 'BACKUP_SFTP_KEY_FILE', 'BACKUP_KEY_FILE', 'BACKUP_KEY', 'TEMPORAL_DB_FILE',
  ],
  'claimflow-api': [
    'DATABASE_URL', 'TEMPORAL_ADDRESS', 'PORT', 'API_HOST', 'API_ALLOW_NETWORKS', 'AUTH_TOKEN_SECRET',
    'OIDC_JWKS_URL', 'OIDC_ISSUER', 'OIDC_AUDIENCE', 'OIDC_ROLES_CLAIM', 'OIDC_NAME_CLAIM', 'OIDC_PARTNER_CLAIM', 'TASK_QUEUE_BASE', 'DOCUMENT_ENCRYPTION_KEY', 'DMS_URL', 'CENTRE_NAME', 'CENTRE_EMAIL', 'CENTRE_ADDRESS', 'CENTRE_IMPRINT'],
  'claimflow-migrate': ['DATABASE_URL'],
};

/** Environment variables read by the code the images run (infra/local: stand-ins, never in production). */
function envVarsReadBySources(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (path.relative(ROOT, p) !== path.join('infra', 'local')) walk(p);
      } else if (/\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name)) {
        const src = fs.readFileSync(p, 'utf8');
        for (const re of [/process\.env\.([A-Z][A-Z0-9_]*)/g, /process\.env\[['"]([A-Z][A-Z0-9_]*)['"]\]/g, /\brequired\(['"]([A-Z][A-Z0-9_]*)['"]\)/g]) {
          for (const m of src.matchAll(re)) names.add(m[1]);
        }
        // A computed lookup hides names from this scan; only workers/main.ts's required() helper may do it.
        if (/process\.env\[(?!['"])/.test(src)) expect(path.relative(ROOT, p)).toBe(path.join('workers', 'main.ts'));
      }
    }
  };
  for (const d of ['workers', 'api', 'infra', 'activities', 'services', 'persistence', 'contracts', 'workflows', 'domain', 'documents']) walk(path.join(ROOT, d));
  // prisma.config.ts runs in the migration job.
  for (const m of fs.readFileSync(path.join(ROOT, 'prisma.config.ts'), 'utf8').matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)) names.add(m[1]);
  return names;
}

describe('temporal-compose.yml', () => {
  test('has the expected services', () => {
    expect(Object.keys(services).sort()).toEqual(
      ['claimflow-api', 'claimflow-migrate', 'claimflow-worker', 'mailpit', 'postgresql', 'sftp', 'temporal', 'temporal-setup', 'temporal-ui'].sort(),
    );
  });

  test('every depends_on names an existing service; conditions are satisfiable', () => {
    for (const [name, s] of Object.entries(services)) {
      for (const [dep, opts] of Object.entries(dependsOn(s))) {
        expect({ name, dep, exists: dep in services }).toEqual({ name, dep, exists: true });
        if (opts.condition === 'service_healthy') expect({ dep, healthcheck: !!services[dep].healthcheck?.test }).toEqual({ dep, healthcheck: true });
        // A service outside a profile can only hard-depend on services that always run.
        if (services[dep].profiles?.length && !s.profiles?.length) expect({ name, dep, required: opts.required }).toEqual({ name, dep, required: false });
      }
    }
  });

  test('every service has an image or a build whose Dockerfile exists; images are pinned', () => {
    for (const [name, s] of Object.entries(services)) {
      expect({ name, hasSource: !!(s.image || s.build) }).toEqual({ name, hasSource: true });
      if (s.build) {
        const b = typeof s.build === 'string' ? { context: s.build } : s.build;
        const dockerfile = path.resolve(ROOT, b.context ?? '.', b.dockerfile ?? 'Dockerfile');
        expect({ name, dockerfile: path.relative(ROOT, dockerfile), exists: fs.existsSync(dockerfile) }).toEqual({ name, dockerfile: path.relative(ROOT, dockerfile), exists: true });
      }
      if (s.image) {
        const image = interpolate(s.image);
        const tag = /@sha256:[0-9a-f]{64}$/.test(image) ? 'digest' : image.split('/').pop()!.split(':')[1];
        expect({ name, image, tag: tag && tag !== 'latest' ? 'pinned' : tag }).toEqual({ name, image, tag: 'pinned' });
      }
    }
  });

  test('published host ports are unique', () => {
    const published = Object.values(services).flatMap((s) =>
      (s.ports ?? []).map((p) => {
        if (typeof p === 'object') return String(p.published);
        const parts = String(p).split(':');
        return parts.length > 1 ? parts[parts.length - 2] : parts[0];
      }),
    );
    expect(published.length).toBeGreaterThan(0);
    expect(new Set(published).size).toBe(published.length);
    expect(services['temporal-ui'].ports).toContain('8233:8080');
    // The API is published on the host's loopback unless the operator names another address.
    expect(services['claimflow-api'].ports).toContain('${API_PUBLISH_HOST:-127.0.0.1}:3000:3000');
  });

  test('the setup job registers exactly SEARCH_ATTRIBUTE_TYPES on the default namespace', () => {
    const setup = commandText(services['temporal-setup']);
    const registered = Object.fromEntries([...setup.matchAll(/search-attribute create --name (\S+) --type (\S+)/g)].map((m) => [m[1], m[2]]));
    expect(registered).toEqual(SEARCH_ATTRIBUTE_TYPES);
    expect([...setup.matchAll(/search-attribute create/g)]).toHaveLength(Object.keys(SEARCH_ATTRIBUTE_TYPES).length);
    expect(env(services['temporal-setup'])).toMatchObject({ TEMPORAL_ADDRESS: 'temporal:7233', TEMPORAL_NAMESPACE: 'default' });
    expect(dependsOn(services['claimflow-worker'])['temporal-setup']).toEqual({ condition: 'service_completed_successfully' });
  });

  test('Temporal runs on the postgresql service; the UI points at it', () => {
    const t = env(services.temporal);
    expect(services.temporal.image).toMatch(/^temporalio\/auto-setup:1\.29\.\d+$/);
    expect(t).toMatchObject({ DB: 'postgres12', POSTGRES_SEEDS: 'postgresql', DB_PORT: '5432' });
    expect(interpolate(t.POSTGRES_PWD)).toBe(interpolate(env(services.postgresql).POSTGRES_PASSWORD));
    expect(t.POSTGRES_USER).toBe(env(services.postgresql).POSTGRES_USER);
    expect(dependsOn(services.temporal).postgresql).toEqual({ condition: 'service_healthy' });
    expect(env(services['temporal-ui']).TEMPORAL_ADDRESS).toBe('temporal:7233');
  });

  test('the claimflow database and role are created by a mounted init script', () => {
    const initMount = (services.postgresql.volumes ?? []).map(String).find((v) => v.includes(':/docker-entrypoint-initdb.d'));
    expect(initMount).toBeDefined();
    const initDir = path.resolve(ROOT, initMount!.split(':')[0]);
    const scripts = fs.readdirSync(initDir).filter((f) => /\.(sh|sql)$/.test(f));
    expect(scripts.length).toBeGreaterThan(0);
    const sql = scripts.map((f) => fs.readFileSync(path.join(initDir, f), 'utf8')).join('\n');
    const url = new URL(interpolate(env(services['claimflow-worker']).DATABASE_URL));
    expect(url.hostname).toBe('postgresql');
    expect(sql).toContain(`CREATE ROLE ${decodeURIComponent(url.username)} LOGIN`);
    expect(sql).toContain(`CREATE DATABASE ${url.pathname.slice(1)} OWNER ${decodeURIComponent(url.username)}`);
    // The password the script sets is the one DATABASE_URL uses.
    expect(env(services.postgresql).CLAIMFLOW_DB_PASSWORD).toBe('${CLAIMFLOW_DB_PASSWORD:-' + decodeURIComponent(url.password) + '}');
  });

  test('the code reads no environment variable the claimflow services are not given', () => {
    const declared = new Set(Object.values(PROCESS_ENV).flat());
    const read = envVarsReadBySources();
    expect([...read].filter((n) => !declared.has(n)).sort()).toEqual([]);
    expect([...declared].filter((n) => !read.has(n)).sort()).toEqual([]);
  });

  test('the worker, API and migration job get every variable they read, with one DATABASE_URL', () => {
    for (const [name, vars] of Object.entries(PROCESS_ENV)) {
      const e = env(services[name]);
      expect({ name, missing: vars.filter((v) => !e[v]) }).toEqual({ name, missing: [] });
    }
    const urls = Object.keys(PROCESS_ENV).map((n) => env(services[n]).DATABASE_URL);
    expect(new Set(urls).size).toBe(1);
    for (const n of ['claimflow-worker', 'claimflow-api']) expect(env(services[n]).TEMPORAL_ADDRESS).toBe('temporal:7233');
    expect(env(services['claimflow-api']).PORT).toBe('3000');
  });

  test('SFTP_KEY_FILE is a mounted secret', () => {
    const worker = services['claimflow-worker'];
    const keyFile = env(worker).SFTP_KEY_FILE;
    const m = /^\/run\/secrets\/(.+)$/.exec(keyFile);
    expect(m).not.toBeNull();
    const names = (worker.secrets ?? []).map((s) => (typeof s === 'string' ? s : s.target ?? s.source));
    expect(names).toContain(m![1]);
    expect(compose.secrets?.[m![1]]?.file).toBeTruthy();
  });

  test('claimflow services run existing npm scripts from the built image after the migration', () => {
    expect(commandText(services['claimflow-worker'])).toBe('npm run worker');
    expect(commandText(services['claimflow-api'])).toBe('npm run api');
    expect(commandText(services['claimflow-migrate'])).toBe('npx prisma migrate deploy');
    expect(pkg.devDependencies.prisma ?? pkg.dependencies.prisma).toBeDefined();
    for (const [name, s] of Object.entries(services)) {
      for (const m of commandText(s).matchAll(/npm run (\S+)/g)) expect({ name, script: m[1], exists: m[1] in pkg.scripts }).toEqual({ name, script: m[1], exists: true });
    }
    const image = services['claimflow-migrate'].image;
    for (const n of ['claimflow-worker', 'claimflow-api']) {
      expect(services[n].image).toBe(image);
      expect(dependsOn(services[n])).toMatchObject({
        'claimflow-migrate': { condition: 'service_completed_successfully' },
        temporal: { condition: 'service_healthy' },
      });
    }
  });

  test('mail and SFTP stand-ins exist only in the local profile and match the default URLs', () => {
    for (const n of ['mailpit', 'sftp']) expect(services[n].profiles).toEqual(['local']);
    for (const n of Object.keys(services).filter((n) => n !== 'mailpit' && n !== 'sftp')) expect(services[n].profiles).toBeUndefined();
    const w = env(services['claimflow-worker']);
    expect(new URL(interpolate(w.SMTP_URL)).hostname).toBe('mailpit');
    const sftp = new URL(interpolate(w.SFTP_URL));
    expect(sftp.hostname).toBe('sftp');
    expect(commandText(services.sftp)).toMatch(new RegExp(`^${sftp.username}:.*:${sftp.pathname.slice(1)}$`));
  });
});

describe('infra/docker/Dockerfile', () => {
  const dockerfilePath = path.join(ROOT, 'infra/docker/Dockerfile');
  // Join continuation lines, drop comments.
  const lines = fs
    .readFileSync(dockerfilePath, 'utf8')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const ignored = fs
    .readFileSync(`${dockerfilePath}.dockerignore`, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

  test('is a multi-stage build on node:20-bookworm-slim', () => {
    expect(lines.filter((l) => /^FROM /i.test(l)).length).toBeGreaterThanOrEqual(2);
    expect(lines.find((l) => /^ARG NODE_IMAGE=/.test(l))).toBe('ARG NODE_IMAGE=node:20-bookworm-slim');
    expect(lines.some((l) => /^RUN .*npm ci\b/.test(l))).toBe(true);
    expect(lines.some((l) => /^RUN .*prisma generate\b/.test(l))).toBe(true);
  });

  test('every COPY source from the context exists and is not excluded by the .dockerignore', () => {
    const sources = lines
      .filter((l) => /^COPY /i.test(l) && !/--from=/.test(l))
      .flatMap((l) => l.split(/\s+/).slice(1).filter((a) => !a.startsWith('--')).slice(0, -1));
    expect(sources.length).toBeGreaterThan(0);
    for (const src of sources) {
      expect({ src, exists: fs.existsSync(path.join(ROOT, src)) }).toEqual({ src, exists: true });
      const excluded = ignored.filter((pattern) => {
        const p = pattern.replace(/^\*\*\//, '');
        return src === p || src.startsWith(`${p}/`) || `/${src}`.includes(`/${p}/`);
      });
      expect({ src, excluded }).toEqual({ src, excluded: [] });
    }
  });

  test('the .dockerignore keeps local state out of the context', () => {
    for (const p of ['**/node_modules', '.data', 'prisma/generated', 'dist', '.git', '.scratch']) expect(ignored).toContain(p);
  });

  test('the final stage runs as a non-root user', () => {
    const lastFrom = lines.map((l) => /^FROM /i.test(l)).lastIndexOf(true);
    const users = lines.slice(lastFrom).filter((l) => /^USER /i.test(l));
    expect(users.length).toBeGreaterThan(0);
    expect(users[users.length - 1].split(/\s+/)[1]).not.toMatch(/^(root|0)(:|$)/);
  });
});
