/// <reference types="vite/client" />
/**
 * The calibrations committed in calibration/ (each <name>.fit.csv with its
 * <name>.identifiability.csv, <name>.best.json and <name>.targets.json), bundled so
 * the app shows the default world's fit without a file; a directory written by
 * `balloon calibrate --out DIR` is opened from disk instead (viz/views/fitView.ts).
 */
import { calibrationFromFiles, type CalibrationView, type Read } from './fitTable';

const files = import.meta.glob(['../../calibration/*.fit.csv', '../../calibration/*.identifiability.csv', '../../calibration/*.best.json', '../../calibration/*.targets.json'], {
  eager: true,
  query: '?raw',
  import: 'default',
}) as Record<string, string>;

/** Committed calibrations by name ("default", …), each the files of one fit; only names with a fit table. */
export function bundledFiles(all: Record<string, string> = files): Map<string, Map<string, string>> {
  const groups = new Map<string, Map<string, string>>();
  for (const [path, text] of Object.entries(all)) {
    const base = path.replace(/^.*\//, '');
    const name = base.slice(0, base.indexOf('.'));
    if (!groups.has(name)) groups.set(name, new Map());
    groups.get(name)!.set(base, text);
  }
  for (const [name, group] of groups) if (!group.has(`${name}.fit.csv`)) groups.delete(name);
  // The default world's fit first, then the others by name.
  return new Map([...groups].sort(([a], [b]) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b))));
}

export const BUNDLED = bundledFiles();

export function bundledCalibration(name: string): Read<CalibrationView> | null {
  const group = BUNDLED.get(name);
  return group ? calibrationFromFiles(group, `calibration/${name}.*`) : null;
}
