/**
 * The README's example of validation errors (the block after "For example:" under **Errors.**)
 * is what `balloon validate` prints: each line is made by breaking the baseline the way the
 * line says, and must come out word for word (after the `balloon: FILE: ` prefix); the JSON
 * syntax error's line and column depend on the file, so that one is matched with its numbers free.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { balloon, ensureBuilt, errorLines, ROOT, tempDir } from '../cli/helpers';
import { blocksOf } from './shellBlocks';

type Json = Record<string, any>;
const baseline = (): Json => JSON.parse(readFileSync(join(ROOT, 'scenarios', 'baseline.json'), 'utf8')) as Json;

/** The documented lines, in order. */
function documentedErrors(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const at = readme.indexOf('**Errors.**');
  const blockLine = readme.slice(0, readme.indexOf('\n```\n', at) + 1).split('\n').length + 1;
  const block = blocksOf(ROOT, 'README.md').find((b) => b.line === blockLine);
  if (!block || block.lang !== '') throw new Error('README.md: the output block of **Errors.** was not found');
  return block.text.split('\n').filter((l) => l.trim() !== '');
}

/** How to break the baseline so that it gives each documented line (keyed by the line's path). */
const BREAK: Record<string, (s: Json) => Json | string> = {
  'countries[3].corruption': (s) => ((s.countries[3].corruption = 'high'), s),
  'countries[0].polcie': (s) => {
    const { police, ...rest } = s.countries[0];
    s.countries[0] = { ...rest, polcie: police };
    return s;
  },
  'routes[2].mode': (s) => ((s.routes[2].mode = 'boat'), s),
  'policies[4].route': (s) => {
    const lever = (country: string) => ({ lever: 'interdiction', country, start: '2005-01', budgetUsdPerYear: 1e7 });
    s.policies = [lever('COL'), lever('PER'), lever('BOL'), lever('MEX'), { ...lever('USA'), route: 'COL-PAN-sea' }];
    return s;
  },
  // No route into the US: its market cannot be supplied.
  'markets[0].country': (s) => ((s.routes = s.routes.filter((r: Json) => r.to !== 'USA')), s),
  // The third country (police is its last key) closed with "]".
  'countries[2].police': (s) => {
    const text = JSON.stringify(s, null, 2);
    const police = text.indexOf('"police"', text.indexOf(`"id": "${s.countries[2].id}"`));
    const close = text.indexOf('\n    }', police);
    return `${text.slice(0, close)}\n    ]${text.slice(close + '\n    }'.length)}`;
  },
};

describe('README: the example of validation errors', () => {
  beforeAll(() => ensureBuilt());
  const lines = documentedErrors();

  it('has the six documented lines, each with a way to produce it here', () => {
    expect(lines).toHaveLength(6);
    for (const line of lines) expect(Object.keys(BREAK), line).toContain(line.slice(0, line.indexOf(':')));
  });

  for (const line of lines) {
    const path = line.slice(0, line.indexOf(':'));
    it(`balloon validate prints: ${line}`, () => {
      const broken = BREAK[path](baseline());
      const file = join(tempDir(), 'my.json');
      writeFileSync(file, typeof broken === 'string' ? broken : JSON.stringify(broken, null, 2));
      const r = balloon(['validate', file]);
      expect(r.code).toBe(1);
      const printed = errorLines(r).map((l) => l.replace(/^balloon: [^:]+: /, ''));
      if (path === 'countries[2].police') {
        const pattern = line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/line \d+, column \d+/, 'line \\d+, column \\d+');
        expect(printed.some((p) => new RegExp(`^${pattern}$`).test(p)), printed.join('\n')).toBe(true);
      } else expect(printed).toContain(line);
    });
  }
});
