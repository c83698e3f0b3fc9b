/**
 * The bundled scenario library: every `scenarios/*.json`, as file text (the worker
 * validates the text exactly as the CLI reads a file). The baseline comes first.
 */
import type { ScenarioError } from '../../sim/validation/errors';
import { utf8Problem } from '../../sim/scenario/utf8';

const files = import.meta.glob('../../scenarios/*.json', { eager: true, query: '?raw', import: 'default' }) as Record<string, string>;

export interface ScenarioSource {
  /** Library file name without extension, e.g. "baseline"; "file:NAME" for files opened from disk. */
  id: string;
  /** The scenario's own `name`, or the file name if it has none. */
  name: string;
  description: string;
  text: string;
}

function describe(id: string, text: string): ScenarioSource {
  let name = id;
  let description = '';
  try {
    const json = JSON.parse(text) as { name?: unknown; description?: unknown };
    if (typeof json.name === 'string') name = json.name;
    if (typeof json.description === 'string') description = json.description;
  } catch {
    // Not JSON: the worker's validation explains why.
  }
  return { id, name, description, text };
}

export const LIBRARY: ScenarioSource[] = Object.entries(files)
  .map(([path, text]) => describe(path.replace(/^.*\//, '').replace(/\.json$/, ''), text))
  .sort((a, b) => (a.id === 'baseline' ? -1 : b.id === 'baseline' ? 1 : a.name.localeCompare(b.name)));

export function sourceFromFile(fileName: string, text: string): ScenarioSource {
  return describe(`file:${fileName}`, text);
}

/**
 * A file opened from disk, from its bytes: its source, or, when it is not UTF-8, the one
 * problem in the CLI's words (byte offset and line) instead of text full of U+FFFD.
 */
export function sourceFromBytes(fileName: string, bytes: Uint8Array): { ok: true; source: ScenarioSource } | { ok: false; errors: ScenarioError[] } {
  const notText = utf8Problem(bytes);
  if (notText) return { ok: false, errors: [{ path: '', expected: 'UTF-8 text', found: 'a byte that is not valid UTF-8', message: notText }] };
  return { ok: true, source: sourceFromFile(fileName, new TextDecoder().decode(bytes)) };
}
