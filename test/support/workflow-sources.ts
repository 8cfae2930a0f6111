import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');

/** Every workflow type the worker's bundle exports (workflows/index.ts), with the file defining it. */
export function workflowTypes(): Array<{ type: string; file: string }> {
  const index = fs.readFileSync(path.join(ROOT, 'workflows/index.ts'), 'utf8');
  return [...index.matchAll(/export \{([^}]+)\} from '([^']+)'/g)].flatMap(([, names, from]) =>
    names.split(',').map((n) => ({ type: n.trim(), file: path.relative(ROOT, resolveModule(path.join(ROOT, 'workflows'), from)) })),
  );
}

function resolveModule(fromDir: string, spec: string): string {
  const base = path.resolve(fromDir, spec);
  const found = [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
  if (!found) throw new Error(`cannot resolve ${spec} from ${fromDir}`);
  return found;
}

/** The file as the bundle runs it: types and comments gone, so only what can change commands counts. */
function compiled(file: string): string {
  return ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, removeComments: true } }).outputText;
}

/**
 * The fingerprint of a workflow type's code: the compiled text of its file and of every file it
 * imports a value from, transitively (workflows/, contracts/, domain/; packages excluded: their
 * versions are the lockfile's). A type-only import or a comment does not change it.
 */
export function workflowSourceHash(file: string): string {
  const seen = new Map<string, string>();
  const visit = (abs: string) => {
    if (seen.has(abs)) return;
    const js = compiled(abs);
    seen.set(abs, js);
    for (const [, spec] of js.matchAll(/require\("(\.[^"]+)"\)/g)) visit(resolveModule(path.dirname(abs), spec));
  };
  visit(path.join(ROOT, file));
  const hash = crypto.createHash('sha256');
  for (const abs of [...seen.keys()].sort()) hash.update(`${path.relative(ROOT, abs)}\n${seen.get(abs)}\n`);
  return hash.digest('hex');
}
