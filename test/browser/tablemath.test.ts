/// <reference lib="dom" />
/**
 * The grower phase's table-driven exp and log (sim/math/tablemath.ts) give the same
 * bits in Chromium as in Node, over the arguments a simulation uses: the reason they
 * exist instead of the engines' Math.exp and Math.log.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tablemath from '../../sim/math/tablemath';
import { CHROMIUM, ROOT, skipReason } from './harness';

const reason = skipReason();

/** Arguments from a fixed linear congruential stream, over exp's and log's ranges. */
function evaluate(fns: { fastExp: (x: number) => number; fastLog: (x: number) => number }, count: number): number[] {
  let s = 20261125;
  const next = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 4294967296;
  };
  const scales = [1e-300, 1e-4, 0.01, 1, 100, 1e4, 1e8, 1e300];
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    out.push(fns.fastExp(next() * 1400 - 700), fns.fastExp(next() * 40 - 20));
    out.push(fns.fastLog((next() + 1e-9) * scales[i % scales.length]), fns.fastLog(next() * 2));
  }
  return out;
}

describe.skipIf(reason !== null)('table-driven exp and log in Node and Chromium', () => {
  let browser: Browser;
  let bundle: string;
  const N = 50_000;

  beforeAll(async () => {
    const built = await build({ entryPoints: [join(ROOT, 'sim/math/tablemath.ts')], bundle: true, format: 'iife', globalName: 'tablemath', write: false });
    bundle = built.outputFiles[0].text;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('gives bit-identical results in both engines', async () => {
    const page = await browser.newPage();
    await page.addScriptTag({ content: `${bundle};\nwindow.__evaluate = ${evaluate.toString()};` });
    const web = (await page.evaluate((n) => {
      const w = window as unknown as { __evaluate: typeof evaluate; tablemath: typeof tablemath };
      return w.__evaluate(w.tablemath, n);
    }, N)) as number[];
    const node = evaluate(tablemath, N);
    expect(web.length).toBe(node.length);
    let differing = 0;
    for (let i = 0; i < node.length; i++) if (!Object.is(node[i], web[i])) differing++;
    expect(differing, 'arguments with different bits').toBe(0);
    await page.close();
  });
});
