/**
 * The Pareto frontier of plans on two outcomes where less is better: the plans no
 * other plan beats on both. Returned in order of the first outcome, ready to draw.
 */
export interface Point {
  x: number;
  y: number;
}

/** Indices of the non-dominated points, sorted by x (ties: the lower y only). */
export function paretoFront(points: readonly Point[]): number[] {
  const order = points
    .map((p, i) => ({ ...p, i }))
    .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
    .sort((a, b) => a.x - b.x || a.y - b.y);
  const front: number[] = [];
  let best = Infinity;
  for (const p of order) {
    if (p.y < best) {
      front.push(p.i);
      best = p.y;
    }
  }
  return front;
}

/** Does `a` beat `b` on both outcomes (no worse on either, better on one)? */
export function dominates(a: Point, b: Point): boolean {
  return a.x <= b.x && a.y <= b.y && (a.x < b.x || a.y < b.y);
}
