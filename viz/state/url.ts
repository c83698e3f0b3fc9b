/**
 * The page state that a link reproduces: scenario (a bundled id, or a file opened
 * from disk, carried in the link itself when it is small), seeds as typed and the
 * first seed, view, the no-policy twin, compared scenarios and baseline, map year,
 * the calibration shown.
 * Written with replaceState so Back leaves the app.
 */
export type ViewName = 'results' | 'map' | 'compare' | 'fit';
export const VIEWS: ViewName[] = ['results', 'map', 'compare', 'fit'];

export interface PageState {
  /** Library id, or "file:NAME" for a file opened from disk. */
  scenario: string;
  /** Seeds as typed: a count ("5"), a range ("3-7") or a list ("1,5,9"). */
  seeds: string;
  /** First seed of a count (the CLI's --seed). */
  first?: number;
  view: ViewName;
  /** Scenario ids in the comparison (library ids). */
  compare: string[];
  baseline: string;
  year?: number;
  /** What the route map shows: flows, change since the first year, or against the twin. */
  routes?: 'flow' | 'start' | 'twin';
  /** false: do not also run the scenario without its policies (the twin runs by default). */
  twin?: false;
  /** A file's text, deflated and base64url-encoded, when small enough for a link. */
  file?: string;
  /** Calibration view: a bundled calibration's name (calibration/<name>.*), or "files" for one opened from disk. */
  fit?: string;
}

export const DEFAULT_STATE: PageState = { scenario: 'baseline', seeds: '1', view: 'results', compare: [], baseline: 'baseline' };

export function readState(search: string): PageState {
  const q = new URLSearchParams(search);
  const view = q.get('view') as ViewName | null;
  const year = Number(q.get('year'));
  const first = Number(q.get('seed'));
  return {
    scenario: q.get('scenario') || DEFAULT_STATE.scenario,
    seeds: q.get('seeds') || DEFAULT_STATE.seeds,
    first: q.has('seed') && Number.isSafeInteger(first) && first >= 0 ? first : undefined,
    view: view && VIEWS.includes(view) ? view : DEFAULT_STATE.view,
    compare: (q.get('compare') ?? '').split(',').filter(Boolean),
    baseline: q.get('baseline') || DEFAULT_STATE.baseline,
    year: Number.isFinite(year) && year > 0 ? year : undefined,
    routes: (['flow', 'start', 'twin'] as const).find((m) => m === q.get('routes')),
    twin: q.get('twin') === '0' ? false : undefined,
    file: q.get('file') || undefined,
    fit: q.get('fit') || undefined,
  };
}

export function stateQuery(state: PageState): string {
  const q = new URLSearchParams();
  q.set('scenario', state.scenario);
  q.set('seeds', state.seeds);
  if (state.first !== undefined && state.first !== 1) q.set('seed', String(state.first));
  q.set('view', state.view);
  if (state.compare.length > 0) q.set('compare', state.compare.join(','));
  if (state.baseline !== DEFAULT_STATE.baseline) q.set('baseline', state.baseline);
  if (state.year) q.set('year', String(state.year));
  if (state.routes) q.set('routes', state.routes);
  if (state.twin === false) q.set('twin', '0');
  if (state.file && state.scenario.startsWith('file:')) q.set('file', state.file);
  if (state.fit) q.set('fit', state.fit);
  return `?${q.toString().replace(/%2C/g, ',')}`;
}

export function writeState(state: PageState): void {
  const query = stateQuery(state);
  if (query !== location.search) history.replaceState(null, '', query);
}

/** Longest encoded file carried in a link (characters); larger files must be opened again. */
export const MAX_LINK_FILE = 6000;

function toBase64Url(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const raw = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

async function pipe(bytes: Uint8Array, stream: GenericTransformStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/** A scenario file's text for a link, or null when it is too large (the link then asks for the file). */
export async function encodeFile(text: string): Promise<string | null> {
  const compact = (() => {
    try {
      return JSON.stringify(JSON.parse(text));
    } catch {
      return text;
    }
  })();
  const encoded = toBase64Url(await pipe(new TextEncoder().encode(compact), new CompressionStream('deflate-raw')));
  return encoded.length <= MAX_LINK_FILE ? encoded : null;
}

export async function decodeFile(encoded: string): Promise<string | null> {
  try {
    return new TextDecoder().decode(await pipe(fromBase64Url(encoded), new DecompressionStream('deflate-raw')));
  } catch {
    return null;
  }
}
