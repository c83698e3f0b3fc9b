/**
 * The repository stands alone: its documents and what the CLI and the app print never send a
 * reader outside it (the specification is docs/specification.md, cited as "§N"), and every
 * file a document links to or names exists.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/helpers';

const DOCS = ['README.md', 'SECURITY.md', 'scenarios/README.md', 'viz/README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)].filter((f) =>
  existsSync(join(ROOT, f)),
);

function sources(dir: string, names = /\.(ts|mjs|html)$/): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path, names);
    return names.test(e.name) ? [path] : [];
  });
}

/** The project's own text files (not node_modules, dist or test artifacts), for the check that nothing points outside it. */
const PROJECT_DIRS = ['bin', 'node', 'sim', 'viz', 'scripts', 'bench', 'test', 'scenarios', 'examples', 'calibration', 'data', 'docs', '.ci'];
const TEXT = /\.(ts|mjs|js|html|json|md|csv|css)$|^run$/;
function projectFiles(): string[] {
  const top = readdirSync(ROOT, { withFileTypes: true }).filter((e) => e.isFile() && TEXT.test(e.name)).map((e) => e.name);
  return [...top, ...PROJECT_DIRS.filter((d) => existsSync(join(ROOT, d))).flatMap((d) => sources(d, TEXT))];
}

/** A mention of the specification by a name a clone does not have. */
const OUTSIDE = /\.\.\/shared\b|\bMODEL\.md\b/;

describe('the repository stands alone', () => {
  it.each(DOCS)('%s points to nothing outside the repository', (doc) => {
    const text = readFileSync(join(ROOT, doc), 'utf8');
    const lines = text.split('\n').map((l, i) => `${doc}:${i + 1}: ${l}`).filter((l) => OUTSIDE.test(l.slice(l.indexOf(': ') + 2)));
    expect(lines).toEqual([]);
  });

  it('what the CLI and the app print never cites MODEL.md or ../shared (node, viz, bin)', () => {
    const offending = ['node', 'viz', 'bin']
      .flatMap((d) => sources(d))
      .flatMap((file) => readFileSync(join(ROOT, file), 'utf8').split('\n').map((l, i) => ({ file, line: i + 1, text: l })))
      .filter((l) => OUTSIDE.test(l.text))
      .map((l) => `${l.file}:${l.line}: ${l.text.trim()}`);
    expect(offending).toEqual([]);
  });

  it('no file of the project names ../shared or MODEL.md (sources, tests, scripts, data, CI; this file excepted)', () => {
    const self = relative(ROOT, fileURLToPath(import.meta.url));
    const files = projectFiles().filter((f) => f !== self);
    expect(files).toContain('package.json');
    expect(files).toContain(join('sim', 'model', 'step.ts'));
    const offending = files
      .flatMap((file) => readFileSync(join(ROOT, file), 'utf8').split('\n').map((l, i) => ({ file, line: i + 1, text: l })))
      .filter((l) => OUTSIDE.test(l.text))
      .map((l) => `${l.file}:${l.line}: ${l.text.trim().slice(0, 120)}`);
    expect(offending).toEqual([]);
  });

  it.each(DOCS)('%s: every linked or named project file exists', (doc) => {
    const text = readFileSync(join(ROOT, doc), 'utf8');
    const named = new Set<string>();
    for (const m of text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) if (!/^[a-z]+:/.test(m[1])) named.add(join(dirname(doc), m[1]));
    // Paths in backticks that name a document or data file of the project, e.g. `docs/model.md`.
    for (const m of text.matchAll(/`((?:docs|scenarios|examples|calibration|data|test|sim|node|scripts|bench|viz)\/[\w./-]+\.(?:md|json|csv|ts))`/g)) named.add(m[1]);
    // Named relative to the document (viz/README.md names `data/library.ts`) or to the root.
    const missing = [...named].filter((p) => !existsSync(join(ROOT, dirname(doc), p)) && !existsSync(join(ROOT, p))).map((p) => `${doc}: ${relative(ROOT, join(ROOT, p))}`);
    expect(missing).toEqual([]);
  });

  it('docs/specification.md has the sections the documents cite (§1 to §8)', () => {
    const spec = readFileSync(join(ROOT, 'docs', 'specification.md'), 'utf8');
    for (let n = 1; n <= 8; n++) expect(spec).toMatch(new RegExp(`^## ${n}\\. `, 'm'));
    const cited = DOCS.flatMap((d) => [...readFileSync(join(ROOT, d), 'utf8').matchAll(/specification\.md`? §(\d+)/g)].map((m) => Number(m[1])));
    for (const n of cited) expect(n).toBeLessThanOrEqual(8);
  });
});
