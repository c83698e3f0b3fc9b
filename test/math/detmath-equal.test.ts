/**
 * The speed-ups of sim/math/detmath.ts (issue 7) must not change a single bit: every run hash
 * depends on these functions. Each function's results on millions of arguments (test/math/detmath-cases.ts)
 * are held to the digest of the results of its reference, detmath as it was before the speed-ups
 * (`git show 2d5a226:sim/math/detmath.ts`), frozen below.
 */
import { describe, expect, it } from 'vitest';
import * as detmath from '../../sim/math/detmath';
import { CASES, digest } from './detmath-cases';

/** Digests of the reference's results on each case (computed with the reference, then frozen). */
const REFERENCE: Record<string, string> = {
  'exp on [-20, 20]': '1aca3963545a61ba',
  'exp on [-1, 1]': 'c23d9dae755cabdc',
  'exp on log-uniform magnitudes': '75b8e539dd22428c',
  'exp on all doubles': 'ae83905056a9cb17',
  'exp on [-750, 750]': 'e33bcfd746cb81fe',
  'exp near 0.5 ln 2': 'd70a4d53cebe9461',
  'exp near 1.5 ln 2': '98b8a65323cedcb3',
  'exp near 2^-28': 'ace9e9b1d8fab0ad',
  'exp near 708': '0a6c021f142a4be8',
  'log on [0, 2000]': 'e99613a4784c915e',
  'log of odds': '1394242d4de3e186',
  'log on all doubles': '3138ec9cae8e8854',
  'log1p on [-1, 1]': 'a923b13ddda14c4b',
  'pow on [0, 100] x [-3, 3]': '6032d974e9725404',
  'cos of 2π·u': 'df841dc1376e797c',
  'cos on [-100, 100]': '05a844c21304ae72',
  'cos on log-uniform magnitudes': '0ca1f34ef74ca61b',
  'cos on all doubles': '9cbeb09889e08175',
  'cos near 3π/4': 'd5dd51b1cfdd8591',
  'sin on [-100, 100]': '0f52e0e968495300',
  'sin on log-uniform magnitudes': '1fbf6c3e52505518',
  'sin on all doubles': '5b21fb29a992a9ad',
};

describe('sim/math/detmath gives the bits of its reference', () => {
  for (const c of CASES) {
    it(c.name, () => {
      expect(digest(detmath[c.fn], c.args())).toBe(REFERENCE[c.name]);
    });
  }

  it('every case has a frozen digest, and a digest tells one ulp on one argument', () => {
    expect(Object.keys(REFERENCE).sort()).toEqual(CASES.map((c) => c.name).sort());
    const args = [[0.5], [1], [2]];
    const oneUlpOff = (x: number) => (x === 1 ? detmath.exp(x) * (1 + Number.EPSILON) : detmath.exp(x));
    expect(detmath.exp(1) * (1 + Number.EPSILON)).not.toBe(detmath.exp(1));
    expect(digest(oneUlpOff, args)).not.toBe(digest(detmath.exp, args));
    expect(digest(detmath.exp, args)).toBe(digest(detmath.exp, args));
  });
});
