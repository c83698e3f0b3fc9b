/**
 * The fit table and the identifiability table of a calibration directory as
 * text: printed at the end of `balloon calibrate` and by `balloon calibrate
 * --report DIR`. Read back from fit.csv, identifiability.csv and best.json, so a
 * report shows exactly what the files hold.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../sim/io/csv';
import { formatNumber } from '../../sim/io/number';
import { formatTable } from '../../sim/io/table';
import { inputError } from '../cli/errors';
import { FILES } from './outputs';
import { displayPath } from '../cli/paths';

function readTable(dir: string, file: string): Record<string, string>[] {
  const path = join(dir, file);
  if (!existsSync(path)) throw inputError(`${displayPath(dir)}: expected a finished calibration directory (with ${file}), got none; run balloon calibrate TARGETS --out ${displayPath(dir)} first`);
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8')).filter((r) => r.length > 1);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

const num = (s: string | undefined) => (s === undefined || s === '' ? '' : formatNumber(Number(s)));
const band = (lo: string, hi: string) => (lo === '' && hi === '' ? '' : `[${lo === '' ? '-inf' : num(lo)}, ${hi === '' ? 'inf' : num(hi)}]`);

export function calibrationReport(dir: string): string {
  const fit = readTable(dir, FILES.fit);
  const ids = readTable(dir, FILES.identifiability);
  const best = JSON.parse(readFileSync(join(dir, FILES.best), 'utf8')) as { name: string; loss: number; seeds: number[]; accepted: { count: number; tolerance: number; profileTolerance: number }; behaviour?: unknown; overrides?: unknown };
  const out: string[] = [];
  out.push(
    formatTable({
      title: `Fit of "${best.name}" (best candidate, loss ${formatNumber(best.loss)}, seeds ${best.seeds[0]}–${best.seeds[best.seeds.length - 1]})`,
      header: ['target', 'year', 'observed', 'fitted', '90% band', 'loss'],
      rows: fit.map((r) => [
        r.target,
        r.year,
        r.type === 'series' ? num(r.observed) : r.type === 'effect' ? band(r.observedLo, r.observedHi) : r.claim,
        num(r.fitted),
        band(r.fittedLo, r.fittedHi),
        num(r.loss),
      ]),
      note: `${[...new Set(fit.filter((r) => r.type !== 'series').map((r) => `${r.target}: ${r.what}`))].map((w) => `${w}\n`).join('')}series: the yearly value, mean over seeds, band = 5th-95th percentile over seeds; effects and facts: the estimate over seeds with its 90% interval. Loss per target (docs/calibration.md).`,
    }),
  );
  out.push(
    formatTable({
      title: 'Identifiability: how much of its prior range each parameter keeps',
      header: ['parameter', 'prior', 'best', 'accepted range', 'profile range', 'share', 'verdict'],
      rows: ids.map((r) => [
        r.parameter,
        `[${num(r.priorLo)}, ${num(r.priorHi)}]${r.scale === 'log' ? ' log' : ''}`,
        num(r.best),
        `[${num(r.acceptedLo)}, ${num(r.acceptedHi)}]`,
        r.profileLo === '' ? '' : `[${num(r.profileLo)}, ${num(r.profileHi)}]`,
        `${Math.round(100 * Number(r.share))}%`,
        r.note ? `${r.verdict}; ${r.note}` : r.verdict,
      ]),
      note: `accepted: the ${best.accepted.count} search candidates with loss ≤ ${formatNumber(best.accepted.tolerance)} (the best's loss plus seed noise); profile: the best with only that parameter moved, loss ≤ ${formatNumber(best.accepted.profileTolerance)}; share: the wider of the two, as a share of the prior range (on its search scale).`,
    }),
  );
  const paste = { ...(best.behaviour ? { behaviour: best.behaviour } : {}), ...(best.overrides ? { overrides: best.overrides } : {}) };
  out.push(`Best set (${displayPath(join(dir, FILES.best))}):\n${JSON.stringify(paste, null, 2)}\n`);
  return out.join('\n');
}
