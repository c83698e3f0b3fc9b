/**
 * A strict JSON reader for untrusted scenario text. Unlike `JSON.parse` it:
 * - never recurses, and stops at nesting deeper than `maxDepth` (a 100 000-deep
 *   array is an error, not a stack overflow);
 * - rejects prototype keys (`__proto__`, `constructor`, `prototype`) and keys
 *   given twice in one object, naming the data path and the line;
 * - reports syntax errors with line and column and the data path being read,
 *   with the same words in every host (browser engines phrase JSON.parse
 *   errors differently).
 * Accepts RFC 8259 JSON, plus a leading byte-order mark. The tokens are read by
 * jsonScanner.ts; this file builds the values, with a stack of open containers.
 */
import { shortKey, type PathSegment, type PendingError } from '../validation/errors';
import { JsonScanner, JsonSyntaxError, lineColumn, noteAt } from './jsonScanner';
import { PROTOTYPE_KEYS, PROTOTYPE_KEY_EXPECTED } from './prototypeKeys';

/**
 * `ok` when the text is JSON. `keyProblems` lists prototype keys and repeated
 * keys; their values were left out of `value` (the first of repeated keys is kept),
 * so `value` is safe to inspect further, but the file must still be rejected.
 */
export type JsonReadResult = { ok: true; value: unknown; keyProblems: PendingError[] } | { ok: false; errors: PendingError[] };

interface ArrayFrame {
  kind: 'array';
  value: unknown[];
}
interface ObjectFrame {
  kind: 'object';
  value: Record<string, unknown>;
  key: string;
  /** The current key was rejected: read its value but do not keep it. */
  skip: boolean;
  seen: Set<string>;
}
type Frame = ArrayFrame | ObjectFrame;

/** A value read: complete (a scalar, an empty container), or a container opened on the stack. */
type Opened = { complete: true; value: unknown } | { complete: false };

class ValueBuilder {
  /** The containers open around the position, outermost first. */
  private readonly stack: Frame[] = [];
  /**
   * Prototype and duplicate keys are collected (the rest of the file is still read,
   * so that all of them are reported) and their values are never stored.
   */
  readonly keyProblems: PendingError[] = [];

  constructor(
    private readonly s: JsonScanner,
    private readonly maxDepth: number,
  ) {}

  /** The data path of the value being read. */
  path(): PathSegment[] {
    return this.stack.map((f) => (f.kind === 'array' ? f.value.length : f.key));
  }

  get depth(): number {
    return this.stack.length;
  }

  /** Reads an object key and the colon after it. */
  readKey(frame: ObjectFrame): void {
    const s = this.s;
    s.skipWhitespace();
    if (s.peek() !== 34) s.fail('a property name in double quotes');
    const keyPos = s.pos;
    const key = s.readString();
    frame.key = key;
    frame.skip = false;
    if (PROTOTYPE_KEYS.has(key)) {
      this.keyProblems.push({ segments: this.path(), expected: PROTOTYPE_KEY_EXPECTED, found: `key ${JSON.stringify(key)}`, note: noteAt(s.text, keyPos) });
      frame.skip = true;
    } else if (frame.seen.has(key)) {
      this.keyProblems.push({ segments: this.path(), expected: 'each key once per object', found: `${JSON.stringify(shortKey(key))} a second time`, note: noteAt(s.text, keyPos) });
      frame.skip = true;
    }
    frame.seen.add(key);
    s.skipWhitespace();
    if (s.peek() !== 58) s.fail('":" after the property name');
    s.pos++;
  }

  /** After the opening brace or bracket (and white space): an empty container is complete, else it goes on the stack. */
  open(c: number): Opened {
    const s = this.s;
    if (c === 123) {
      const frame: ObjectFrame = { kind: 'object', value: {}, key: '', skip: false, seen: new Set() };
      if (s.peek() === 125) {
        s.pos++;
        return { complete: true, value: frame.value };
      }
      this.stack.push(frame);
      this.readKey(frame);
      return { complete: false };
    }
    if (s.peek() === 93) {
      s.pos++;
      return { complete: true, value: [] };
    }
    this.stack.push({ kind: 'array', value: [] });
    return { complete: false };
  }

  /**
   * Attaches a complete value to its container, closing the containers that end
   * with it. The whole document once no container is open; else undefined, and
   * the next value is to be read.
   */
  attach(value: unknown): { value: unknown } | undefined {
    const s = this.s;
    for (;;) {
      const top = this.stack[this.stack.length - 1];
      if (!top) {
        s.skipWhitespace();
        if (s.pos < s.text.length) s.fail('end of file after the JSON value');
        return { value };
      }
      if (top.kind === 'array') top.value.push(value);
      else if (!top.skip) top.value[top.key] = value; // safe: prototype keys are skipped
      s.skipWhitespace();
      const d = s.peek();
      if (d === 44) {
        s.pos++;
        if (top.kind === 'object') this.readKey(top);
        return undefined;
      }
      if ((top.kind === 'array' && d === 93) || (top.kind === 'object' && d === 125)) {
        s.pos++;
        this.stack.pop();
        value = top.value;
      } else {
        s.fail(top.kind === 'array' ? '"," or "]"' : '"," or "}"');
      }
    }
  }
}

export function readJson(text: string, maxDepth: number): JsonReadResult {
  const s = new JsonScanner(text);
  const b = new ValueBuilder(s, maxDepth);
  try {
    // Read one value (opening containers pushes frames), then attach it to its parent.
    for (;;) {
      s.skipWhitespace();
      const c = s.peek();
      let read: Opened;
      if (c === 123 || c === 91) {
        if (b.depth >= maxDepth) {
          return { ok: false, errors: [{ segments: b.path(), expected: `nesting at most ${maxDepth} levels deep`, found: 'deeper nesting', note: noteAt(text, s.pos) }] };
        }
        s.pos++;
        s.skipWhitespace();
        read = b.open(c);
      } else {
        read = { complete: true, value: s.readScalar() };
      }
      if (!read.complete) continue;
      const done = b.attach(read.value);
      if (done) return { ok: true, value: done.value, keyProblems: b.keyProblems };
    }
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    const { line, column } = lineColumn(text, e.pos);
    const syntax: PendingError = { segments: b.path(), expected: e.expected, found: e.found ?? s.describeAt(e.pos), note: `(JSON syntax error at line ${line}, column ${column})` };
    return { ok: false, errors: [...b.keyProblems, syntax] };
  }
}
