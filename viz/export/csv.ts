/** Results as the CLI's tidy CSV: the same columns and number formatting (sim/io). */
import { toRows } from '../../sim/results/rows';
import type { RunResult } from '../../sim/results/types';
import { tidyHeader, tidyText } from '../../sim/io/tidy';
import { formatSeeds } from '../state/seeds';
import { download, slug } from './download';

export function resultsCsv(runs: readonly RunResult[]): string {
  return tidyHeader('csv') + runs.map((r) => tidyText(toRows(r), r.seed, 'csv')).join('');
}

export function downloadResultsCsv(runs: readonly RunResult[]): void {
  if (runs.length === 0) return;
  const seeds = runs.map((r) => r.seed);
  const name = `balloon-${slug(runs[0].scenario)}-seeds-${seeds.length === 1 ? seeds[0] : formatSeeds(seeds)}.csv`;
  download(new Blob([resultsCsv(runs)], { type: 'text/csv' }), name);
}
