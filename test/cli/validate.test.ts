import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { balloon, ensureBuilt, errorLines, FIXTURE, hasStack, ROOT, tempDir } from './helpers';

const fixture = () => JSON.parse(readFileSync(FIXTURE, 'utf8'));

describe('balloon validate', () => {
  let dir: string;
  beforeAll(() => {
    ensureBuilt();
    dir = tempDir();
  });

  const write = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return path;
  };

  it('accepts a valid file and describes it in one line', () => {
    const r = balloon(['validate', FIXTURE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok: CLI test world \(6 countries, 3 regions, 8 routes, 2 markets, 2 policies, 1000 growers, 12 trafficking organisations, 2000-01 to 2005-12\)\n$/);
    expect(r.stderr).toBe('');
  });

  it('names the path, the expectation and what was found for a wrong value', () => {
    const s = fixture();
    s.countries[2].corruption = 'high';
    const r = balloon(['validate', write('bad-value.json', s)]);
    expect(r.code).toBe(1);
    const lines = errorLines(r);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('bad-value.json');
    expect(lines[0]).toContain('countries[2].corruption');
    expect(lines[0]).toContain('"high"');
    expect(hasStack(r.stderr)).toBe(false);
  });

  it('rejects unknown keys, naming them', () => {
    const s = fixture();
    s.markets[0].usres = 5;
    const r = balloon(['validate', write('unknown-key.json', s)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('markets[0]');
    expect(r.stderr).toContain('usres');
    expect(hasStack(r.stderr)).toBe(false);
  });

  it('reports every error, one line each', () => {
    const s = fixture();
    s.countries[0].governance = 2;
    s.routes[1].mode = 'submarine';
    const r = balloon(['validate', write('two-errors.json', s)]);
    expect(r.code).toBe(1);
    const lines = errorLines(r);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.some((l) => l.includes('countries[0].governance'))).toBe(true);
    expect(lines.some((l) => l.includes('routes[1].mode'))).toBe(true);
  });

  it('reports broken JSON in one line without a stack', () => {
    const r = balloon(['validate', write('broken.json', '{ "name": "x", }')]);
    expect(r.code).toBe(1);
    expect(errorLines(r)).toHaveLength(1);
    expect(r.stderr).toContain('broken.json');
    expect(hasStack(r.stderr)).toBe(false);
  });

  it('reports a missing file in one line', () => {
    const r = balloon(['validate', join(dir, 'nope.json')]);
    expect(r.code).toBe(1);
    const lines = errorLines(r);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('nope.json');
    expect(lines[0]).toContain('no such file or directory');
  });

  it('validates the bundled baseline by name from any directory', () => {
    const r = balloon(['validate', 'baseline'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok: /);
  });

  it('init starts a valid scenario whose $schema points at the published schema', () => {
    const sub = join(dir, 'mine');
    const r = balloon(['init', join(sub, 'my-world.json'), '--from', 'colombia-2000s'], { cwd: dir });
    expect(r.code, r.stderr).toBe(1); // the directory does not exist: a clear input error
    expect(errorLines(r)).toHaveLength(1);
    const made = balloon(['init', 'my-world.json', '--from', 'colombia-2000s'], { cwd: dir });
    expect(made.code, made.stderr).toBe(0);
    const file = JSON.parse(readFileSync(join(dir, 'my-world.json'), 'utf8'));
    expect(resolve(dir, file.$schema)).toBe(join(ROOT, 'scenario.schema.json'));
    expect(file.name).toBe(JSON.parse(readFileSync(join(ROOT, 'scenarios', 'colombia-2000s.json'), 'utf8')).name);
    expect(balloon(['validate', 'my-world.json'], { cwd: dir }).code).toBe(0);
    // never overwrites by accident
    expect(balloon(['init', 'my-world.json'], { cwd: dir }).code).toBe(2);
    expect(balloon(['init', 'my-world.json', '--force'], { cwd: dir }).code).toBe(0);
  });
});
