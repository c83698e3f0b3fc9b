/** How the browser figures are printed (bench/main.ts and bench/web.ts). */
import { fmt, fmtSpread } from './stats';
import type { AppFigures } from './app-load';
import type { ReleaseFigures, WorkshopFigures } from './workshop-releases';

export function printApp(f: AppFigures): void {
  if (!f.ok) return console.log(`browser app: skipped: ${f.skipped}`);
  console.log('browser app (headless Chromium, built app, fresh context each load):');
  console.log(`  first charts after navigation: ${fmtSpread(f.firstChartsMs, 'ms', 0)}${f.storedFirst ? ' (stored results, checked live after)' : ''}`);
  console.log(`  workshop usable: ${fmtSpread(f.workshopUsableMs, 'ms', 0)} (charts ${fmt(f.workshopChartsMs.median, 0)} ms, live worker ready ${fmt(f.workshopReadyMs.median, 0)} ms)`);
  console.log(`  compare ${f.compareRuns} runs (9 scenarios x 3 seeds) on ${f.workers} workers: ${fmtSpread(f.compareMs, 'ms', 0)} from the click to the effect table, ${fmtSpread(f.compareDrawnMs, 'ms', 0)} to every chart (workers warmed ${fmt(f.compareWarmMs.median, 0)} ms after navigation)`);
}

const line = (r: ReleaseFigures) =>
  `first change ${fmtSpread(r.firstChangeMs, 'ms', 0)}, p90 ${fmt(r.firstChangeMs.p90, 0)} ms; complete ${fmtSpread(r.completeMs, 'ms', 0)}, p90 ${fmt(r.completeMs.p90, 0)} ms`;

export function printWorkshop(f: WorkshopFigures): void {
  if (!f.ok) return console.log(`workshop releases: skipped: ${f.skipped}`);
  console.log(`workshop slider releases (headless Chromium, ${f.releases} releases at random start years):`);
  console.log(`  releases 1-30:   ${line(f.first30)}`);
  console.log(`  of which the quick worker (re-run and digest): ${fmtSpread(f.workerMs, 'ms', 0)}, p90 ${fmt(f.workerMs.p90, 0)} ms`);
  if (f.last30) console.log(`  releases 71-100: ${line(f.last30)}`);
  console.log(`  page JS heap after GC: ${fmt(f.heapMb.start)} MB after release 1, ${fmt(f.heapMb.end)} MB at the end`);
}
