/**
 * A 64-bit content hash (two independent 32-bit lanes of a Murmur3-style mix)
 * over the exact bytes of the result columns and the summary. Pure
 * arithmetic, so Node and browsers give the same digest for the same bytes.
 */
/** One word into the first lane's state; returns the new state. */
function mix1(h: number, k: number): number {
  let a = Math.imul(k, 0xcc9e2d51);
  a = (a << 15) | (a >>> 17);
  a = Math.imul(a, 0x1b873593);
  h ^= a;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** One word into the second lane's state; returns the new state. */
function mix2(h: number, k: number): number {
  let b = Math.imul(k ^ 0x5bd1e995, 0x85ebca77);
  b = (b << 17) | (b >>> 15);
  b = Math.imul(b, 0xc2b2ae3d);
  h ^= b;
  h = (h << 11) | (h >>> 21);
  return (Math.imul(h, 9) + 0x27d4eb2f) | 0;
}

/** Words mixed per call of `chunk`. */
const CHUNK = 1024;

export class Hasher {
  private h1 = 0x9747b28c;
  private h2 = 0x85ebca6b;

  private mix(k: number): void {
    this.h1 = mix1(this.h1, k);
    this.h2 = mix2(this.h2, k);
  }

  /** Hash the raw bytes of a typed array (little-endian hosts; all supported hosts are). */
  bytes(view: ArrayBufferView): this {
    const u8 = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    const words = Math.floor(u8.length / 4);
    if (u8.byteOffset % 4 === 0) {
      const u32 = new Uint32Array(u8.buffer, u8.byteOffset, words);
      // In chunks: a call per chunk lets the engine optimise `chunk` whole. One loop over a whole
      // column was optimised on the stack at each call and that code dropped at the loop's exit
      // (hundreds of deoptimisations a run in Chromium's workers).
      for (let from = 0; from < words; from += CHUNK) this.chunk(u32, from, Math.min(words, from + CHUNK));
    } else {
      for (let i = 0; i < words; i++) this.mix(u8[4 * i] | (u8[4 * i + 1] << 8) | (u8[4 * i + 2] << 16) | (u8[4 * i + 3] << 24));
    }
    for (let i = words * 4; i < u8.length; i++) this.mix(u8[i]);
    this.mix(u8.length);
    return this;
  }

  /** Words [from, to) of `u32` into both lanes, their states in locals (the same mixing as `mix`). */
  private chunk(u32: Uint32Array, from: number, to: number): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = from; i < to; i++) {
      const k = u32[i];
      h1 = mix1(h1, k);
      h2 = mix2(h2, k);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  string(s: string): this {
    for (let i = 0; i < s.length; i++) this.mix(s.charCodeAt(i));
    this.mix(s.length);
    return this;
  }

  number(x: number): this {
    return this.bytes(new Float64Array([x]));
  }

  digest(): string {
    const fin = (h: number) => {
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
      return (h >>> 0).toString(16).padStart(8, '0');
    };
    return fin(this.h1 ^ this.h2) + fin(this.h2 + 0x632be5ab);
  }
}
