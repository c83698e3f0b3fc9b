/** The Pareto frontier of the plans-tried scatter. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dominates, paretoFront } from '../../viz/workshop/data/pareto';

describe('paretoFront', () => {
  it('keeps exactly the points no other point beats on both outcomes', () => {
    const point = fc.record({ x: fc.integer({ min: 0, max: 20 }), y: fc.integer({ min: 0, max: 20 }) });
    fc.assert(
      fc.property(fc.array(point, { maxLength: 40 }), (points) => {
        const front = new Set(paretoFront(points));
        points.forEach((p, i) => {
          const beaten = points.some((q) => dominates(q, p));
          if (front.has(i)) expect(beaten).toBe(false);
          // Off the front: beaten, or a duplicate of a front point.
          else expect(beaten || [...front].some((j) => points[j].x === p.x && points[j].y === p.y)).toBe(true);
        });
        const xs = [...paretoFront(points)].map((i) => points[i].x);
        expect(xs).toEqual([...xs].sort((a, b) => a - b));
      }),
    );
  });

  it('orders a trade-off by the first outcome', () => {
    const points = [{ x: 3, y: 1 }, { x: 1, y: 3 }, { x: 2, y: 2 }, { x: 3, y: 3 }];
    expect(paretoFront(points)).toEqual([1, 2, 0]);
  });
});
