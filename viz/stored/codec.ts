/**
 * Run results as one binary file and back, bit for bit: a JSON header (everything
 * but the columns) followed by each result's columns, 8-byte aligned, so the page
 * decodes them as typed-array views of the fetched buffer without a copy. Used for
 * the results computed when the app is built (see vite.config.ts).
 * Host-free.
 */
import type { EntityInfo, MeasureInfo, RunResult } from '../../sim/results/types';

const MAGIC = 0x53524c42; // "BLRS", little-endian
const VERSION = 1;

interface ResultHeader {
  scenario: string;
  seed: number;
  ticks: number;
  ticksPerYear: number;
  start: string;
  hash: string;
  length: number;
  entities: EntityInfo[];
  measures: MeasureInfo[];
  summaryKeys: string[];
  /** Byte offsets of value, summary, tick, entity and measure from the start of the file. */
  at: { value: number; summary: number; tick: number; entity: number; measure: number };
}

const align8 = (n: number) => Math.ceil(n / 8) * 8;

/** `extra`: any JSON value stored with the results (e.g. the validated scenario they ran). */
export function encodeResults(results: readonly RunResult[], extra: unknown = null): Uint8Array {
  const headers: Omit<ResultHeader, 'at'>[] = results.map((r) => ({
    scenario: r.scenario,
    seed: r.seed,
    ticks: r.ticks,
    ticksPerYear: r.ticksPerYear,
    start: r.start,
    hash: r.hash,
    length: r.series.length,
    entities: r.series.entities,
    measures: r.series.measures,
    summaryKeys: Object.keys(r.summary),
  }));
  // The header's size depends on the offsets it holds: lay out with a generous header bound, then fix it.
  const layout = (start: number): ResultHeader[] => {
    let at = start;
    return headers.map((h) => {
      const value = at;
      const summary = value + 8 * h.length;
      const tick = summary + 8 * h.summaryKeys.length;
      const entity = tick + 4 * h.length;
      const measure = entity + 2 * h.length;
      at = align8(measure + 2 * h.length);
      return { ...h, at: { value, summary, tick, entity, measure } };
    });
  };
  const header = (start: number) => new TextEncoder().encode(JSON.stringify({ results: layout(start), extra }));
  let headerBytes = header(0);
  let start = align8(12 + headerBytes.length + 64);
  headerBytes = header(start);
  while (12 + headerBytes.length > start) {
    start = align8(12 + headerBytes.length + 64);
    headerBytes = header(start);
  }
  const laid = layout(start);
  const last = laid[laid.length - 1];
  const total = last ? align8(last.at.measure + 2 * last.length) : start;
  const out = new Uint8Array(total);
  const words = new DataView(out.buffer);
  words.setUint32(0, MAGIC, true);
  words.setUint32(4, VERSION, true);
  words.setUint32(8, headerBytes.length, true);
  out.set(headerBytes, 12);
  laid.forEach((h, i) => {
    const r = results[i];
    const n = h.length;
    new Float64Array(out.buffer, h.at.value, n).set(r.series.value.subarray(0, n));
    new Float64Array(out.buffer, h.at.summary, h.summaryKeys.length).set(h.summaryKeys.map((k) => r.summary[k]));
    new Int32Array(out.buffer, h.at.tick, n).set(r.series.tick.subarray(0, n));
    new Uint16Array(out.buffer, h.at.entity, n).set(r.series.entity.subarray(0, n));
    new Uint16Array(out.buffer, h.at.measure, n).set(r.series.measure.subarray(0, n));
  });
  return out;
}

/** The results in `buffer` and the JSON value stored with them; throws a one-line error naming what was expected and found. */
export function decodeResults(buffer: ArrayBuffer): { results: RunResult[]; extra: unknown } {
  const words = new DataView(buffer);
  if (buffer.byteLength < 12 || words.getUint32(0, true) !== MAGIC) throw new Error(`stored results: expected a BLRS file, found ${buffer.byteLength} bytes without its mark`);
  const version = words.getUint32(4, true);
  if (version !== VERSION) throw new Error(`stored results: expected format version ${VERSION}, found ${version}`);
  const { results: headers, extra } = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 12, words.getUint32(8, true)))) as { results: ResultHeader[]; extra: unknown };
  const results = headers.map((h): RunResult => {
    const values = new Float64Array(buffer, h.at.summary, h.summaryKeys.length);
    const summary: Record<string, number> = {};
    h.summaryKeys.forEach((k, i) => (summary[k] = values[i]));
    return {
      scenario: h.scenario,
      seed: h.seed,
      ticks: h.ticks,
      ticksPerYear: h.ticksPerYear,
      start: h.start,
      hash: h.hash,
      summary,
      series: {
        length: h.length,
        value: new Float64Array(buffer, h.at.value, h.length),
        tick: new Int32Array(buffer, h.at.tick, h.length),
        entity: new Uint16Array(buffer, h.at.entity, h.length),
        measure: new Uint16Array(buffer, h.at.measure, h.length),
        entities: h.entities,
        measures: h.measures,
      },
    };
  });
  return { results, extra };
}
