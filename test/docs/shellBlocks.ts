/**
 * The shell commands of the project's documentation: every line of every ```sh / ```bash /
 * ```shell block of README.md, scenarios/README.md and docs/*.md, with its trailing comment
 * (`cmd   # what it does`) split off. Comment-only lines (#!/bin/bash, #SBATCH ...) are not
 * commands; a line ending in a backslash continues on the next.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DocCommand {
  /** The document, relative to the project root. */
  doc: string;
  /** 1-based line of the command in the document. */
  line: number;
  command: string;
  /** The trailing comment, without '#'. */
  comment: string;
}

export interface DocBlock {
  doc: string;
  line: number;
  lang: string;
  text: string;
}

const SHELL = new Set(['sh', 'bash', 'shell', 'console']);

/** Every fenced block of a Markdown text, with the line of its first content line. */
export function fencedBlocks(doc: string, markdown: string): DocBlock[] {
  const lines = markdown.split('\n');
  const blocks: DocBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```\s*([\w-]*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end])) end++;
    blocks.push({ doc, line: start + 1, lang: open[1].toLowerCase(), text: lines.slice(start, end).join('\n') });
    i = end;
  }
  return blocks;
}

/** A command's trailing comment starts at whitespace then '#' outside quotes. */
export function splitComment(line: string): { command: string; comment: string } {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1]))) return { command: line.slice(0, i).trim(), comment: line.slice(i + 1).trim() };
  }
  return { command: line.trim(), comment: '' };
}

export function shellCommands(block: DocBlock): DocCommand[] {
  if (!SHELL.has(block.lang)) return [];
  const out: DocCommand[] = [];
  const lines = block.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const first = i;
    let text = lines[i];
    while (text.endsWith('\\') && i + 1 < lines.length) text = `${text.slice(0, -1)} ${lines[++i].trim()}`;
    const { command, comment } = splitComment(text);
    if (command) out.push({ doc: block.doc, line: block.line + first, command, comment });
  }
  return out;
}

/** The documents whose commands are run: README.md, scenarios/README.md, docs/*.md. */
export function documentedFiles(root: string): string[] {
  const docs = readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`);
  return ['README.md', 'scenarios/README.md', ...docs];
}

export function blocksOf(root: string, doc: string): DocBlock[] {
  return fencedBlocks(doc, readFileSync(join(root, doc), 'utf8'));
}
