/**
 * Writes the scenario library: scenarios/<file>.json = the baseline world
 * (scenarios/baseline.json) + each entry's name, description, sources and
 * policies (scripts/scenario-library.ts). Every file is validated before it is
 * written. `--check` writes nothing and fails if a checked-in file differs from
 * what would be generated (the library has drifted from the baseline).
 *
 *   npx tsx scripts/make-scenarios.ts          # regenerate
 *   npx tsx scripts/make-scenarios.ts --check  # verify, exit 1 on drift
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseScenario } from '../sim/scenario/validate';
import { LIBRARY, type LibraryEntry } from './scenario-library';

export const SCENARIO_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'scenarios');

/** Keys the library copies from the baseline unchanged: the world and the clock. */
const WORLD_KEYS = ['start', 'end', 'ticksPerYear', 'burnInYears', 'seed', 'countries', 'regions', 'routes', 'markets', 'traffickers', 'behaviour'] as const;

type Json = Record<string, unknown>;

/** The library scenario of `entry`, as plain JSON in the key order of the baseline file. */
export function buildScenario(baseline: Json, entry: LibraryEntry): Json {
  const out: Json = { $schema: '../scenario.schema.json', name: entry.name, description: entry.description };
  const baseSources = Array.isArray(baseline.sources) ? (baseline.sources as string[]) : [];
  out.sources = [...entry.sources, ...baseSources.filter((s) => !entry.sources.includes(s))];
  for (const key of WORLD_KEYS) if (baseline[key] !== undefined) out[key] = structuredClone(baseline[key]);
  out.policies = structuredClone(entry.policies);
  return out;
}

/**
 * Compact, diff-friendly JSON: one top-level key per line, each element of a
 * top-level array (a country, a route, a policy...) on one line, objects pretty.
 */
export function formatScenario(s: Json): string {
  const keys = Object.keys(s);
  const lines = ['{'];
  keys.forEach((key, i) => {
    const value = s[key];
    const comma = i < keys.length - 1 ? ',' : '';
    if (Array.isArray(value) && value.length > 0) {
      lines.push(`  ${JSON.stringify(key)}: [`);
      value.forEach((item, j) => lines.push(`    ${JSON.stringify(item)}${j < value.length - 1 ? ',' : ''}`));
      lines.push(`  ]${comma}`);
    } else {
      const text = JSON.stringify(value, null, 2).split('\n').join('\n  ');
      lines.push(`  ${JSON.stringify(key)}: ${text}${comma}`);
    }
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

export function readBaseline(dir = SCENARIO_DIR): Json {
  return JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8')) as Json;
}

/** Every library file's name and generated text; throws on a scenario that does not validate. */
export function generateLibrary(dir = SCENARIO_DIR): { file: string; text: string }[] {
  const baseline = readBaseline(dir);
  return LIBRARY.map((entry) => {
    const scenario = buildScenario(baseline, entry);
    const parsed = parseScenario(scenario);
    if (!parsed.ok) throw new Error(`${entry.file}.json: ${parsed.errors.map((e) => e.message).join('; ')}`);
    return { file: `${entry.file}.json`, text: formatScenario(scenario) };
  });
}

function main(args: string[]): number {
  const check = args.includes('--check');
  let files: { file: string; text: string }[];
  try {
    files = generateLibrary();
  } catch (error) {
    console.error(`make-scenarios: ${(error as Error).message}`);
    return 1;
  }
  const stale: string[] = [];
  for (const { file, text } of files) {
    const path = join(SCENARIO_DIR, file);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (current === text) continue;
    if (check) stale.push(file);
    else {
      writeFileSync(path, text);
      console.log(`wrote scenarios/${file}`);
    }
  }
  if (check && stale.length > 0) {
    console.error(`make-scenarios: out of date (run npx tsx scripts/make-scenarios.ts): ${stale.join(', ')}`);
    return 1;
  }
  if (check) console.log(`make-scenarios: ${files.length} library scenarios up to date`);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv.slice(2));
