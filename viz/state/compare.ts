/**
 * Which scenarios the Compare view ticks when the page has no comparison yet.
 */
import type { PageState } from './url';

/**
 * The baseline and the scenario the user is looking at (comparing those is the usual question),
 * topped up in library order to two.
 */
export function defaultComparison(sourceIds: readonly string[], state: Pick<PageState, 'baseline' | 'scenario'>): string[] {
  const chosen = [state.baseline, state.scenario].filter((id, i, all) => sourceIds.includes(id) && all.indexOf(id) === i);
  for (const id of sourceIds) if (chosen.length < 2 && !chosen.includes(id)) chosen.push(id);
  return chosen;
}
