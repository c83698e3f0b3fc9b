/**
 * A 64-bit content hash (two independent 32-bit lanes of a Murmur3-style mix)
 * over the exact bytes of the result columns and the summary. Pure
 * arithmetic, so Node and browsers give the same digest for the same bytes.
 */
export class Hasher {
  private h1 = 0x9747b28c;
  private h2 = 0x85ebca6b;

  private mix(k: number): void {
    let a = Math.imul(k, 0xcc9e2d51);
    a = (a << 15) | (a >>> 17);
    a = Math.imul(a, 0x1b873593);
    this.h1 ^= a;
    this.h1 = (this.h1 << 13) | (this.h1 >>> 19);
    this.h1 = (Math.imul(this.h1, 5) + 0xe6546b64) | 0;
    let b = Math.imul(k ^ 0x5bd1e995, 0x85ebca77);
    b = (b << 17) | (b >>> 15);
    b = Math.imul(b, 0xc2b2ae3d);
    this.h2 ^= b;
    this.h2 = (this.h2 << 11) | (this.h2 >>> 21);
    this.h2 = (Math.imul(this.h2, 9) + 0x27d4eb2f) | 0;
  }

  /** Hash the raw bytes of a typed array (little-endian hosts; all supported hosts are). */
  bytes(view: ArrayBufferView): this {
    const u8 = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    const words = Math.floor(u8.length / 4);
    const u32 = u8.byteOffset % 4 === 0 ? new Uint32Array(u8.buffer, u8.byteOffset, words) : null;
    for (let i = 0; i < words; i++) {
      this.mix(u32 ? u32[i] : u8[4 * i] | (u8[4 * i + 1] << 8) | (u8[4 * i + 2] << 16) | (u8[4 * i + 3] << 24));
    }
    for (let i = words * 4; i < u8.length; i++) this.mix(u8[i]);
    this.mix(u8.length);
    return this;
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
