import { describe, expect, it } from 'vitest';
import { Hasher } from '../../sim/results/hash';

// Digests computed with the hasher of 966dbed, which mixed every word of a column in one loop:
// hashing in chunks must give the same bits (run hashes of every result depend on it).
describe('Hasher', () => {
  const doubles = Float64Array.from({ length: 5000 }, (_, i) => Math.sin(i) * 1e6 + i / 7);
  const bytes = Uint8Array.from({ length: 4103 }, (_, i) => (i * 7919) & 255);

  it('hashes a column longer than a chunk, not a multiple of it, as word by word', () => {
    expect(new Hasher().bytes(doubles).digest()).toBe('2422accf77f71e43');
  });

  it('hashes unaligned bytes with a tail, and 16-bit columns with numbers and strings after them, as before', () => {
    expect(new Hasher().bytes(bytes.subarray(3)).digest()).toBe('f744f3160091eecd');
    expect(new Hasher().bytes(new Uint16Array(bytes.buffer, 2, 2049)).string('measure').number(-0).number(Math.PI).digest()).toBe('6b818c7fe03b5ccf');
  });
});
