/**
 * `balloon init <new.json> [--from scenario]`: start a scenario file from a bundled one
 * (default: the baseline), with `$schema` pointing at the package's published JSON
 * Schema so an editor completes and checks fields.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { usageError } from './errors';
import { loadScenarioFile } from './load';
import { displayPath, packageRoot } from './paths';
import { checkOutputs } from './outputs';
import { writeAtomic } from './write';

export interface InitOptions {
  from?: string;
  force?: boolean;
}

export function initCommand(target: string, options: InitOptions, stdout: (text: string) => void): void {
  if (!target.toLowerCase().endsWith('.json')) throw usageError(`init: expected a new file name ending in .json, got "${target}"`);
  if (existsSync(target) && !options.force) throw usageError(`init: "${target}" exists already; pass --force to replace it`);
  checkOutputs([{ option: 'file', path: target }]);
  // Validate the source first, so a new file always starts valid.
  const source = loadScenarioFile(options.from ?? 'baseline');
  const input = JSON.parse(readFileSync(source.path, 'utf8')) as Record<string, unknown>;
  const schema = relative(dirname(resolve(target)), join(packageRoot(), 'scenario.schema.json')).split(sep).join('/');
  const rest = { ...input };
  delete rest.$schema;
  writeAtomic(target, JSON.stringify({ $schema: schema, ...rest }, null, 2) + '\n');
  stdout(`wrote ${displayPath(resolve(target))} from ${source.file}; edit it, then: balloon validate ${target}\n`);
}
