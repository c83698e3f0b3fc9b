/**
 * Which markets trafficking can supply at all: a market is reachable when some
 * other country with producer regions has a path of at most `maxLegs` routes to
 * it (the model's path search allows no more legs and never revisits a country,
 * and a shortest path never revisits one either).
 */

export interface Leg {
  from: string;
  to: string;
}

/** Fewest legs from any producer country other than `target` to `target`, or Infinity. */
export function legsFromProducers(target: string, producers: ReadonlySet<string>, legs: readonly Leg[], maxLegs: number): number {
  const incoming = new Map<string, string[]>();
  for (const { from, to } of legs) {
    const list = incoming.get(to);
    if (list) list.push(from);
    else incoming.set(to, [from]);
  }
  // Breadth-first search backwards from the market.
  const seen = new Set<string>([target]);
  let frontier = [target];
  for (let depth = 1; depth <= maxLegs && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const from of incoming.get(node) ?? []) {
        if (seen.has(from)) continue;
        if (producers.has(from)) return depth;
        seen.add(from);
        next.push(from);
      }
    }
    frontier = next;
  }
  return Infinity;
}
