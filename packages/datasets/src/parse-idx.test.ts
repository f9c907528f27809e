import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeIdx } from './encode-idx.js';
import type { IdxArray } from './idx-array.js';
import { IdxFormatError, type IdxErrorCode } from './idx-format-error.js';
import { isGzip, parseIdx } from './parse-idx.js';

const images: IdxArray = { kind: 'images', dims: [3, 2, 4], data: Uint8Array.from({ length: 24 }, (_, i) => i * 10) };
const labels: IdxArray = { kind: 'labels', dims: [5], data: Uint8Array.from([3, 1, 4, 1, 5]) };

/** Bytes of an IDX header with the given magic bytes and dims, followed by `dataBytes` zero bytes. */
function header(magic: number[], dims: number[], dataBytes = 0): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + dataBytes);
  out.set(magic);
  const view = new DataView(out.buffer);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  return out;
}

function errorOf(run: () => unknown): IdxFormatError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(IdxFormatError);
    return error as IdxFormatError;
  }
  throw new Error('expected an IdxFormatError, nothing was thrown');
}

function expectIdxError(run: () => unknown, code: IdxErrorCode, expected: RegExp, found: RegExp): IdxFormatError {
  const error = errorOf(run);
  expect(error.code).toBe(code);
  expect(error.file).toBe('bad-file');
  expect(error.message).toMatch(/^bad-file: /);
  expect(error.expected).toMatch(expected);
  expect(error.found).toMatch(found);
  return error;
}

describe('parseIdx round trips', () => {
  it('reads back images and labels written by encodeIdx', () => {
    for (const array of [images, labels]) {
      const parsed = parseIdx(encodeIdx(array), 'x');
      expect(parsed.kind).toBe(array.kind);
      expect(parsed.dims).toEqual(array.dims);
      expect(Array.from(parsed.data)).toEqual(Array.from(array.data));
    }
  });

  it('reads gzipped files the same, detecting gzip by its magic', () => {
    const gz = gzipSync(encodeIdx(images));
    expect(isGzip(gz)).toBe(true);
    expect(isGzip(encodeIdx(images))).toBe(false);
    const parsed = parseIdx(gz, 'x.gz');
    expect(parsed.dims).toEqual([3, 2, 4]);
    expect(Array.from(parsed.data)).toEqual(Array.from(images.data));
  });

  it('reads big-endian dimensions and accepts empty arrays', () => {
    const parsed = parseIdx(header([0, 0, 8, 1], [0x01020304 & 0]), 'x');
    expect(parsed).toMatchObject({ kind: 'labels', dims: [0] });
    const big = header([0, 0, 8, 3], [1, 1, 258], 258);
    expect(parseIdx(big).dims).toEqual([1, 1, 258]);
  });

  it('works on a view into a larger buffer', () => {
    const bytes = encodeIdx(labels);
    const padded = new Uint8Array(bytes.length + 8);
    padded.set(bytes, 4);
    expect(Array.from(parseIdx(padded.subarray(4, 4 + bytes.length)).data)).toEqual([3, 1, 4, 1, 5]);
  });
});

describe('parseIdx input types', () => {
  it('reads an ArrayBuffer, raw or gzipped, like a Uint8Array of it', () => {
    const bytes = encodeIdx(images);
    const copy = Uint8Array.from(bytes).buffer; // a fresh ArrayBuffer holding exactly the file
    expect(parseIdx(copy)).toEqual(parseIdx(bytes));
    const gunzipped = parseIdx(Uint8Array.from(gzipSync(bytes)).buffer);
    expect({ ...gunzipped, data: Array.from(gunzipped.data) }).toEqual({ ...images, data: Array.from(images.data) });
  });

  it('rejects anything else with a TypeError naming the argument and what it found', () => {
    expect(() => parseIdx(null as never)).toThrow(
      new TypeError('parseIdx: bytes must be a Uint8Array or an ArrayBuffer, found null'),
    );
    expect(() => parseIdx(undefined as never)).toThrow('found undefined');
    expect(() => parseIdx('00000801' as never)).toThrow('found string');
    expect(() => parseIdx([0, 0, 8, 1] as never)).toThrow('found Array');
    expect(() => parseIdx('00000801' as never)).toThrow(TypeError);
    expect(() => parseIdx(new Uint16Array(4) as never)).toThrow(TypeError);
  });
});

describe('parseIdx rejects malformed files with a specific error', () => {
  it('wrong magic', () => {
    const bytes = encodeIdx(labels);
    bytes[0] = 0x12;
    bytes[1] = 0x34;
    expectIdxError(() => parseIdx(bytes, 'bad-file'), 'BAD_MAGIC', /2049 \(labels\) or 2051 \(images\)/, /0x12340801/);
  });

  it('wrong type code (third byte)', () => {
    const bytes = encodeIdx(images);
    bytes[2] = 0x0d;
    expectIdxError(() => parseIdx(bytes, 'bad-file'), 'BAD_TYPE', /0x08 \(unsigned byte\)/, /0x0d \(float\)/);
  });

  it('wrong number of dimensions (fourth byte)', () => {
    expectIdxError(
      () => parseIdx(header([0, 0, 8, 2], [2, 2], 4), 'bad-file'),
      'BAD_DIMENSION_COUNT',
      /1 .* or 3/,
      /^2$/,
    );
  });

  it('truncated header', () => {
    expectIdxError(() => parseIdx(Uint8Array.of(0, 0), 'bad-file'), 'HEADER_TRUNCATED', /4 bytes/, /2 bytes/);
    const cut = encodeIdx(images).subarray(0, 10);
    expectIdxError(() => parseIdx(cut, 'bad-file'), 'HEADER_TRUNCATED', /16 bytes/, /10 bytes/);
  });

  it('truncated data', () => {
    const bytes = encodeIdx(images);
    expectIdxError(
      () => parseIdx(bytes.subarray(0, bytes.length - 1), 'bad-file'),
      'DATA_TRUNCATED',
      /^24 data bytes$/,
      /^23$/,
    );
  });

  it('extra bytes after the data', () => {
    const bytes = encodeIdx(labels);
    const longer = new Uint8Array(bytes.length + 3);
    longer.set(bytes);
    expectIdxError(() => parseIdx(longer, 'bad-file'), 'TRAILING_BYTES', /^5 data bytes$/, /^8$/);
  });

  it('a huge declared size fails the length check instead of allocating', () => {
    // 2^32-1 cubed is ~8e28 bytes; an allocation attempt would throw a RangeError, not an IdxFormatError.
    const huge = header([0, 0, 8, 3], [0xffffffff, 0xffffffff, 0xffffffff], 16);
    const error = expectIdxError(() => parseIdx(huge, 'bad-file'), 'DATA_TRUNCATED', /e\+28 data bytes/, /^16$/);
    expect(error.message).toContain('[4294967295, 4294967295, 4294967295]');
    const hugeGz = gzipSync(header([0, 0, 8, 1], [0xfffffff0], 4));
    expectIdxError(() => parseIdx(hugeGz, 'bad-file'), 'DATA_TRUNCATED', /^4294967280 data bytes$/, /^4$/);
  });

  it('corrupt gzip', () => {
    const gz = gzipSync(encodeIdx(images));
    const corrupt = gz.slice();
    corrupt[gz.length - 6] ^= 0xff; // inside the CRC32 trailer
    expectIdxError(() => parseIdx(corrupt, 'bad-file'), 'GZIP_CORRUPT', /valid gzip stream/, /.+/);
    expectIdxError(() => parseIdx(gz.subarray(0, 12), 'bad-file'), 'GZIP_CORRUPT', /valid gzip stream/, /.+/);
  });

  it('gzip that decompresses beyond the bound (a gzip bomb)', () => {
    const bomb = gzipSync(new Uint8Array(1 << 20));
    expect(bomb.length).toBeLessThan(2000);
    expectIdxError(
      () => parseIdx(bomb, 'bad-file', { maxDecompressedBytes: 1000 }),
      'GZIP_TOO_LARGE',
      /at most 1000/,
      /more/,
    );
  });

  it('names a default file when none is given', () => {
    expect(() => parseIdx(Uint8Array.of(1, 2, 3, 4))).toThrow(/^<buffer>: not an IDX file/);
  });
});
