/** The UTF-8 check behind "expected UTF-8 text, found byte 0x.. at byte offset N" agrees with Node's decoder on random bytes. */
import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8, utf8Problem } from '../../sim/scenario/utf8';

const runs = Number(process.env.BALLOON_FUZZ_RUNS ?? 300) * 20;

describe('firstInvalidUtf8', () => {
  it('is -1 exactly for valid UTF-8, and otherwise the first byte where the text stops being UTF-8', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 16 }),
      // mostly text, with a few random bytes spliced in
      fc.tuple(fc.string({ unit: 'binary', maxLength: 8 }), fc.uint8Array({ maxLength: 3 }), fc.string({ unit: 'binary', maxLength: 8 })).map(
        ([a, b, c]) => new Uint8Array([...Buffer.from(a, 'utf8'), ...b, ...Buffer.from(c, 'utf8')]),
      ),
    );
    fc.assert(
      fc.property(bytes, (a) => {
        const at = firstInvalidUtf8(a);
        expect(at === -1).toBe(isUtf8(a));
        if (at >= 0) {
          expect(isUtf8(a.subarray(0, at))).toBe(true);
          expect(isUtf8(a.subarray(0, at + 1))).toBe(false);
        }
      }),
      { numRuns: runs, seed: Number(process.env.BALLOON_FUZZ_SEED ?? 1) },
    );
  });

  it('names the byte, its offset and its line', () => {
    const text = Buffer.concat([Buffer.from('{\n  "name": "CAF'), Buffer.from([0xc9]), Buffer.from('"\n}\n')]);
    expect(utf8Problem(text)).toBe('expected UTF-8 text, found byte 0xC9 at byte offset 16 (line 2) that is not valid UTF-8; save the file as UTF-8');
    expect(utf8Problem(Buffer.from('{"name": "CAFÉ"}'))).toBeUndefined();
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // a surrogate
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0xaf]))).toBe(0); // overlong "/"
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xf4, 0x90, 0x80, 0x80]))).toBe(1); // above U+10FFFF
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xe2, 0x82]))).toBe(1); // cut short
  });
});
