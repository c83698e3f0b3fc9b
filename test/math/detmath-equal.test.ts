/**
 * The speed-ups of sim/math/detmath.ts (issue 7) must not change a single bit: every
 * run hash depends on these functions. Each function is compared with the reference
 * (detmath as it was before, test/math/detmath-reference.ts) on millions of arguments
 * from a fixed stream, over the ranges the model uses and over all doubles, and on
 * every double near the boundaries where the fast paths and fdlibm choose differently.
 */
import { describe, expect, it } from 'vitest';
import * as fast from '../../sim/math/detmath';
import * as reference from './detmath-reference';

/** A fixed stream of doubles in [0, 1) (xorshift128+ on 32-bit halves, no Math.random). */
function stream(seed: number): () => number {
  let a = seed | 0 || 1;
  let b = 0x9e3779b9;
  let c = 0x85ebca6b;
  let d = 0xc2b2ae35;
  const next32 = () => {
    const t = a ^ (a << 11);
    a = b;
    b = c;
    c = d;
    d = d ^ (d >>> 19) ^ (t ^ (t >>> 8));
    return d >>> 0;
  };
  return () => (next32() * 2 ** 21 + (next32() >>> 11)) / 2 ** 53;
}

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
/** A double with uniformly random bits (every exponent, sign, NaN and infinity included). */
function anyDouble(u: () => number): number {
  words[0] = Math.floor(u() * 2 ** 32);
  words[1] = Math.floor(u() * 2 ** 32);
  return bits[0];
}

/** `x` moved by `ulps` units in the last place (through the bit pattern; x > 0). */
function ulpsAway(x: number, ulps: number): number {
  const big = new BigInt64Array(bits.buffer);
  bits[0] = x;
  big[0] += BigInt(ulps);
  return bits[0];
}

function mismatches(f: (x: number) => number, g: (x: number) => number, args: Iterable<number>): string[] {
  const bad: string[] = [];
  for (const x of args) {
    const want = g(x);
    const got = f(x);
    if (!Object.is(got, want) && bad.length < 5) bad.push(`f(${x}) = ${got}, reference ${want}`);
  }
  return bad;
}

function* generate(n: number, seed: number, arg: (u: () => number) => number): Generator<number> {
  const u = stream(seed);
  for (let i = 0; i < n; i++) yield arg(u);
}

const N = 1_000_000;

describe('sim/math/detmath gives the bits of its reference', () => {
  it('exp on the ranges the model uses, on log-uniform magnitudes and on all doubles', () => {
    expect(mismatches(fast.exp, reference.exp, generate(N, 1, (u) => u() * 40 - 20))).toEqual([]);
    expect(mismatches(fast.exp, reference.exp, generate(N, 2, (u) => u() * 2 - 1))).toEqual([]);
    expect(mismatches(fast.exp, reference.exp, generate(N, 3, (u) => (u() < 0.5 ? -1 : 1) * reference.exp(u() * 40 - 32)))).toEqual([]);
    expect(mismatches(fast.exp, reference.exp, generate(N, 4, (u) => anyDouble(u)))).toEqual([]);
    expect(mismatches(fast.exp, reference.exp, generate(N, 5, (u) => u() * 1500 - 750))).toEqual([]);
  });

  it('exp on every double within 2^16 ulps of the boundaries of its fast path', () => {
    // 0.5 ln 2 and 1.5 ln 2 (where fdlibm picks k by cases and the fast path by rounding), 2^-28, 708.
    for (const edge of [0.5 * Math.LN2, 1.5 * Math.LN2, 3.725290298461914e-9, 708]) {
      const args: number[] = [];
      for (let d = -(2 ** 16); d <= 2 ** 16; d++) {
        const x = ulpsAway(edge, d);
        args.push(x, -x);
      }
      expect(mismatches(fast.exp, reference.exp, args), `near ${edge}`).toEqual([]);
    }
  });

  it('log, log1p and pow on the ranges the model uses and on all doubles', () => {
    expect(mismatches(fast.log, reference.log, generate(N, 6, (u) => u() * 2000))).toEqual([]);
    expect(mismatches(fast.log, reference.log, generate(N, 7, (u) => { const v = u(); return v / (1 - v); }))).toEqual([]);
    expect(mismatches(fast.log, reference.log, generate(N, 8, (u) => anyDouble(u)))).toEqual([]);
    expect(mismatches(fast.log1p, reference.log1p, generate(N, 9, (u) => u() * 2 - 1))).toEqual([]);
    const pow = (args: number[]) => fast.pow(args[0], args[1]);
    const u = stream(10);
    const pairs: number[][] = [];
    for (let i = 0; i < N; i++) pairs.push([u() * 100, u() * 6 - 3]);
    const bad = pairs.filter((p) => !Object.is(pow(p), reference.pow(p[0], p[1]))).slice(0, 5);
    expect(bad).toEqual([]);
  });
});
