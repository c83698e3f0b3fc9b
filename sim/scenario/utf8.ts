/** Bytes the string takes as UTF-8, without an encoder (host-free). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Byte offset of the first byte that does not start (or continue) a valid UTF-8
 * sequence, or -1 if all of `bytes` is valid UTF-8 (RFC 3629: no overlong forms,
 * no surrogates, nothing above U+10FFFF). For a sequence cut short, the offset of
 * its first byte. Host-free, so every host can say where a file stops being text.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return i;
    if (i + need >= n) return i; // cut short by the end of the file
    const second = bytes[i + 1];
    if (second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k];
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** 1-based line of byte `offset` (counting LF bytes before it). */
export function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** One line for a file that is not UTF-8, or undefined if it is. */
export function utf8Problem(bytes: Uint8Array): string | undefined {
  const at = firstInvalidUtf8(bytes);
  if (at < 0) return undefined;
  const hex = bytes[at].toString(16).toUpperCase().padStart(2, '0');
  return `expected UTF-8 text, found byte 0x${hex} at byte offset ${at} (line ${lineOfByte(bytes, at)}) that is not valid UTF-8; save the file as UTF-8`;
}
