/** Seeds as people type them: "1-3", "1,5,9" or "7". */
export const MAX_SEEDS = 32;

export type SeedsParse = { ok: true; seeds: number[] } | { ok: false; message: string };

export function parseSeeds(text: string): SeedsParse {
  const seeds: number[] = [];
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) return { ok: false, message: 'seeds: expected a seed such as 1, a range such as 1-3 or a list such as 1,5,9, got nothing' };
  for (const part of parts) {
    const range = /^(\d+)\s*-\s*(\d+)$/.exec(part);
    const single = /^\d+$/.test(part) ? Number(part) : NaN;
    const from = range ? Number(range[1]) : single;
    const to = range ? Number(range[2]) : single;
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || to < from || to > 2 ** 32 - 1) {
      return { ok: false, message: `seeds: expected whole numbers in [0, 4294967295], ranges low-high or lists, got "${part}"` };
    }
    for (let s = from; s <= to && seeds.length <= MAX_SEEDS; s++) if (!seeds.includes(s)) seeds.push(s);
  }
  if (seeds.length > MAX_SEEDS) return { ok: false, message: `seeds: expected at most ${MAX_SEEDS} seeds in the browser (use the CLI for more), got more` };
  return { ok: true, seeds };
}

/** The shortest text for a seed list: "1-3" for consecutive seeds, else "1,5,9". */
export function formatSeeds(seeds: readonly number[]): string {
  const consecutive = seeds.length > 1 && seeds.every((s, i) => i === 0 || s === seeds[i - 1] + 1);
  return consecutive ? `${seeds[0]}-${seeds[seeds.length - 1]}` : seeds.join(',');
}
