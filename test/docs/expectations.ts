/**
 * The shape of what documented commands print and write, as the README describes it: a
 * command that exits 0 but prints or writes something else fails too. Matched on the
 * documented command; every match applies.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { parseCsv } from '../../sim/io/csv';

export interface Ran {
  /** The documented command. */
  command: string;
  stdout: string;
  stderr: string;
  /** The scratch directory the command ran in. */
  dir: string;
  /** Extra environment it ran with. */
  env: Record<string, string>;
}

interface Expectation {
  when: RegExp;
  what: string;
  check: (r: Ran) => void;
}

const TIDY = ['seed', 'tick', 'date', 'year', 'kind', 'entity', 'measure', 'unit', 'value'];
const SUMMARY_KEY = /^[A-Za-z][A-Za-z0-9]*(\.[^.]+)?\.(initial|final|total)$/;
const csvOf = (dir: string, file: string) => parseCsv(readFileSync(join(dir, file), 'utf8'));
const fileOf = (dir: string, file: string) => {
  expect(existsSync(join(dir, file)), `${file} written`).toBe(true);
  return readFileSync(join(dir, file), 'utf8');
};

/** The README's example sweep (examples/peru-enforcement.sweep.json): its varied parameters, in order. */
const EXAMPLE_PARAMETERS = (
  JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples', 'peru-enforcement.sweep.json'), 'utf8')) as { parameters: { path: string }[] }
).parameters.map((p) => p.path);

function sweepDir(r: Ran, command: string): string {
  const out = /--out (\S+)/.exec(command)?.[1];
  if (!out) throw new Error(`no --out in ${command}`);
  return join(r.dir, out.replace(/\$(\w+)/g, (_, name: string) => r.env[name] ?? ''));
}

export const EXPECTATIONS: Expectation[] = [
  {
    when: /^npx balloon run(?!.*(--quiet|-q\b))( |$)/,
    what: 'a summary: the scenario, its hash, world totals and per-block tables of first year vs last',
    check: ({ stdout, command }) => {
      expect(stdout).toMatch(/^Balloon: .+\n\d{4}-\d{2} to \d{4}-\d{2}, \d+ ticks, seeds? \d/);
      // One seed: its hash; several: the cells are intervals.
      if (command.includes('--seeds')) expect(stdout).toMatch(/^cells: mean \[5th, 95th percentile across seeds\]$/m);
      else expect(stdout).toMatch(/^hash [0-9a-f]{16}$/m);
      expect(stdout).toMatch(/^World\n {10,}\d{4} +\d{4} +change$/m);
      expect(stdout).toMatch(/^Coca cultivation by producer country \(ha\)$/m);
    },
  },
  {
    when: /--out results\.csv/,
    what: 'the tidy per-tick table, columns seed,tick,date,year,kind,entity,measure,unit,value',
    check: ({ dir }) => {
      const text = fileOf(dir, 'results.csv');
      expect(text.slice(0, text.indexOf('\n'))).toBe(TIDY.join(','));
      // A complete panel, as the README says: zeros by construction stay (the US grows no coca).
      expect(text).toMatch(/^1,0,[^,]+,\d+,country,USA,cultivationHa,ha,0$/m);
    },
  },
  {
    when: /--summary-out runs\.csv/,
    what: 'one row per seed: scenario,seed,hash, then MEASURE.ENTITY.initial|final|total',
    check: ({ dir }) => {
      const [header, ...rows] = csvOf(dir, 'runs.csv');
      expect(header.slice(0, 3)).toEqual(['scenario', 'seed', 'hash']);
      for (const key of header.slice(3)) expect(key).toMatch(SUMMARY_KEY);
      expect(rows.map((row) => row[1])).toEqual(rows.map((_, i) => String(i + 1)));
      // Outcomes zero by construction are left out (the US and Spain grow no coca).
      expect(header).toContain('cultivationHa.COL.final');
      expect(header.filter((k) => /^(cultivationHa|productionKg)\.(USA|ESP)\./.test(k))).toEqual([]);
    },
  },
  {
    when: /--out results\.jsonl/,
    what: 'the tidy table as JSON lines, of the seed asked for',
    check: ({ dir }) => {
      const first = JSON.parse(fileOf(dir, 'results.jsonl').split('\n')[0]) as Record<string, unknown>;
      expect(Object.keys(first)).toEqual(TIDY);
      expect(first.seed).toBe(5);
    },
  },
  {
    when: /^npx balloon init my-world\.json/,
    what: 'a scenario file with $schema set',
    check: ({ dir }) => expect((JSON.parse(fileOf(dir, 'my-world.json')) as { $schema?: string }).$schema).toMatch(/scenario\.schema\.json$/),
  },
  {
    when: /^npx balloon validate /,
    what: '"ok: NAME (N countries, ...)"',
    check: ({ stdout }) => expect(stdout).toMatch(/^ok: .+ \(\d+ countries, \d+ regions, \d+ routes, \d+ markets, .*\)\n$/),
  },
  {
    when: /^npx balloon compare /,
    what: 'both scenarios on the same seeds, paired differences with a 90% interval',
    check: ({ stdout }) => {
      expect(stdout).toMatch(/^Balloon compare, seeds 1\.\.\d+ \(\d+ paired runs each\)$/m);
      expect(stdout).toMatch(/^outcome +a +b +b - a +90% CI of b - a +change$/m);
    },
  },
  {
    when: /--out diff\.csv/,
    what: 'every outcome of the comparison as CSV',
    check: ({ dir }) => expect(csvOf(dir, 'diff.csv')[0]).toEqual(['outcome', 'a', 'b', 'difference', 'differenceLo', 'differenceHi', 'relative', 'seeds', 'level']),
  },
  {
    when: /^npx balloon effect .*--policy/,
    what: 'the displacement index and cost-effectiveness, each with a 90% interval',
    check: ({ stdout }) => {
      expect(stdout).toMatch(/^displacement index \(0 none, 1 all\) +-?[\d.]+ +\[-?[\d.]+, -?[\d.]+\]$/m);
      expect(stdout).toMatch(/^consumption change per million USD \(kg\) /m);
    },
  },
  {
    when: /--out effect\.json/,
    what: 'the effect as JSON',
    check: ({ dir }) => expect(typeof JSON.parse(fileOf(dir, 'effect.json'))).toBe('object'),
  },
  {
    when: /^npx balloon facts/,
    what: 'the stylised facts, citing the specification shipped in docs/',
    check: ({ stdout }) => {
      expect(stdout).toMatch(/^Balloon stylised facts \(docs\/specification\.md §7\) in /);
      expect(stdout).not.toMatch(/shared\//);
    },
  },
  {
    when: /--out facts\.csv/,
    what: 'the facts as CSV',
    check: ({ dir }) => expect(csvOf(dir, 'facts.csv').length).toBeGreaterThan(5),
  },
  {
    when: /^npx balloon sweep examples\/peru-enforcement\.sweep\.json --out /,
    what: 'runs.csv (run, point, replicate, seed, the varied parameters, hash, outcomes), runs.parquet and manifest.json',
    check: (r) => {
      const { command } = r;
      const dir = sweepDir(r, command);
      expect(r.stdout).toMatch(/: \d+ (of \d+ )?runs.* in runs\.csv, runs\.parquet, manifest\.json/);
      const [header, ...rows] = csvOf(dir, 'runs.csv');
      expect(header.slice(0, 5 + EXAMPLE_PARAMETERS.length)).toEqual(['run', 'point', 'replicate', 'seed', ...EXAMPLE_PARAMETERS, 'hash']);
      for (const key of header.slice(5 + EXAMPLE_PARAMETERS.length)) expect(key).toMatch(SUMMARY_KEY);
      expect(header).toContain('consumedKg.world.final');
      expect(rows.length).toBeGreaterThan(0);
      expect(readFileSync(join(dir, 'runs.parquet')).subarray(0, 4).toString()).toBe('PAR1');
      expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))).toMatchObject({ format: 'balloon-sweep/1' });
      if (command.includes('--per-tick')) {
        const ticks = readdirSync(join(dir, 'ticks'));
        expect(ticks.length).toBe(rows.length);
        expect(readFileSync(join(dir, 'ticks', ticks[0]), 'utf8').split('\n')[0]).toBe(['run', ...TIDY].join(','));
      }
    },
  },
  {
    when: /^npx balloon sensitivity /,
    what: 'one ranked table per outcome shown, and sensitivity.csv',
    check: (r) => {
      const { command } = r;
      expect(r.stdout).toMatch(new RegExp(`^Sensitivity of \\d+ outcomes to ${EXAMPLE_PARAMETERS.length} parameters over \\d+ runs`));
      const titles = [...r.stdout.matchAll(/^(\S+) {2}\(R² of linear model [-\d.n/a]+, n = \d+\)$/gm)].map((m) => m[1]);
      expect(titles.length).toBeGreaterThan(0);
      const outcomes = /--outcomes (\S+)/.exec(command)?.[1];
      for (const t of titles) expect(t).toContain(outcomes ?? '.world.final');
      const top = Number(/--top (\d+)/.exec(command)?.[1] ?? 5);
      for (const table of r.stdout.split(/\n\n/).filter((t) => /R² of linear model/.test(t))) {
        expect(table.split('\n').filter((l) => /^ +\d+ {2}\S/.test(l)).length).toBeLessThanOrEqual(top);
      }
      const dir = join(r.dir, /sensitivity (\S+)/.exec(command)![1]);
      expect(csvOf(dir, 'sensitivity.csv')[0]).toEqual(['outcome', 'parameter', 'src', 'prcc', 'r2', 'rank', 'n']);
    },
  },
  {
    when: /^npx balloon merge /,
    what: 'how many runs were merged and how many are still missing',
    check: ({ stdout }) => expect(stdout).toMatch(/: \d+ of \d+ runs from \d+ director(y|ies) \(\d+ missing: run the missing shards, then merge again\)$/m),
  },
  {
    when: /^npx balloon calibrate (?!--report)/,
    what: 'the fit table, the identifiability table, and best.json, fit.csv, identifiability.csv',
    check: (r) => {
      expect(r.stdout).toMatch(/^Fit of ".+" \(best candidate, loss [\d.]+, seeds /m);
      expect(r.stdout).toMatch(/^Identifiability: /m);
      const out = join(r.dir, /--out (\S+)/.exec(r.command)![1]);
      for (const f of ['best.json', 'fit.csv', 'identifiability.csv', 'candidates.csv']) expect(existsSync(join(out, f)), f).toBe(true);
    },
  },
  {
    when: /^npx balloon calibrate --report /,
    what: 'the fit table again',
    check: ({ stdout }) => expect(stdout).toMatch(/^Fit of ".+" \(best candidate, loss [\d.]+, seeds /m),
  },
];

export function expectationsFor(command: string): Expectation[] {
  return EXPECTATIONS.filter((e) => e.when.test(command));
}
