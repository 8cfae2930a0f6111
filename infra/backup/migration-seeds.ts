import fs from 'node:fs';
import path from 'node:path';

const MIGRATIONS = path.resolve(__dirname, '../../prisma/migrations');

/**
 * Tables the migrations fill with reference data (`INSERT INTO "X" (…) VALUES`, e.g. the base
 * rates): their rows are in every migrated database, so they do not make a database "hold data";
 * a restore replaces them with the archive's.
 */
export function seededTables(): string[] {
  const tables = new Set<string>();
  for (const dir of fs.readdirSync(MIGRATIONS)) {
    const file = path.join(MIGRATIONS, dir, 'migration.sql');
    if (!fs.existsSync(file)) continue;
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/INSERT INTO "(\w+)"\s*\([^)]*\)\s*VALUES/g)) tables.add(m[1]);
  }
  return [...tables].sort();
}
