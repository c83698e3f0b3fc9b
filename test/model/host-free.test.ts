/**
 * Guards on the deterministic core: no engine-dependent maths (Math.exp, log, pow, sin,
 * cos, tan... differ in the last bit between Node and Chromium: use sim/math/detmath),
 * no unseeded randomness or clocks, and no Node or DOM APIs.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../sim', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node' ? [] : files(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const core = files(root).filter((f) => /[/\\](model|results|math)[/\\]|simulation\.ts$|run\.ts$/.test(f));

describe('the deterministic core', () => {
  it('is found', () => expect(core.length).toBeGreaterThan(15));

  it.each(core.map((f) => [f.slice(root.length + 1), f]))('%s uses no engine-dependent maths, clock or Math.random', (_, file) => {
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(text).not.toMatch(/Math\.(exp|expm1|log|log1p|log2|log10|pow|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|cbrt|hypot)\s*\(/);
    expect(text).not.toMatch(/[\w)\]]\s*\*\*\s*[\w(]/); // x ** y is Math.pow
    expect(text).not.toMatch(/Math\.random|Date\.now|performance\.now|new Date\(/);
    expect(text).not.toMatch(/from ['"](node:|fs|path|os|worker_threads)/);
    expect(text).not.toMatch(/\b(document|window)\./);
  });
});
