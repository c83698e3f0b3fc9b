/**
 * The arguments on which sim/math/detmath.ts is held to its frozen reference bits
 * (test/math/detmath-equal.test.ts): fixed streams over the ranges the model uses and over
 * all doubles, and every double near the boundaries where the fast paths and fdlibm choose
 * differently; and a digest of a function's results on them.
 */
import * as detmath from '../../sim/math/detmath';

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

function* generate(n: number, seed: number, arg: (u: () => number) => number): Generator<number[]> {
  const u = stream(seed);
  for (let i = 0; i < n; i++) yield [arg(u)];
}

/** Every double within 2^16 ulps of `edge`, and its negation. */
function* around(edge: number): Generator<number[]> {
  for (let d = -(2 ** 16); d <= 2 ** 16; d++) {
    const x = ulpsAway(edge, d);
    yield [x];
    yield [-x];
  }
}

const N = 1_000_000;

export type Fn = 'exp' | 'log' | 'log1p' | 'pow' | 'sin' | 'cos';

export interface Case {
  name: string;
  fn: Fn;
  args: () => Iterable<number[]>;
}

export const CASES: Case[] = [
  { name: 'exp on [-20, 20]', fn: 'exp', args: () => generate(N, 1, (u) => u() * 40 - 20) },
  { name: 'exp on [-1, 1]', fn: 'exp', args: () => generate(N, 2, (u) => u() * 2 - 1) },
  { name: 'exp on log-uniform magnitudes', fn: 'exp', args: () => generate(N, 3, (u) => (u() < 0.5 ? -1 : 1) * detmath.exp(u() * 40 - 32)) },
  { name: 'exp on all doubles', fn: 'exp', args: () => generate(N, 4, (u) => anyDouble(u)) },
  { name: 'exp on [-750, 750]', fn: 'exp', args: () => generate(N, 5, (u) => u() * 1500 - 750) },
  // 0.5 ln 2 and 1.5 ln 2 (where fdlibm picks k by cases and the fast path by rounding), 2^-28, 708.
  { name: 'exp near 0.5 ln 2', fn: 'exp', args: () => around(0.5 * Math.LN2) },
  { name: 'exp near 1.5 ln 2', fn: 'exp', args: () => around(1.5 * Math.LN2) },
  { name: 'exp near 2^-28', fn: 'exp', args: () => around(3.725290298461914e-9) },
  { name: 'exp near 708', fn: 'exp', args: () => around(708) },
  { name: 'log on [0, 2000]', fn: 'log', args: () => generate(N, 6, (u) => u() * 2000) },
  { name: 'log of odds', fn: 'log', args: () => generate(N, 7, (u) => { const v = u(); return v / (1 - v); }) },
  { name: 'log on all doubles', fn: 'log', args: () => generate(N, 8, (u) => anyDouble(u)) },
  { name: 'log1p on [-1, 1]', fn: 'log1p', args: () => generate(N, 9, (u) => u() * 2 - 1) },
  {
    name: 'pow on [0, 100] x [-3, 3]',
    fn: 'pow',
    args: function* () {
      const u = stream(10);
      for (let i = 0; i < N; i++) yield [u() * 100, u() * 6 - 3];
    },
  },
  // The model's normal draws take cos(2π·u); the quadrant of a reduced argument changes at every multiple of π/4.
  { name: 'cos of 2π·u', fn: 'cos', args: () => generate(N, 11, (u) => 2 * Math.PI * u()) },
  { name: 'cos on [-100, 100]', fn: 'cos', args: () => generate(N, 12, (u) => u() * 200 - 100) },
  { name: 'cos on log-uniform magnitudes', fn: 'cos', args: () => generate(N, 13, (u) => (u() < 0.5 ? -1 : 1) * detmath.exp(u() * 80 - 40)) },
  { name: 'cos on all doubles', fn: 'cos', args: () => generate(N, 14, (u) => anyDouble(u)) },
  { name: 'cos near 3π/4', fn: 'cos', args: () => around(0.75 * Math.PI) },
  { name: 'sin on [-100, 100]', fn: 'sin', args: () => generate(N, 15, (u) => u() * 200 - 100) },
  { name: 'sin on log-uniform magnitudes', fn: 'sin', args: () => generate(N, 16, (u) => (u() < 0.5 ? -1 : 1) * detmath.exp(u() * 80 - 40)) },
  { name: 'sin on all doubles', fn: 'sin', args: () => generate(N, 17, (u) => anyDouble(u)) },
];

/**
 * Two 32-bit FNV-1a hashes (different offsets) of the bit patterns of f's results, in order, as
 * 16 hex digits. Every NaN counts as the same NaN (engines may differ in a NaN's payload).
 */
export function digest(f: (...x: number[]) => number, args: Iterable<number[]>): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (const a of args) {
    const y = f(...a);
    bits[0] = Number.isNaN(y) ? NaN : y;
    for (const w of [words[0], words[1]]) {
      for (let k = 0; k < 32; k += 8) {
        const byte = (w >>> k) & 0xff;
        h1 = Math.imul(h1 ^ byte, 0x01000193);
        h2 = Math.imul(h2 ^ byte, 0x01000193) ^ (h1 >>> 15);
      }
    }
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
