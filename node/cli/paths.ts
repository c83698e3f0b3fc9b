/** Where the package lives, so bundled scenarios resolve the same from any working directory; paths as shown to the user. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The directory of Balloon's package.json (found upward from this module: works bundled and from source). */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'balloon') return (root = dir);
      } catch {
        // not ours; keep looking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the balloon package directory');
    dir = parent;
  }
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * A scenario argument as a file path: an existing file as given (relative to the
 * working directory), else a bundled scenario by name ("baseline" or
 * "baseline.json" → scenarios/baseline.json in the package); undefined → the baseline.
 */
export function resolveScenarioPath(arg: string | undefined): string {
  if (arg === undefined) return join(packageRoot(), 'scenarios', 'baseline.json');
  if (existsSync(arg)) return resolve(arg);
  if (isBareName(arg)) {
    const bundled = join(packageRoot(), 'scenarios', arg.endsWith('.json') ? arg : `${arg}.json`);
    if (existsSync(bundled)) return bundled;
  }
  return resolve(arg);
}

/** The names of the bundled scenarios (scenarios/*.json in the package), sorted. */
export function bundledScenarioNames(): string[] {
  try {
    return readdirSync(join(packageRoot(), 'scenarios'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -'.json'.length))
      .sort();
  } catch {
    return [];
  }
}

/** True when an argument can only be a bundled name (no directory part). */
export function isBareName(arg: string): boolean {
  return !/[\\/]/.test(arg);
}

/** A short name for messages: relative to the working directory when that is shorter. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && rel.length < path.length ? rel : path;
}
