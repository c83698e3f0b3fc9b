/**
 * The tokens of strict JSON (RFC 8259) read from a position in the text: white
 * space, strings, numbers, true, false and null. A syntax error is thrown as a
 * JsonSyntaxError at the offending character, in the same words in every host
 * (browser engines phrase JSON.parse errors differently). safeJson.ts builds the
 * values from these tokens.
 */

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

/** `(line 4, column 7)` for messages. */
export function noteAt(text: string, pos: number): string {
  const { line, column } = lineColumn(text, pos);
  return `(line ${line}, column ${column})`;
}

export class JsonSyntaxError {
  constructor(
    readonly pos: number,
    readonly expected: string,
    readonly found?: string,
  ) {}
}

export class JsonScanner {
  /** The next character to read (after a leading byte-order mark). */
  pos: number;

  constructor(readonly text: string) {
    this.pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  /** The character code at the position (NaN at the end). */
  peek(): number {
    return this.text.charCodeAt(this.pos);
  }

  skipWhitespace(): void {
    for (;;) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) this.pos++;
      else return;
    }
  }

  /** The character at `p` as short JSON, or "end of file". */
  describeAt(p: number): string {
    if (p >= this.text.length) return 'end of file';
    const cp = this.text.codePointAt(p) ?? 0;
    return JSON.stringify(String.fromCodePoint(cp));
  }

  fail(expected: string, at = this.pos, found?: string): never {
    throw new JsonSyntaxError(at, expected, found ?? this.describeAt(at));
  }

  /** A string starting at the opening double quote. */
  readString(): string {
    const text = this.text;
    const open = this.pos;
    let escaped = false;
    let i = this.pos + 1;
    for (;;) {
      if (i >= text.length) this.fail('a closing double quote', i);
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c < 32) this.fail('no control characters inside a string (write \\n, \\t)', i);
      if (c === 92) {
        escaped = true;
        const e = text.charCodeAt(i + 1);
        if (e === 117) {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) this.fail('four hex digits after \\u', i + 2);
          i += 6;
          continue;
        }
        // " \ / b f n r t
        if (e !== 34 && e !== 92 && e !== 47 && e !== 98 && e !== 102 && e !== 110 && e !== 114 && e !== 116) {
          this.fail('an escape such as \\n, \\" or \\u00e9', i);
        }
        i += 2;
        continue;
      }
      i++;
    }
    this.pos = i + 1;
    return escaped ? (JSON.parse(text.slice(open, this.pos)) as string) : text.slice(open + 1, i);
  }

  /** A string, number, true, false or null. */
  readScalar(): unknown {
    const c = this.peek();
    if (c === 34) return this.readString();
    if (c === 45 || (c >= 48 && c <= 57)) {
      NUMBER.lastIndex = this.pos;
      const m = NUMBER.exec(this.text);
      if (!m) this.fail('a number', this.pos);
      this.pos += m![0].length;
      return Number(m![0]);
    }
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    return this.fail('a JSON value (object, list, string, number, true, false or null)');
  }
}
