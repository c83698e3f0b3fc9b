import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../sim/math/normal-quantile';

describe('normalQuantile', () => {
  it('matches published quantiles of the standard normal to 1e-8', () => {
    // Values from Python's statistics.NormalDist().inv_cdf (double precision).
    const table: [number, number][] = [
      [0.5, 0],
      [0.975, 1.959963984540054],
      [0.8413447460685429, 1],
      [0.001, -3.090232306167814],
      [1e-9, -5.997807015007686],
      [0.02425, -1.9729610513118845], // the boundary between the tail and the centre
      [0.3, -0.5244005127080407],
    ];
    for (const [p, z] of table) expect(Math.abs(normalQuantile(p) - z)).toBeLessThan(1e-8 * Math.max(1, Math.abs(z)));
  });

  it('is antisymmetric and increasing', () => {
    let last = -Infinity;
    for (let k = 1; k < 1000; k++) {
      const p = k / 1000;
      const z = normalQuantile(p);
      expect(z).toBeGreaterThan(last);
      expect(Math.abs(z + normalQuantile(1 - p))).toBeLessThan(1e-9);
      last = z;
    }
  });

  it('rejects probabilities outside (0, 1)', () => {
    for (const p of [0, 1, -0.1, 1.5, NaN]) expect(() => normalQuantile(p)).toThrow(/\(0, 1\)/);
  });
});
