import { describe, expect, it } from 'vitest';
import { encodeIdx } from './encode-idx.js';
import { IdxFormatError } from './idx-format-error.js';

describe('encodeIdx', () => {
  it('writes the magic and big-endian dimensions, then the data', () => {
    const bytes = encodeIdx({ kind: 'images', dims: [1, 2, 0x0102], data: new Uint8Array(2 * 0x0102).fill(7) });
    expect(Array.from(bytes.subarray(0, 16))).toEqual([0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 1, 2]);
    expect(bytes.length).toBe(16 + 516);
    expect(bytes[16]).toBe(7);
    expect(Array.from(encodeIdx({ kind: 'labels', dims: [2], data: Uint8Array.of(9, 4) }))).toEqual([
      0, 0, 8, 1, 0, 0, 0, 2, 9, 4,
    ]);
  });

  it('rejects dims that disagree with the kind or the data', () => {
    expect(() => encodeIdx({ kind: 'labels', dims: [2, 1], data: new Uint8Array(2) })).toThrow(IdxFormatError);
    expect(() => encodeIdx({ kind: 'labels', dims: [3], data: new Uint8Array(2) })).toThrow(
      /data length disagrees with dims \[3\]: expected 3, found 2/,
    );
  });
});
