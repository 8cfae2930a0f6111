import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { MigrationPg, NameAsTextClient, poolConfigFromUrl } from './infra/db/migration-adapter';

// Prisma 6.19 with the Wasm schema engine: works offline (no engine download), see README.
// `prisma generate` needs no database, but without an adapter Prisma falls back to downloading
// its binary engine: give it a placeholder URL it never connects to.
process.env.DATABASE_URL ??= 'postgresql://claimflow@127.0.0.1:1/unset';
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  async adapter() {
    return new MigrationPg({ ...poolConfigFromUrl(process.env.DATABASE_URL!), Client: NameAsTextClient });
  },
});
