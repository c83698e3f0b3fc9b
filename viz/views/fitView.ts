/**
 * The Calibration view: a calibration's fit, model against the record. Each observed
 * series with the best candidate's fitted mean and its 5–95% band over seeds (the
 * record as hollow points); the paired effects and stylised facts against their band
 * or claim; and each parameter's accepted range within its prior, so a parameter the
 * data does not pin down shows as such. The committed fits (calibration/) are bundled;
 * a directory written by `balloon calibrate --out DIR` can be opened from disk.
 */
import { setExportContext, presetWidths } from '../charts/frame';
import { formatValue } from '../charts/format';
import { lineChart } from '../charts/lineChart';
import { BUNDLED, bundledCalibration } from '../data/calibrations';
import { calibrationFromFiles, meets, seriesForPlot, type CalibrationView, type FitParameter, type FitScalar, type FitSeries, type Read } from '../data/fitTable';
import type { PlotRow } from '../data/plotRows';
import { describeSeeds } from '../state/seeds';
import { el } from '../ui/dom';

/** What the view shows: a bundled calibration by name, or files opened from disk (which a link cannot carry). */
export interface FitChoice {
  name: string;
  /** The calibration opened from disk, while the page lives. */
  opened?: CalibrationView;
}

const FITTED = '#1f5f99';
const RECORD = '#1d2733';
const OPENED = 'files';

/** The files a user chose (a directory, or files picked together), by base name. */
export async function readChosen(list: FileList | readonly File[]): Promise<{ files: Map<string, string>; origin: string }> {
  const files = new Map<string, string>();
  const chosen = [...list];
  for (const f of chosen) if (/\.(csv|json)$/i.test(f.name)) files.set(f.name, await f.text());
  const rel = chosen[0]?.webkitRelativePath ?? '';
  const origin = rel.includes('/') ? rel.slice(0, rel.indexOf('/')) : chosen.length === 1 ? chosen[0].name : `${chosen.length} files`;
  return { files, origin };
}

function number(v: number): string {
  if (!Number.isFinite(v)) return v > 0 ? '∞' : v < 0 ? '−∞' : '–';
  const a = Math.abs(v);
  const text = a !== 0 && (a < 0.01 || a >= 1e4) ? formatValue(v) : Number(v.toPrecision(3)).toString();
  return text.replace(/^-/, '−');
}

function seriesChart(cell: HTMLElement, s: FitSeries, seeds: string): void {
  const p = seriesForPlot(s);
  const rows: PlotRow[] = s.years.map((year, k) => ({ series: 'fitted', label: `Fitted, ${seeds}`, x: year, y: p.fitted[k], lo: p.lo[k], hi: p.hi[k] }));
  const record: PlotRow[] = s.years.map((year, k) => ({ series: 'observed', label: 'Observed', x: year, y: p.observed[k], lo: p.observed[k], hi: p.observed[k] }));
  const unit = /\(([^)]*)\)\s*$/.exec(s.what)?.[1] ?? '';
  lineChart(cell, rows, {
    id: `fit-${s.target.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`,
    title: s.target,
    unit: s.relative ? `relative to ${s.years[0]} (= 1), as the loss compares it` : unit,
    note: `fitted: mean over seeds, band 5–95 % · loss ${number(s.loss)} × weight ${number(s.weight)}`,
    colorOf: (key) => (key === 'observed' ? RECORD : FITTED),
    record: { rows: record, sources: [s.observedFile ?? 'fit.csv'], label: 'Compared with' },
    height: 220,
  });
}

function scalarRow(s: FitScalar): HTMLTableRowElement {
  const ok = meets(s);
  const interval = Number.isFinite(s.lo) && Number.isFinite(s.hi) ? `[${number(s.lo)}, ${number(s.hi)}]` : 'no interval';
  const wanted = s.type === 'effect' ? `${number(s.bandLo ?? -Infinity)} to ${number(s.bandHi ?? Infinity)}` : s.claim;
  return el(
    'tr',
    { 'data-target': s.target, class: ok ? 'met' : 'missed' },
    el('td', {}, s.target, el('span', { class: 'why' }, s.what)),
    el('td', {}, s.type === 'effect' ? 'paired effect' : 'stylised fact'),
    el('td', { class: 'num' }, wanted),
    el('td', { class: 'num', 'data-fitted': s.fitted }, number(s.fitted), el('span', { class: 'interval' }, interval)),
    el('td', { class: 'num' }, `${number(s.loss)} × ${number(s.weight)}`, s.weight === 0 ? el('span', { class: 'why' }, 'reported, not fitted') : ''),
    el('td', { class: 'verdict' }, ok ? '✓ met' : '✗ missed'),
  );
}

/** A parameter's prior range as a bar, its accepted range on it, and the best value as a tick (log scale where the search was). */
function rangeBar(p: FitParameter): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const W = 220;
  const H = 18;
  const t = (v: number) => {
    const [a, b, x] = p.log && p.priorLo > 0 ? [Math.log(p.priorLo), Math.log(p.priorHi), Math.log(Math.max(v, p.priorLo))] : [p.priorLo, p.priorHi, v];
    return Math.max(0, Math.min(W, ((x - a) / (b - a || 1)) * W));
  };
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('width', String(W));
  svg.setAttribute('height', String(H));
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('class', 'range-bar');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `prior ${number(p.priorLo)} to ${number(p.priorHi)}; accepted ${number(p.acceptedLo)} to ${number(p.acceptedHi)}; best ${number(p.best)}`);
  const rect = (x0: number, x1: number, cls: string, fill: string, y = 6, h = 6) => {
    const r = document.createElementNS(ns, 'rect');
    r.setAttribute('class', cls);
    r.setAttribute('x', String(x0));
    r.setAttribute('width', String(Math.max(2, x1 - x0)));
    r.setAttribute('y', String(y));
    r.setAttribute('height', String(h));
    r.setAttribute('fill', fill);
    svg.append(r);
  };
  rect(0, W, 'prior', '#e3e7ec');
  const lo = Math.min(p.acceptedLo, p.profileLo ?? Infinity);
  const hi = Math.max(p.acceptedHi, p.profileHi ?? -Infinity);
  rect(t(lo), t(hi), 'accepted', p.pinned ? FITTED : '#c77d00', 3, 12);
  rect(t(p.best) - 1, t(p.best) + 1, 'best', RECORD, 0, H);
  return svg;
}

function parameterRow(p: FitParameter): HTMLTableRowElement {
  const short = p.parameter.replace(/^behaviour\./, '');
  const profile = p.profileLo !== null && p.profileHi !== null ? ` · profile [${number(p.profileLo)}, ${number(p.profileHi)}]` : '';
  return el(
    'tr',
    { 'data-parameter': p.parameter, class: p.pinned ? 'pinned' : 'loose' },
    el('td', {}, short),
    el('td', { class: 'num' }, number(p.best)),
    el('td', { class: 'num' }, `[${number(p.acceptedLo)}, ${number(p.acceptedHi)}]`, el('span', { class: 'interval' }, `prior [${number(p.priorLo)}, ${number(p.priorHi)}]${p.log ? ' log' : ''}${profile}`)),
    el('td', {}, rangeBar(p)),
    el('td', { class: 'num' }, `${Math.round(p.share * 100)} %`),
    el('td', { class: 'verdict' }, p.verdict),
  );
}

function drawCalibration(container: HTMLElement, c: CalibrationView): void {
  const seeds = c.seeds ? describeSeeds(c.seeds) : 'seeds as in fit.csv';
  setExportContext({ scenario: `Calibration: ${c.name}`, seeds });
  container.append(
    el(
      'p',
      { class: 'fit-summary', id: 'fit-summary' },
      `${c.name} · best candidate${c.loss !== null ? `, loss ${number(c.loss)}` : ''} · ${seeds} · from ${c.origin}`,
    ),
  );
  if (!c.knowsLossKinds && c.series.length > 0)
    container.append(el('p', { class: 'fit-note', id: 'fit-levels-note' }, 'No targets file among the files: every series is drawn as levels. Open the targets file with the directory to draw series fitted relative to their first year as the loss compares them.'));
  if (c.series.length > 0) {
    container.append(el('h3', {}, 'Series: the record and the fit'));
    const grid = el('div', { class: 'chart-grid fit-series' });
    container.append(grid);
    const cells = c.series.map(() => grid.appendChild(el('div', { class: 'chart-cell' })));
    presetWidths(cells);
    c.series.forEach((s, i) => seriesChart(cells[i], s, seeds));
  }
  if (c.scalars.length > 0) {
    container.append(
      el(
        'div',
        { class: 'effects-wrap' },
        el('h3', {}, 'Paired effects and stylised facts'),
        el(
          'table',
          { class: 'effects fit-targets' },
          el('thead', {}, el('tr', {}, ...['Target', 'Kind', 'Wanted', 'Fitted [90 % interval]', 'Loss × weight', ''].map((h) => el('th', {}, h)))),
          el('tbody', {}, ...c.scalars.map(scalarRow)),
        ),
      ),
    );
  }
  if (c.parameters) {
    const loose = c.parameters.filter((p) => !p.pinned).map((p) => p.parameter.replace(/^behaviour\./, ''));
    container.append(
      el(
        'div',
        { class: 'effects-wrap' },
        el('h3', {}, 'Identifiability: what the targets pin down'),
        el(
          'p',
          { class: 'fit-note', id: 'fit-loose' },
          loose.length > 0
            ? `Not pinned down by these targets: ${loose.join(', ')} (its accepted sets spread over much of its prior range, in orange).`
            : 'Every fitted parameter is pinned down: its accepted sets keep a small part of its prior range.',
        ),
        el(
          'table',
          { class: 'effects identifiability' },
          el('thead', {}, el('tr', {}, ...['Parameter', 'Best', 'Accepted range', 'Within its prior', 'Share kept', 'Verdict'].map((h) => el('th', {}, h)))),
          el('tbody', {}, ...c.parameters.map(parameterRow)),
        ),
      ),
    );
  }
}

/**
 * Draw the view. `choice.name` is a bundled calibration or "files" (opened from disk); `onChoice`
 * is told when the user picks another, so the page can keep it in the link.
 */
export function renderFit(container: HTMLElement, choice: FitChoice, onChoice: (next: FitChoice) => void): void {
  container.replaceChildren();
  const select = el('select', { id: 'fit-choice', 'aria-label': 'Calibration' });
  for (const name of BUNDLED.keys()) {
    const read = bundledCalibration(name);
    select.append(el('option', { value: name }, `${read?.ok ? read.value.name : name} (calibration/${name}.*)`));
  }
  if (choice.opened) select.append(el('option', { value: OPENED }, `${choice.opened.name} (opened from disk)`));
  select.value = choice.opened && choice.name === OPENED ? OPENED : choice.name;
  select.addEventListener('change', () => onChoice({ name: select.value, opened: choice.opened }));
  const errors = el('div', { class: 'errors', id: 'fit-errors', role: 'alert', hidden: true });
  const dir = el('input', { type: 'file', id: 'fit-dir', class: 'visually-hidden', multiple: true });
  dir.setAttribute('webkitdirectory', '');
  const files = el('input', { type: 'file', id: 'fit-files', class: 'visually-hidden', multiple: true, accept: '.csv,.json' });
  const open = async (input: HTMLInputElement) => {
    if (!input.files || input.files.length === 0) return;
    const { files: texts, origin } = await readChosen(input.files);
    input.value = '';
    const read: Read<CalibrationView> = calibrationFromFiles(texts, origin);
    if (!read.ok) {
      errors.hidden = false;
      errors.replaceChildren(el('p', {}, `${origin} was not loaded:`), el('ul', {}, ...read.errors.map((e) => el('li', {}, e))));
      return;
    }
    onChoice({ name: OPENED, opened: read.value });
  };
  dir.addEventListener('change', () => void open(dir));
  files.addEventListener('change', () => void open(files));
  container.append(
    el('h2', { class: 'fit-title' }, 'Calibration: the model beside the record'),
    el(
      'p',
      { class: 'fit-intro' },
      'What balloon calibrate fitted and how well: the best parameter set’s fit to each observed series, effect and fact, and how tightly the targets pin each parameter down (docs/calibration.md).',
    ),
    el(
      'div',
      { class: 'fit-controls' },
      el('label', { for: 'fit-choice' }, 'Show '),
      select,
      el('label', { class: 'drop', for: 'fit-dir' }, 'Open a calibration directory…'),
      dir,
      el('label', { class: 'drop', for: 'fit-files' }, 'or its files (fit.csv, identifiability.csv, best.json, targets)…'),
      files,
    ),
    errors,
  );
  const shown = choice.name === OPENED ? (choice.opened ? { ok: true as const, value: choice.opened } : null) : bundledCalibration(choice.name);
  if (!shown) {
    container.append(
      el(
        'p',
        { class: 'placeholder notice', id: 'fit-notice' },
        choice.name === OPENED
          ? 'This link showed a calibration opened from disk, which a link cannot carry: open its directory again (“Open a calibration directory…” above).'
          : `No calibration named “${choice.name}” is bundled with the app: choose one above, or open a directory written by balloon calibrate --out DIR.`,
      ),
    );
    return;
  }
  if (!shown.ok) {
    errors.hidden = false;
    errors.replaceChildren(el('ul', {}, ...shown.errors.map((e) => el('li', {}, e))));
    return;
  }
  drawCalibration(container, shown.value);
}
