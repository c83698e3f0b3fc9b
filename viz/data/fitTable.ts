/**
 * A calibration's results as the app shows them, read from the files `balloon calibrate
 * --out DIR` writes (docs/calibration.md, Outputs): fit.csv (observed, fitted mean and
 * 90% band per target), and when present identifiability.csv, best.json and the
 * targets file (which says which series are compared relative to their first year).
 * Pure: the files come in as texts by name; problems come back as one line each
 * naming the file, what was expected and what was found.
 */
import { parseCsv } from '../../sim/io/csv';

export const FIT_COLUMNS = ['target', 'type', 'what', 'year', 'observed', 'observedLo', 'observedHi', 'claim', 'fitted', 'fittedLo', 'fittedHi', 'loss', 'weight'] as const;
const IDENTIFIABILITY_COLUMNS = ['parameter', 'scale', 'priorLo', 'priorHi', 'best', 'acceptedLo', 'acceptedHi', 'share', 'verdict'] as const;

/** An observed yearly series and the best candidate's fit of it. */
export interface FitSeries {
  target: string;
  /** e.g. "cultivationHa COL (ha)". */
  what: string;
  years: number[];
  observed: number[];
  /** Mean over seeds and its 5th–95th percentile over seeds. */
  fitted: number[];
  lo: number[];
  hi: number[];
  loss: number;
  weight: number;
  /** The loss compares each series relative to its first year ("relative"), not its level. */
  relative: boolean;
  /** The observed file the targets file names, when known. */
  observedFile: string | null;
}

/** A paired effect (with its band) or a stylised fact (with its claim), and the fitted estimate with its 90% interval. */
export interface FitScalar {
  target: string;
  type: 'effect' | 'fact';
  what: string;
  /** "in [0.2, 0.6]", "> 0". */
  claim: string;
  bandLo: number | null;
  bandHi: number | null;
  fitted: number;
  lo: number;
  hi: number;
  loss: number;
  weight: number;
}

export interface FitParameter {
  parameter: string;
  log: boolean;
  priorLo: number;
  priorHi: number;
  best: number;
  acceptedLo: number;
  acceptedHi: number;
  profileLo: number | null;
  profileHi: number | null;
  /** Share of the prior range kept (the wider of accepted and profile ranges). */
  share: number;
  pinned: boolean;
  verdict: string;
}

export interface CalibrationView {
  name: string;
  /** Where it came from, e.g. "calibration/default.*" or the files chosen. */
  origin: string;
  loss: number | null;
  seeds: number[] | null;
  series: FitSeries[];
  scalars: FitScalar[];
  parameters: FitParameter[] | null;
  /** Whether the targets file was there to say which series are relative. */
  knowsLossKinds: boolean;
}

export type Read<T> = { ok: true; value: T } | { ok: false; errors: string[] };

const blank = (s: string | undefined) => s === undefined || s.trim() === '';

/** Rows of a CSV as records by header, or the problems: missing columns, then cells that do not read as numbers. */
function table(text: string, file: string, required: readonly string[]): Read<Record<string, string>[]> {
  const lines = parseCsv(text.replace(/^\uFEFF/, '')).filter((r) => !(r.length === 1 && r[0] === ''));
  const header = lines[0] ?? [];
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length > 0) return { ok: false, errors: [`${file}: expected the columns ${required.join(',')}; found ${header.length > 0 ? header.join(',') : 'no header'} (missing ${missing.join(', ')})`] };
  return { ok: true, value: lines.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) };
}

/** A number cell, or a problem line (line numbers count the header as line 1). */
function numberCell(row: Record<string, string>, column: string, file: string, line: number, errors: string[], optional = false): number | null {
  const text = row[column];
  if (blank(text)) {
    if (!optional) errors.push(`${file}, line ${line}, ${column}: expected a number, found nothing`);
    return null;
  }
  const value = Number(text);
  if (!Number.isFinite(value) && !/^-?inf(inity)?$/i.test(text.trim()) && text.trim() !== 'NaN') {
    errors.push(`${file}, line ${line}, ${column}: expected a number, found "${text}"`);
    return null;
  }
  return Number.isFinite(value) ? value : /^-/.test(text.trim()) ? -Infinity : text.trim() === 'NaN' ? NaN : Infinity;
}

interface TargetInfo {
  relative: boolean;
  observed: string | null;
}

/** Which series targets are compared relative to their first year, by the id the outputs give them. */
export function targetInfo(text: string, file: string): Read<Map<string, TargetInfo>> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`${file}: expected a targets file (JSON), found text that is not JSON (${(e as Error).message})`] };
  }
  const targets = (json as { targets?: unknown }).targets;
  if (!Array.isArray(targets)) return { ok: false, errors: [`${file}: expected a targets file with a "targets" array, found ${json === null ? 'null' : typeof json === 'object' ? 'an object without it' : typeof json}`] };
  const out = new Map<string, TargetInfo>();
  for (const t of targets as Record<string, unknown>[]) {
    if (!t || t.type !== 'series') continue;
    const id = typeof t.id === 'string' ? t.id : `${String(t.measure)}.${String(t.entity)}`;
    out.set(id, { relative: t.loss === 'relative', observed: typeof t.observed === 'string' ? t.observed.replace(/^.*\//, '') : null });
  }
  return { ok: true, value: out };
}

/** The fit table of fit.csv: series gathered by target (in file order), effects and facts one row each. */
export function parseFit(text: string, file: string, targets: Map<string, TargetInfo> | null = null): Read<{ series: FitSeries[]; scalars: FitScalar[] }> {
  const read = table(text, file, FIT_COLUMNS);
  if (!read.ok) return read;
  const errors: string[] = [];
  const series = new Map<string, FitSeries>();
  const scalars: FitScalar[] = [];
  read.value.forEach((row, k) => {
    const line = k + 2;
    const n = (c: string, optional = false) => numberCell(row, c, file, line, errors, optional);
    const type = row.type;
    if (type === 'series') {
      const year = n('year');
      const observed = n('observed');
      const [fitted, lo, hi, loss, weight] = [n('fitted'), n('fittedLo'), n('fittedHi'), n('loss'), n('weight')];
      if (year === null || observed === null || fitted === null || lo === null || hi === null || loss === null || weight === null) return;
      let s = series.get(row.target);
      if (!s) {
        const info = targets?.get(row.target);
        s = { target: row.target, what: row.what, years: [], observed: [], fitted: [], lo: [], hi: [], loss, weight, relative: info?.relative ?? false, observedFile: info?.observed ?? null };
        series.set(row.target, s);
      }
      s.years.push(year);
      s.observed.push(observed);
      s.fitted.push(fitted);
      s.lo.push(lo);
      s.hi.push(hi);
    } else if (type === 'effect' || type === 'fact') {
      const [fitted, lo, hi, loss, weight] = [n('fitted'), n('fittedLo', true), n('fittedHi', true), n('loss'), n('weight')];
      if (fitted === null || loss === null || weight === null) return;
      scalars.push({ target: row.target, type, what: row.what, claim: row.claim, bandLo: n('observedLo', true), bandHi: n('observedHi', true), fitted, lo: lo ?? NaN, hi: hi ?? NaN, loss, weight });
    } else errors.push(`${file}, line ${line}, type: expected series, effect or fact, found "${type}"`);
  });
  if (errors.length > 0) return { ok: false, errors };
  if (series.size === 0 && scalars.length === 0) return { ok: false, errors: [`${file}: expected at least one row of the fit table, found none`] };
  return { ok: true, value: { series: [...series.values()], scalars } };
}

export function parseIdentifiability(text: string, file: string): Read<FitParameter[]> {
  const read = table(text, file, IDENTIFIABILITY_COLUMNS);
  if (!read.ok) return read;
  const errors: string[] = [];
  const out: FitParameter[] = [];
  read.value.forEach((row, k) => {
    const n = (c: string, optional = false) => numberCell(row, c, file, k + 2, errors, optional);
    const v = { priorLo: n('priorLo'), priorHi: n('priorHi'), best: n('best'), acceptedLo: n('acceptedLo'), acceptedHi: n('acceptedHi'), share: n('share'), profileLo: n('profileLo', true), profileHi: n('profileHi', true) };
    if (v.priorLo === null || v.priorHi === null || v.best === null || v.acceptedLo === null || v.acceptedHi === null || v.share === null) return;
    out.push({ parameter: row.parameter, log: row.scale === 'log', priorLo: v.priorLo, priorHi: v.priorHi, best: v.best, acceptedLo: v.acceptedLo, acceptedHi: v.acceptedHi, profileLo: v.profileLo, profileHi: v.profileHi, share: v.share, pinned: row.verdict === 'pinned down', verdict: row.note ? `${row.verdict}; ${row.note}` : row.verdict });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: out };
}

/** The file among `names` that plays `role`: "fit.csv" or "<anything>.fit.csv". */
function pick(names: readonly string[], role: string): string | undefined {
  return names.find((n) => n === role) ?? names.find((n) => n.endsWith(`.${role}`));
}

/**
 * A calibration from the files of its directory (by base name): fit.csv is required;
 * identifiability.csv, best.json, calibration.json and a *.targets.json are read when there.
 * Committed copies named <name>.fit.csv etc. (calibration/ in the repository) work too.
 */
export function calibrationFromFiles(files: ReadonlyMap<string, string>, origin: string): Read<CalibrationView> {
  const names = [...files.keys()];
  const fitName = pick(names, 'fit.csv');
  if (!fitName) return { ok: false, errors: [`${origin}: expected fit.csv (the fit table balloon calibrate --out DIR writes) among the files, found ${names.length > 0 ? names.join(', ') : 'no files'}`] };
  const errors: string[] = [];
  const targetsName = names.find((n) => n.endsWith('.targets.json')) ?? names.find((n) => n === 'targets.json');
  let targets: Map<string, TargetInfo> | null = null;
  if (targetsName) {
    const t = targetInfo(files.get(targetsName)!, targetsName);
    if (t.ok) targets = t.value;
    else errors.push(...t.errors);
  }
  const fit = parseFit(files.get(fitName)!, fitName, targets);
  if (!fit.ok) errors.push(...fit.errors);
  const idName = pick(names, 'identifiability.csv');
  const ids = idName ? parseIdentifiability(files.get(idName)!, idName) : null;
  if (ids && !ids.ok) errors.push(...ids.errors);
  let name: string | null = null;
  let loss: number | null = null;
  let seeds: number[] | null = null;
  const bestName = pick(names, 'best.json');
  if (bestName) {
    try {
      const best = JSON.parse(files.get(bestName)!) as { name?: unknown; loss?: unknown; seeds?: unknown };
      if (typeof best.name === 'string') name = best.name;
      if (typeof best.loss === 'number') loss = best.loss;
      if (Array.isArray(best.seeds) && best.seeds.every((s) => typeof s === 'number')) seeds = best.seeds as number[];
    } catch (e) {
      errors.push(`${bestName}: expected JSON, found text that is not JSON (${(e as Error).message})`);
    }
  }
  if (name === null) {
    const manifest = files.get('calibration.json') ?? (targetsName ? files.get(targetsName) : undefined);
    try {
      const m = manifest ? (JSON.parse(manifest) as { name?: unknown }) : null;
      if (m && typeof m.name === 'string') name = m.name;
    } catch {
      // The name is optional; the targets file's problems are reported above.
    }
  }
  if (errors.length > 0 || !fit.ok) return { ok: false, errors };
  return {
    ok: true,
    value: { name: name ?? origin, origin, loss, seeds, series: fit.value.series, scalars: fit.value.scalars, parameters: ids && ids.ok ? ids.value : null, knowsLossKinds: targets !== null },
  };
}

/** Whether a fitted estimate meets its target: inside the band (effects), on the claimed side (facts: loss 0). */
export function meets(s: FitScalar): boolean {
  return s.loss === 0;
}

/** A series as drawn: relative series divided by their first year's value (the fitted band by the fitted mean's). */
export function seriesForPlot(s: FitSeries): { observed: number[]; fitted: number[]; lo: number[]; hi: number[] } {
  if (!s.relative) return { observed: s.observed, fitted: s.fitted, lo: s.lo, hi: s.hi };
  const o = s.observed[0];
  const f = s.fitted[0];
  return { observed: s.observed.map((v) => v / o), fitted: s.fitted.map((v) => v / f), lo: s.lo.map((v) => v / f), hi: s.hi.map((v) => v / f) };
}
