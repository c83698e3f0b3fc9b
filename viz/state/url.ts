/**
 * The page state that a link reproduces: scenario, seeds, view, compared scenarios
 * and baseline, map year. Written with replaceState so Back leaves the app.
 */
export type ViewName = 'results' | 'map' | 'compare';
export const VIEWS: ViewName[] = ['results', 'map', 'compare'];

export interface PageState {
  scenario: string;
  seeds: string;
  view: ViewName;
  /** Scenario ids in the comparison (library ids). */
  compare: string[];
  baseline: string;
  year?: number;
}

export const DEFAULT_STATE: PageState = { scenario: 'baseline', seeds: '1', view: 'results', compare: [], baseline: 'baseline' };

export function readState(search: string): PageState {
  const q = new URLSearchParams(search);
  const view = q.get('view') as ViewName | null;
  const year = Number(q.get('year'));
  return {
    scenario: q.get('scenario') || DEFAULT_STATE.scenario,
    seeds: q.get('seeds') || DEFAULT_STATE.seeds,
    view: view && VIEWS.includes(view) ? view : DEFAULT_STATE.view,
    compare: (q.get('compare') ?? '').split(',').filter(Boolean),
    baseline: q.get('baseline') || DEFAULT_STATE.baseline,
    year: Number.isFinite(year) && year > 0 ? year : undefined,
  };
}

export function stateQuery(state: PageState): string {
  const q = new URLSearchParams();
  q.set('scenario', state.scenario);
  q.set('seeds', state.seeds);
  q.set('view', state.view);
  if (state.compare.length > 0) q.set('compare', state.compare.join(','));
  if (state.baseline !== DEFAULT_STATE.baseline) q.set('baseline', state.baseline);
  if (state.year) q.set('year', String(state.year));
  return `?${q.toString().replace(/%2C/g, ',')}`;
}

export function writeState(state: PageState): void {
  const query = stateQuery(state);
  if (query !== location.search) history.replaceState(null, '', query);
}
