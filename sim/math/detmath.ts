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

// Constants used on the fast paths of exp and log are declared inside the functions that use them
// (exp, log, expPoly, logPoly), not only at module level: the model's hot loops inline these
// functions, and V8 (Node 20) reloads a module-level const and checks its type on every use,
// where a local one becomes an immediate operand (the grower phase 12% faster, the same bits).
// For the same reason the fast paths index POW2 themselves rather than call twoTo: an inlined
// call of a module-level function still reloads the function and checks it on every use (5%).
// (expPoly and logPoly stay functions: written out in exp and log, the grower phase was 6% slower,
// presumably past the compiler's inlining budget.)

// Bit access through typed-array views of one scratch double (much faster than a DataView in
// engines' optimising compilers). The word order follows the host's endianness.
const scratch = new Float64Array(1);
const words = new Int32Array(scratch.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = LITTLE_ENDIAN ? 0 : 1;

/** 2^n for integer n in [-1074, 1023], exactly (index n + 1074): powers of two are exact down to the subnormals. */
const POW2 = new Float64Array(1074 + 1024);
for (let n = 0, p = 1; n <= 1023; n++, p *= 2) POW2[n + 1074] = p;
for (let n = -1, p = 0.5; n >= -1074; n--, p *= 0.5) POW2[n + 1074] = p;

/** 2^k for integer k in [-1074, 1023], exactly. */
function twoTo(k: number): number {
  return POW2[k + 1074];
}

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700e0;
const EXP_OVERFLOW = 7.09782712893383973096e2;
const EXP_UNDERFLOW = -7.45133219101941108420e2;

const HALF_LN2 = 0.5 * Math.LN2;
/** Below this |x|, fdlibm returns 1 + x. */
const EXP_TINY = 3.725290298461914e-9;
/** ±0.5, looked up by the sign of x: rounding k this way takes no branch (a branch on a random sign costs more than the rest). */
const HALF_AWAY = new Float64Array([0.5, -0.5]);

/**
 * e^x (fdlibm e_exp.c). The common case, 2^-28 < |x| < 708, is kept small and free of
 * branches on x so that compilers inline it. It gives exactly fdlibm's bits: fdlibm takes
 * k = ±1 for 0.5 ln 2 < |x| < 1.5 ln 2, which the rounding gives too (the one argument
 * where the two could differ is within ulps of 1.5 ln 2, and none does: test/math checks),
 * and for |x| < 0.5 ln 2 it takes k = 0 with the formula 1 − (x·c/(c − 2) − x), which is
 * the general formula with k = 0, bit for bit. (At |x| = 0.5 ln 2 itself the rounding gives
 * k = ±1 where fdlibm takes 0; both give the same bits there, and test/math checks it.)
 */
export function exp(x: number): number {
  // EXP_TINY, INV_LN2, LN2_HI and LN2_LO as locals (see the top of the file).
  const EXP_TINY = 3.725290298461914e-9;
  const INV_LN2 = 1.44269504088896338700e0;
  const LN2_HI = 6.93147180369123816490e-1;
  const LN2_LO = 1.90821492927058770002e-10;
  const ax = Math.abs(x);
  // (The unary plus tells the compiler the call returns a number, so the inlined fast path needs no boxing.)
  if (!(ax > EXP_TINY && ax < 708)) return +expAll(x);
  // Round half away from zero; | 0 truncates like Math.trunc here (the value is below 1100 in magnitude).
  const k = (INV_LN2 * x + HALF_AWAY[+(x < 0)]) | 0;
  const hi = x - k * LN2_HI;
  const lo = k * LN2_LO;
  const r = hi - lo;
  const t = r * r;
  const c = expPoly(r, t);
  return (1 - (lo - (r * c) / (2 - c) - hi)) * POW2[k + 1074];
}

/** fdlibm's r − t·P(t) for the reduced argument r and t = r² (the coefficients as locals: see the top of the file). */
function expPoly(r: number, t: number): number {
  const P1 = 1.66666666666666019037e-1;
  const P2 = -2.77777777770155933842e-3;
  const P3 = 6.61375632143793436117e-5;
  const P4 = -1.65339022054652515390e-6;
  const P5 = 4.13813679705723846039e-8;
  return r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
}

/** e^x for every x (fdlibm e_exp.c). */
function expAll(x: number): number {
  if (x !== x) return NaN;
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
  } else if (ax < EXP_TINY) {
    return 1 + x;
  }
  const t = x * x;
  const c = expPoly(x, t);
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  if (k > 1023) return y * twoTo(1023) * twoTo(k - 1023);
  if (k < -1021) return y * twoTo(k + 1000) * twoTo(-1000);
  return y * twoTo(k);
}

const TWO54 = 1.8014398509481984e16;

/**
 * fdlibm's R(z) = z·(Lg1 + w·(Lg3 + w·(Lg5 + w·Lg7))) + w·(Lg2 + w·(Lg4 + w·Lg6)) for z = s², w = z²
 * (the coefficients as locals: see the top of the file).
 */
function logPoly(z: number, w: number): number {
  const LG1 = 6.666666666666735130e-1;
  const LG2 = 3.999999999940941908e-1;
  const LG3 = 2.857142874366239149e-1;
  const LG4 = 2.222219843214978396e-1;
  const LG5 = 1.818357216161805012e-1;
  const LG6 = 1.531383769920937332e-1;
  const LG7 = 1.479819860511658591e-1;
  return z * (LG1 + w * (LG3 + w * (LG5 + w * LG7))) + w * (LG2 + w * (LG4 + w * LG6));
}

/**
 * Natural logarithm (fdlibm e_log.c). The common case (a positive normal x not within
 * about 2^-20 of a power of two) is kept small so that
 * compilers inline it; the other cases take the out-of-line paths, which do what fdlibm does.
 */
export function log(x: number): number {
  // LN2_HI and LN2_LO as locals (see the top of the file).
  const LN2_HI = 6.93147180369123816490e-1;
  const LN2_LO = 1.90821492927058770002e-10;
  scratch[0] = x;
  const high = words[HI];
  if (high < 0x00100000 || high >= 0x7ff00000) return +logSpecial(x, high);
  const hx = high & 0x000fffff;
  const i0 = (hx + 0x95f64) & 0x100000;
  const k = (high >> 20) - 1023 + (i0 >> 20);
  // x with its exponent set to 0 (or -1 when i0 is set): fdlibm sets the high word; scaling by a power of two is the same, exactly.
  const f = x * POW2[1074 - k] - 1;
  if ((0x000fffff & (2 + hx)) < 3) return +logNearPowerOfTwo(f, k);
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const r = logPoly(z, w);
  // fdlibm's middle band (4% of mantissas), here rather than out of line: a call would box f.
  // (With k = 0 fdlibm returns f - (hfsq - s(hfsq + r)), and f - s(f - r) below; these
  // expressions give the same bits then.)
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k * LN2_HI - (hfsq - (s * (hfsq + r) + k * LN2_LO) - f);
  }
  return k * LN2_HI - (s * (f - r) - k * LN2_LO - f);
}

/** log(x) for zero, negative, subnormal, infinite and NaN x (`high` is x's high word). */
function logSpecial(x: number, high: number): number {
  let hx = high;
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | words[LO]) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54;
    scratch[0] = x;
    hx = words[HI];
  }
  if (hx >= 0x7ff00000) return x + x;
  const e = hx >> 20;
  k += e - 1023;
  hx &= 0x000fffff;
  const i0 = (hx + 0x95f64) & 0x100000;
  const f = x * twoTo(1023 - e - (i0 >> 20)) - 1;
  k += i0 >> 20;
  return logKernel(f, k, hx);
}

/** log(2^k (1 + f)) for |f| < 2^-20. */
function logNearPowerOfTwo(f: number, k: number): number {
  const dk = k;
  if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
  const r = f * f * (0.5 - 0.33333333333333333 * f);
  return k === 0 ? f - r : dk * LN2_HI - (r - dk * LN2_LO - f);
}

/** log(2^k (1 + f)), with hx the top 20 bits of the mantissa of 1 + f (every case of fdlibm). */
function logKernel(f: number, k: number, hx: number): number {
  if ((0x000fffff & (2 + hx)) < 3) return logNearPowerOfTwo(f, k);
  const s = f / (2 + f);
  const dk = k;
  const z = s * s;
  const i = (hx - 0x6147a) | (0x6b851 - hx);
  const w = z * z;
  const r = logPoly(z, w); // fdlibm's t2 + t1
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
  return Number.isInteger(y) && Math.abs(y) < 9007199254740992 /* 2^53 */ && Math.abs(y % 2) === 1;
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


/** sin on [−π/4, π/4] with tail y of the reduced argument (fdlibm k_sin.c). */
function kernelSin(x: number, y: number): number {
  // (Constants in locals, as in exp and log: see the top of this file.)
  const S1 = -1.66666666666666324348e-1;
  const S2 = 8.33333333332248946124e-3;
  const S3 = -1.98412698298579493134e-4;
  const S4 = 2.75573137070700676789e-6;
  const S5 = -2.50507602534068634195e-8;
  const S6 = 1.58969099521155010221e-10;
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

/** cos on [−π/4, π/4] with tail y (fdlibm k_cos.c). */
function kernelCos(x: number, y: number): number {
  const C1 = 4.16666666666666019037e-2;
  const C2 = -1.38888888888741095749e-3;
  const C3 = 2.48015872894767294178e-5;
  const C4 = -2.75573143513906633035e-7;
  const C5 = 2.08757232129817482790e-9;
  const C6 = -1.13596475577881948265e-11;
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  const hz = 0.5 * z;
  const w = 1 - hz;
  return w + (1 - w - hz + (z * r - x * y));
}

/**
 * (sin and cos take x's quadrant as n & 3, not ((n % 4) + 4) % 4, a floating-point remainder that
 * V8 computes in a call: for any integer n, finite as here, ToInt32 keeps n modulo 2^32 exactly, so
 * its low two bits are n modulo 4, negative n and −0 included.)
 */
/** Head and tail of the last `reduce`d argument (a scratch pair, so reducing allocates nothing). */
const reduced = new Float64Array(2);

/**
 * x − n·π/2 as head + tail (left in `reduced`), with n the nearest integer to x·2/π, returned
 * (Cody–Waite with π/2 in three parts): accurate for |x| up to about 2^20·π/2, deterministic beyond.
 */
function reduce(x: number): number {
  const PIO2_1 = 1.57079632673412561417e0;
  const PIO2_1T = 6.07710050650619224932e-11;
  const PIO2_2 = 6.07710050630396597660e-11;
  const PIO2_2T = 2.02226624879595063154e-21;
  const INV_PIO2 = 6.36619772367581382433e-1;
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
  reduced[0] = head;
  reduced[1] = tail;
  return n;
}

/**
 * sin and cos: the argument reduced to [−π/4, π/4] (not reduced when already there), then the
 * quadrant's kernel and sign. cos(x) is sin(x + π/2): the same reduction with the quadrant moved by
 * one. One call of each kernel, so that both are inlined (the same bits as a switch over the four
 * quadrants, whose four calls were not).
 */
export function sin(x: number): number {
  return sinOfQuadrantShifted(x, 0);
}

export function cos(x: number): number {
  return sinOfQuadrantShifted(x, 1);
}

/** sin(x + shift · π/2), for a shift of 0 (sin) or 1 (cos). */
function sinOfQuadrantShifted(x: number, shift: number): number {
  if (!Number.isFinite(x)) return NaN;
  let n = 0;
  let head = x;
  let tail = 0;
  if (!(Math.abs(x) < 0.7853981633974483)) {
    n = reduce(x);
    head = reduced[0];
    tail = reduced[1];
  }
  const quadrant = ((n & 3) + shift) & 3; // (n & 3 first: n + 1 is not exact beyond 2^53)
  const k = (quadrant & 1) === 0 ? kernelSin(head, tail) : kernelCos(head, tail);
  return quadrant >= 2 ? -k : k;
}

export function tan(x: number): number {
  return sin(x) / cos(x);
}
