/** From a uniform number u in [0,1) to a parameter's value: ranges (linear or log, optionally whole) and lists. */
import { isRange, type Parameter, type ParameterValue } from '../schema';

export function valueAt(p: Parameter, u: number): ParameterValue {
  if (!isRange(p)) return p.values[Math.min(p.values.length - 1, Math.floor(u * p.values.length))];
  let x: number;
  if (p.min === p.max) x = p.min;
  else if (p.scale === 'log') x = Math.exp(Math.log(p.min) + u * (Math.log(p.max) - Math.log(p.min)));
  else x = p.min + u * (p.max - p.min);
  if (p.integer) x = Math.round(x);
  return Math.min(p.max, Math.max(p.min, x));
}

/** A range's grid levels: `levels` values evenly spaced from min to max, both included. */
export function gridLevels(p: Parameter): ParameterValue[] {
  if (!isRange(p)) return p.values;
  const n = p.levels ?? 2;
  const out: ParameterValue[] = [];
  for (let i = 0; i < n; i++) {
    const u = i / (n - 1);
    let x = p.scale === 'log' ? Math.exp(Math.log(p.min) + u * (Math.log(p.max) - Math.log(p.min))) : p.min + u * (p.max - p.min);
    if (i === n - 1) x = p.max; // exact ends, no rounding drift
    if (i === 0) x = p.min;
    out.push(p.integer ? Math.round(x) : x);
  }
  return out;
}
