/**
 * The bundled scenario library: every `scenarios/*.json`, as file text (the worker
 * validates the text exactly as the CLI reads a file). The baseline comes first.
 */
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
