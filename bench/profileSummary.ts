/**
 * The top of a V8 CPU profile (the DevTools protocol's Profiler.Profile): self time
 * by function, and total time of the functions named; and trace events summed by
 * thread and name. Host code for bench/profile-web.ts.
 */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const label = (frame: CpuProfile['nodes'][number]['callFrame']) =>
  `${frame.functionName || '(anonymous)'} ${frame.url ? `${frame.url.split('/').pop()}:${frame.lineNumber + 1}` : ''}`.trim();

/** Self milliseconds by function label, largest first. */
export function selfTimes(profile: CpuProfile): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i])!;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const key = label(node.callFrame);
    totals.set(key, (totals.get(key) ?? 0) + dt);
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/** Inclusive milliseconds by function label (a function counted once per sample however deep it recurses), largest first. */
export function totalTimes(profile: CpuProfile): [string, number][] {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const seen = new Set<string>();
    for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const key = label(byId.get(id)!.callFrame);
      if (seen.has(key)) continue;
      seen.add(key);
      totals.set(key, (totals.get(key) ?? 0) + dt);
    }
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

export function printTop(title: string, profile: CpuProfile, n = 15): void {
  const span = (profile.endTime - profile.startTime) / 1000;
  console.log(`\n${title}: ${span.toFixed(0)} ms profiled`);
  console.log('  self ms   function');
  for (const [name, ms] of selfTimes(profile).slice(0, n)) console.log(`  ${ms.toFixed(0).padStart(7)}   ${name}`);
  console.log('  total ms  function');
  for (const [name, ms] of totalTimes(profile).slice(0, n)) console.log(`  ${ms.toFixed(0).padStart(7)}   ${name}`);
}

export interface TraceEvent {
  name: string;
  tid: number;
  ph: string;
  dur?: number;
  args?: { name?: string };
}

/** Milliseconds of complete trace events by "thread name", largest first (nested events each count). */
export function traceTotals(events: readonly TraceEvent[]): [string, number][] {
  const threads = new Map<number, string>();
  for (const e of events) if (e.name === 'thread_name') threads.set(e.tid, e.args?.name ?? String(e.tid));
  const sums = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const key = `${threads.get(e.tid) ?? e.tid} ${e.name}`;
    sums.set(key, (sums.get(key) ?? 0) + e.dur / 1000);
  }
  return [...sums].sort((a, b) => b[1] - a[1]);
}
