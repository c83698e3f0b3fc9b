/**
 * Seeds as people type them, with the CLI's meaning: a bare number K is K seeds
 * from the first seed upward (`--seeds 5` = seeds 1–5, as `balloon run --seeds 5`);
 * a range "3-7" or a list "1,5,9" names the seeds themselves.
 */
import type { RunResult } from '../../sim/results/types';

export const MAX_SEEDS = 32;

export type SeedsParse = { ok: true; seeds: number[] } | { ok: false; message: string };

const MAX_SEED = 2 ** 32 - 1;

export function parseSeeds(text: string, first = 1): SeedsParse {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) {
    const count = Number(trimmed);
    if (count < 1 || count > MAX_SEEDS) return { ok: false, message: `seeds: expected a number of seeds in [1, ${MAX_SEEDS}] (use the CLI for more), got "${trimmed}"` };
    if (!Number.isSafeInteger(first) || first < 0 || first + count - 1 > MAX_SEED) return { ok: false, message: `first seed: expected a whole number in [0, ${MAX_SEED}], got "${first}"` };
    return { ok: true, seeds: Array.from({ length: count }, (_, i) => first + i) };
  }
  const seeds: number[] = [];
  const parts = trimmed.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) return { ok: false, message: 'seeds: expected a number of seeds such as 5, a range such as 3-7 or a list such as 1,5,9, got nothing' };
  if (parts.length === 1 && !parts[0].includes('-')) return { ok: false, message: `seeds: expected a number of seeds such as 5, a range such as 3-7 or a list such as 1,5,9, got "${parts[0]}"` };
  for (const part of parts) {
    const range = /^(\d+)\s*-\s*(\d+)$/.exec(part);
    const single = /^\d+$/.test(part) ? Number(part) : NaN;
    const from = range ? Number(range[1]) : single;
    const to = range ? Number(range[2]) : single;
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || to < from || to > MAX_SEED) {
      return { ok: false, message: `seeds: expected whole numbers in [0, ${MAX_SEED}], ranges low-high or lists, got "${part}"` };
    }
    for (let s = from; s <= to && seeds.length <= MAX_SEEDS; s++) if (!seeds.includes(s)) seeds.push(s);
  }
  if (seeds.length > MAX_SEEDS) return { ok: false, message: `seeds: expected at most ${MAX_SEEDS} seeds in the browser (use the CLI for more), got more` };
  return { ok: true, seeds };
}

/** The shortest text for a seed list: "1-3" for consecutive seeds, else "1,5,9" ("7-7" for seed 7 alone, since "7" means seven seeds). */
export function formatSeeds(seeds: readonly number[]): string {
  const consecutive = seeds.length > 0 && seeds.every((s, i) => i === 0 || s === seeds[i - 1] + 1);
  return consecutive ? `${seeds[0]}-${seeds[seeds.length - 1]}` : seeds.join(',');
}

/** Seeds for people: "3 seeds (1–3)", "seed 7", "3 seeds (1, 5, 9)". */
export function describeSeeds(seeds: readonly number[]): string {
  if (seeds.length === 1) return `seed ${seeds[0]}`;
  const consecutive = seeds.every((s, i) => i === 0 || s === seeds[i - 1] + 1);
  return `${seeds.length} seeds (${consecutive ? `${seeds[0]}–${seeds[seeds.length - 1]}` : seeds.join(', ')})`;
}

/** The note under a chart of `runs`: a mean and band over seeds, or one seed. */
export function seedNote(runs: readonly RunResult[]): string {
  return runs.length > 1 ? `mean of ${runs.length} seeds, band: 5–95% of runs` : 'one seed';
}
