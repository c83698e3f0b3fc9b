/**
 * Deterministic elementary functions: the same bits on every JavaScript engine.
 *
 * Why: ECMAScript leaves the accuracy of Math.exp, Math.log, Math.pow, Math.cos…
 * to the engine, and engines differ. Node 20 (V8 11.3) and Chromium 156 disagree in
 * the last bit for about 10% of arguments of exp, log and pow (measured on 20 000
 * arguments each), so the same scenario and seed gave different result hashes in the
 * browser and in the CLI. These functions use only +, −, ×, ÷ and sqrt, which IEEE 754
 * rounds correctly everywhere, plus exact bit manipulation, so they are identical on
 * every host. exp, log and the sin/cos kernels are ports of fdlibm (Sun Microsystems,
 * freely distributable); they are accurate to about 1 ulp. pow is exp(y·log x), accurate
 * to about |y·ln x| ulp, enough for a simulation; small integer powers are taken by
 * squaring, and y = ½ is sqrt.
 */

const buffer = new DataView(new ArrayBuffer(8));

function highWord(x: number): number {
  buffer.setFloat64(0, x);
  return buffer.getInt32(0);
}

function lowWord(x: number): number {
  buffer.setFloat64(0, x);
  return buffer.getUint32(4);
}

function withHighWord(x: number, high: number): number {
  buffer.setFloat64(0, x);
  buffer.setInt32(0, high);
  return buffer.getFloat64(0);
}

/** 2^k for integer k in [-1022, 1023], exactly. */
function twoTo(k: number): number {
  buffer.setInt32(0, (k + 1023) << 20);
  buffer.setUint32(4, 0);
  return buffer.getFloat64(0);
}

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700e0;
const EXP_OVERFLOW = 7.09782712893383973096e2;
const EXP_UNDERFLOW = -7.45133219101941108420e2;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;

/** e^x (fdlibm e_exp.c). */
export function exp(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > EXP_OVERFLOW) return Infinity;
  if (x < EXP_UNDERFLOW) return 0;
  const ax = Math.abs(x);
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (ax > 0.5 * Math.LN2) {
    if (ax < 1.5 * Math.LN2) {
      k = x > 0 ? 1 : -1;
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    } else {
      k = Math.trunc(INV_LN2 * x + (x > 0 ? 0.5 : -0.5));
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (ax < 3.725290298461914e-9) {
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  if (k > 1023) return y * twoTo(1023) * twoTo(k - 1023);
  if (k < -1021) return y * twoTo(k + 1000) * twoTo(-1000);
  return y * twoTo(k);
}

const TWO54 = 1.8014398509481984e16;
const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/** Natural logarithm (fdlibm e_log.c). */
export function log(x: number): number {
  let hx = highWord(x);
  const lx = lowWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54;
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i0 = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (i0 ^ 0x3ff00000));
  k += i0 >> 20;
  const f = x - 1;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const r = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - r : dk * LN2_HI - (r - dk * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  let i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const r = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + r)) : dk * LN2_HI - (hfsq - (s * (hfsq + r) + dk * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - r) : dk * LN2_HI - (s * (f - r) - dk * LN2_LO - f);
}

/** ln(1 + x), accurate for small x (the log(u)·x/(u−1) correction). */
export function log1p(x: number): number {
  const u = 1 + x;
  if (u === 1) return x;
  if (u === Infinity) return Infinity;
  return (log(u) * x) / (u - 1);
}

function isOddInteger(y: number): boolean {
  return Number.isInteger(y) && Math.abs(y) < 2 ** 53 && Math.abs(y % 2) === 1;
}

/** x^y with the special cases of Math.pow (ECMAScript Number::exponentiate). */
export function pow(x: number, y: number): number {
  if (Number.isNaN(y)) return NaN;
  if (y === 0) return 1;
  if (Number.isNaN(x)) return NaN;
  if (y === 1) return x;
  if (y === 2) return x * x;
  if (y === -1) return 1 / x;
  const ax = Math.abs(x);
  if (y === Infinity || y === -Infinity) {
    if (ax === 1) return NaN;
    return ax > 1 === y > 0 ? Infinity : 0;
  }
  if (x === 0) {
    const negative = Object.is(x, -0) && isOddInteger(y);
    if (y > 0) return negative ? -0 : 0;
    return negative ? -Infinity : Infinity;
  }
  if (ax === Infinity) {
    const negative = x < 0 && isOddInteger(y);
    if (y > 0) return negative ? -Infinity : Infinity;
    return negative ? -0 : 0;
  }
  if (x < 0) {
    if (!Number.isInteger(y)) return NaN;
    const magnitude = pow(-x, y);
    return isOddInteger(y) ? -magnitude : magnitude;
  }
  if (y === 0.5) return Math.sqrt(x);
  if (Number.isInteger(y) && Math.abs(y) <= 64) {
    // Small integer powers by squaring: exact for small integers, as people expect.
    let result = 1;
    let base = x;
    for (let n = Math.abs(y); n > 0; n >>= 1) {
      if (n & 1) result *= base;
      base *= base;
    }
    return y > 0 ? result : 1 / result;
  }
  return exp(y * log(x));
}

const PIO2_1 = 1.57079632673412561417e0;
const PIO2_1T = 6.07710050650619224932e-11;
const PIO2_2 = 6.07710050630396597660e-11;
const PIO2_2T = 2.02226624879595063154e-21;
const INV_PIO2 = 6.36619772367581382433e-1;
const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;
const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.08757232129817482790e-9;
const C6 = -1.13596475577881948265e-11;

/** sin on [−π/4, π/4] with tail y of the reduced argument (fdlibm k_sin.c). */
function kernelSin(x: number, y: number): number {
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

/** cos on [−π/4, π/4] with tail y (fdlibm k_cos.c). */
function kernelCos(x: number, y: number): number {
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  const hz = 0.5 * z;
  const w = 1 - hz;
  return w + (1 - w - hz + (z * r - x * y));
}

/**
 * x − n·π/2 as head + tail, with n the nearest integer to x·2/π (Cody–Waite with
 * π/2 in three parts): accurate for |x| up to about 2^20·π/2, deterministic beyond.
 */
function reduce(x: number): { n: number; head: number; tail: number } {
  const n = Math.round(x * INV_PIO2);
  const r = x - n * PIO2_1;
  const w = n * PIO2_1T;
  let head = r - w;
  let tail = r - head - w;
  if (Math.abs(head) < 1e-3) {
    // Cancellation: redo with the second part of π/2.
    const t = r - n * PIO2_1T;
    const w2 = n * PIO2_2T - (r - t - n * PIO2_2);
    head = t - w2;
    tail = t - head - w2;
  }
  return { n, head, tail };
}

export function sin(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) < 0.7853981633974483) return kernelSin(x, 0);
  const { n, head, tail } = reduce(x);
  switch (((n % 4) + 4) % 4) {
    case 0:
      return kernelSin(head, tail);
    case 1:
      return kernelCos(head, tail);
    case 2:
      return -kernelSin(head, tail);
    default:
      return -kernelCos(head, tail);
  }
}

export function cos(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) < 0.7853981633974483) return kernelCos(x, 0);
  const { n, head, tail } = reduce(x);
  switch (((n % 4) + 4) % 4) {
    case 0:
      return kernelCos(head, tail);
    case 1:
      return -kernelSin(head, tail);
    case 2:
      return -kernelCos(head, tail);
    default:
      return kernelSin(head, tail);
  }
}

export function tan(x: number): number {
  return sin(x) / cos(x);
}
