/**
 * Reads an input file the user named (a scenario, sweep, targets, design table or
 * observed data file) as UTF-8 text. Every problem is one input error naming the
 * file: missing or unreadable (in words), not a regular file, over its size limit,
 * or not valid UTF-8 (with the byte offset where it stops being text).
 */
import { readFileSync, statSync } from 'node:fs';
import { utf8Problem } from '../../sim/scenario/utf8';
import { describeFsError, inputError } from './errors';
import { displayPath } from './paths';

/** `what` names the file in messages ("sweep file"); `maxBytes` is its size limit. */
export function readTextFile(path: string, what: string, maxBytes: number): string {
  const shown = displayPath(path);
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw inputError(`${shown}: expected a ${what}, found a directory or device`);
    size = stat.size;
  } catch (err) {
    if (err instanceof Error && 'lines' in err) throw err;
    throw inputError(`${shown}: cannot read the ${what} (${describeFsError(err)})`);
  }
  if (size > maxBytes) throw inputError(`${shown}: expected a ${what} of at most ${maxBytes} bytes, got ${size} bytes`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw inputError(`${shown}: cannot read the ${what} (${describeFsError(err)})`);
  }
  const notText = utf8Problem(bytes);
  if (notText) throw inputError(`${shown}: ${notText}`);
  return bytes.toString('utf8');
}
