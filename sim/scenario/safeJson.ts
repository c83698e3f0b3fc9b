/**
 * A strict JSON reader for untrusted scenario text. Unlike `JSON.parse` it:
 * - never recurses, and stops at nesting deeper than `maxDepth` (a 100 000-deep
 *   array is an error, not a stack overflow);
 * - rejects prototype keys (`__proto__`, `constructor`, `prototype`) and keys
 *   given twice in one object, naming the data path and the line;
 * - reports syntax errors with line and column and the data path being read,
 *   with the same words in every host (browser engines phrase JSON.parse
 *   errors differently).
 * Accepts RFC 8259 JSON, plus a leading byte-order mark.
 */
import { shortKey, type PathSegment, type PendingError } from './errors';
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

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: pos - lineStart + 1 };
}

class JsonSyntaxError {
  constructor(
    readonly pos: number,
    readonly expected: string,
    readonly found?: string,
  ) {}
}

export function readJson(text: string, maxDepth: number): JsonReadResult {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stack: Frame[] = [];
  const path = (): PathSegment[] =>
    stack.map((f) => (f.kind === 'array' ? f.value.length : f.key));
  let pos = start;

  const skipWhitespace = () => {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) pos++;
      else return;
    }
  };
  const describeAt = (p: number): string => {
    if (p >= text.length) return 'end of file';
    const cp = text.codePointAt(p) ?? 0;
    return JSON.stringify(String.fromCodePoint(cp));
  };
  const fail = (expected: string, at = pos, found?: string): never => {
    throw new JsonSyntaxError(at, expected, found ?? describeAt(at));
  };

  const readString = (): string => {
    const open = pos;
    let escaped = false;
    let i = pos + 1;
    for (;;) {
      if (i >= text.length) fail('a closing double quote', i);
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c < 32) fail('no control characters inside a string (write \\n, \\t)', i);
      if (c === 92) {
        escaped = true;
        const e = text.charCodeAt(i + 1);
        if (e === 117) {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('four hex digits after \\u', i + 2);
          i += 6;
          continue;
        }
        // " \ / b f n r t
        if (e !== 34 && e !== 92 && e !== 47 && e !== 98 && e !== 102 && e !== 110 && e !== 114 && e !== 116) {
          fail('an escape such as \\n, \\" or \\u00e9', i);
        }
        i += 2;
        continue;
      }
      i++;
    }
    pos = i + 1;
    return escaped ? (JSON.parse(text.slice(open, pos)) as string) : text.slice(open + 1, i);
  };

  const readScalar = (): unknown => {
    const c = text.charCodeAt(pos);
    if (c === 34) return readString();
    if (c === 45 || (c >= 48 && c <= 57)) {
      NUMBER.lastIndex = pos;
      const m = NUMBER.exec(text);
      if (!m) fail('a number', pos);
      pos += m![0].length;
      return Number(m![0]);
    }
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return value;
      }
    }
    return fail('a JSON value (object, list, string, number, true, false or null)');
  };

  // Prototype and duplicate keys are collected (the rest of the file is still read,
  // so that all of them are reported) and their values are never stored.
  const keyProblems: PendingError[] = [];
  /** Reads an object key and the colon after it. */
  const readKey = (frame: ObjectFrame): void => {
    skipWhitespace();
    if (text.charCodeAt(pos) !== 34) fail('a property name in double quotes');
    const keyPos = pos;
    const key = readString();
    frame.key = key;
    frame.skip = false;
    if (PROTOTYPE_KEYS.has(key)) {
      keyProblems.push({ segments: path(), expected: PROTOTYPE_KEY_EXPECTED, found: `key ${JSON.stringify(key)}`, note: noteAt(text, keyPos) });
      frame.skip = true;
    } else if (frame.seen.has(key)) {
      keyProblems.push({ segments: path(), expected: 'each key once per object', found: `${JSON.stringify(shortKey(key))} a second time`, note: noteAt(text, keyPos) });
      frame.skip = true;
    }
    frame.seen.add(key);
    skipWhitespace();
    if (text.charCodeAt(pos) !== 58) fail('":" after the property name');
    pos++;
  };

  try {
    let value: unknown;
    // Read one value (opening containers pushes frames), then attach it to its parent.
    for (;;) {
      skipWhitespace();
      const c = text.charCodeAt(pos);
      let complete = false;
      if (c === 123 || c === 91) {
        if (stack.length >= maxDepth) {
          return {
            ok: false,
            errors: [{ segments: path(), expected: `nesting at most ${maxDepth} levels deep`, found: 'deeper nesting', note: noteAt(text, pos) }],
          };
        }
        pos++;
        skipWhitespace();
        if (c === 123) {
          const frame: ObjectFrame = { kind: 'object', value: {}, key: '', skip: false, seen: new Set() };
          if (text.charCodeAt(pos) === 125) {
            pos++;
            value = frame.value;
            complete = true;
          } else {
            stack.push(frame);
            readKey(frame);
          }
        } else if (text.charCodeAt(pos) === 93) {
          pos++;
          value = [];
          complete = true;
        } else {
          stack.push({ kind: 'array', value: [] });
        }
      } else {
        value = readScalar();
        complete = true;
      }
      // Attach completed values to their parents, closing containers as they end.
      while (complete) {
        const top = stack[stack.length - 1];
        if (!top) {
          skipWhitespace();
          if (pos < text.length) fail('end of file after the JSON value');
          return { ok: true, value, keyProblems };
        }
        if (top.kind === 'array') top.value.push(value);
        else if (!top.skip) top.value[top.key] = value; // safe: prototype keys are skipped
        skipWhitespace();
        const d = text.charCodeAt(pos);
        if (d === 44) {
          pos++;
          if (top.kind === 'object') readKey(top);
          complete = false;
        } else if ((top.kind === 'array' && d === 93) || (top.kind === 'object' && d === 125)) {
          pos++;
          stack.pop();
          value = top.value;
        } else {
          fail(top.kind === 'array' ? '"," or "]"' : '"," or "}"');
        }
      }
    }
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    const { line, column } = lineColumn(text, e.pos);
    const syntax: PendingError = { segments: path(), expected: e.expected, found: e.found ?? describeAt(e.pos), note: `(JSON syntax error at line ${line}, column ${column})` };
    return { ok: false, errors: [...keyProblems, syntax] };
  }
}

function noteAt(text: string, pos: number): string {
  const { line, column } = lineColumn(text, pos);
  return `(line ${line}, column ${column})`;
}
