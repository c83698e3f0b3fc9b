/// <reference lib="dom" />
/**
 * Cross-engine determinism of elementary functions. Math.exp/log/pow/cos differ in
 * the last bit between Node's V8 and Chromium's (the test shows it), which breaks
 * byte-identical results across hosts; sim/math/detmath.ts must give the same bits
 * in both, and stay within a few ulp of the engine's functions.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as detmath from '../../sim/math/detmath';
import { CHROMIUM, ROOT, skipReason } from './harness';

const reason = skipReason();

type Fn = 'exp' | 'log' | 'log1p' | 'pow' | 'sin' | 'cos' | 'tan';
const FUNCTIONS: Fn[] = ['exp', 'log', 'log1p', 'pow', 'sin', 'cos', 'tan'];

/** Arguments from a fixed linear congruential stream, over the ranges a simulation uses. */
function evaluate(fns: Record<Fn, (...a: number[]) => number>, count: number): Record<Fn, number[]> {
  let s = 20261125;
  const next = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 4294967296;
  };
  const out = {} as Record<Fn, number[]>;
  for (const name of FUNCTIONS) out[name] = [];
  for (let i = 0; i < count; i++) {
    const u = next();
    const v = next();
    out.exp.push(fns.exp(u * 60 - 30));
    // No ** or Math.pow here: the engines' own pow would make the arguments differ.
    out.log.push(fns.log((u + 1e-9) * [1e-300, 1e-4, 0.01, 1, 100, 1e4, 1e8, 1e300][i % 8]));
    out.log1p.push(fns.log1p(u * 2 - 0.999));
    out.pow.push(fns.pow(u * 100 + 1e-3, v * 6 - 3));
    out.sin.push(fns.sin(u * 20 - 10));
    out.cos.push(fns.cos(2 * Math.PI * v));
    out.tan.push(fns.tan(u * 3 - 1.5));
  }
  return out;
}

function differing(a: number[], b: number[]): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) n++;
  return n;
}

describe.skipIf(reason !== null)('elementary functions in Node and Chromium', () => {
  let browser: Browser;
  let bundle: string;
  const N = 20_000;

  beforeAll(async () => {
    const built = await build({ entryPoints: [join(ROOT, 'sim/math/detmath.ts')], bundle: true, format: 'iife', globalName: 'detmath', write: false });
    bundle = built.outputFiles[0].text;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sim/math/detmath gives bit-identical results in both engines', async () => {
    const page = await browser.newPage();
    await page.addScriptTag({ content: `${bundle};\nwindow.__evaluate = ${evaluate.toString()};\nwindow.__FUNCTIONS = ${JSON.stringify(FUNCTIONS)};` });
    const web = (await page.evaluate((n) => {
      const w = window as unknown as { __evaluate: typeof evaluate; detmath: Record<Fn, (...a: number[]) => number>; __FUNCTIONS: Fn[] };
      // evaluate() reads FUNCTIONS from its closure in Node; in the page it is a global.
      (globalThis as unknown as { FUNCTIONS: Fn[] }).FUNCTIONS = w.__FUNCTIONS;
      return w.__evaluate(w.detmath, n);
    }, N)) as Record<Fn, number[]>;
    const node = evaluate(detmath, N);
    for (const name of FUNCTIONS) expect(differing(node[name], web[name]), `${name}: arguments with different bits`).toBe(0);
    await page.close();
  });

  it('stays within a few ulp of the engine functions', () => {
    const mine = evaluate(detmath, N);
    const engine = evaluate({ exp: Math.exp, log: Math.log, log1p: Math.log1p, pow: Math.pow, sin: Math.sin, cos: Math.cos, tan: Math.tan }, N);
    const worst = (name: Fn, absolute = false) =>
      Math.max(...mine[name].map((v, i) => Math.abs(v - engine[name][i]) / (absolute ? 1 : Math.max(Math.abs(engine[name][i]), 1e-300))));
    expect(worst('exp')).toBeLessThan(5e-16);
    expect(worst('log')).toBeLessThan(5e-16);
    expect(worst('log1p')).toBeLessThan(1e-15);
    expect(worst('pow')).toBeLessThan(1e-14);
    expect(worst('sin', true)).toBeLessThan(5e-16);
    expect(worst('cos', true)).toBeLessThan(5e-16);
    expect(worst('tan')).toBeLessThan(2e-15);
  });
});
