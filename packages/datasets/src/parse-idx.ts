import { typeError } from '@manifold-mixup/errors';
import { GZIP_UNAVAILABLE, gunzip } from './gunzip.js';
import { dimensionCount, IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC, IDX_UBYTE, type IdxArray } from './idx-array.js';
import { IdxFormatError } from './idx-format-error.js';

export interface ParseIdxOptions {
  /** Upper bound on the decompressed size of gzipped input, against gzip bombs (default 256 MiB; MNIST's largest file is 47 MB). */
  maxDecompressedBytes?: number;
}

const DEFAULT_MAX_DECOMPRESSED = 256 * 1024 * 1024;
const IDX_TYPE_NAMES: Record<number, string> = {
  0x08: 'ubyte',
  0x09: 'sbyte',
  0x0b: 'short',
  0x0c: 'int',
  0x0d: 'float',
  0x0e: 'double',
};

/** True when the bytes start with the gzip magic 1f 8b (an IDX file starts with 00 00). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Parses an unsigned-byte IDX file (MNIST's format), raw or gzipped (detected by its magic).
 * Validates the magic, type code, dimension count and that the data length equals what the
 * big-endian dimensions declare, before touching the data; the result's `data` is a view, not a copy.
 * An ArrayBuffer (e.g. from `fetch(...).arrayBuffer()`) is read through a Uint8Array view of it.
 * @throws TypeError when `bytes` is neither a Uint8Array nor an ArrayBuffer.
 * @throws IdxFormatError naming `fileName`, with what was expected and what was found.
 */
export function parseIdx(
  bytes: Uint8Array | ArrayBuffer,
  fileName = '<buffer>',
  options: ParseIdxOptions = {},
): IdxArray {
  const raw = gunzipIfNeeded(asBytes(bytes), fileName, options);
  if (raw.length < 4) {
    throw new IdxFormatError(
      'HEADER_TRUNCATED',
      fileName,
      'file shorter than the 4-byte IDX magic',
      'at least 4 bytes',
      `${raw.length} bytes`,
    );
  }
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const magic = view.getUint32(0, false);
  const expectedMagic = `${IDX_LABELS_MAGIC} (labels) or ${IDX_IMAGES_MAGIC} (images)`;
  if (raw[0] !== 0 || raw[1] !== 0) {
    throw new IdxFormatError(
      'BAD_MAGIC',
      fileName,
      'not an IDX file (wrong magic number)',
      expectedMagic,
      `${magic} (0x${hex(magic)})`,
    );
  }
  const type = raw[2];
  if (type !== IDX_UBYTE) {
    const name = IDX_TYPE_NAMES[type] ?? 'not an IDX type';
    throw new IdxFormatError(
      'BAD_TYPE',
      fileName,
      'unsupported IDX element type (third byte)',
      '0x08 (unsigned byte)',
      `0x${hex(type, 2)} (${name})`,
    );
  }
  const rank = raw[3];
  if (rank !== 1 && rank !== 3) {
    throw new IdxFormatError(
      'BAD_DIMENSION_COUNT',
      fileName,
      'wrong number of dimensions (fourth byte); magic ' + magic,
      `1 (magic ${IDX_LABELS_MAGIC}) or 3 (magic ${IDX_IMAGES_MAGIC})`,
      rank,
    );
  }
  const headerLength = 4 + 4 * rank;
  if (raw.length < headerLength) {
    throw new IdxFormatError(
      'HEADER_TRUNCATED',
      fileName,
      `header of ${rank} dimension(s) truncated`,
      `at least ${headerLength} bytes`,
      `${raw.length} bytes`,
    );
  }
  const dims: number[] = [];
  // Product in float64: exact up to 2^53, and an absurd declaration stays absurd (never wraps), so it fails the length check below.
  let declared = 1;
  for (let d = 0; d < rank; d++) {
    const size = view.getUint32(4 + 4 * d, false);
    dims.push(size);
    declared *= size;
  }
  const actual = raw.length - headerLength;
  if (declared > actual) {
    throw new IdxFormatError(
      'DATA_TRUNCATED',
      fileName,
      `data shorter than dimensions [${dims.join(', ')}] declare`,
      `${declared} data bytes`,
      `${actual}`,
    );
  }
  if (declared < actual) {
    throw new IdxFormatError(
      'TRAILING_BYTES',
      fileName,
      `data longer than dimensions [${dims.join(', ')}] declare`,
      `${declared} data bytes`,
      `${actual}`,
    );
  }
  const kind = rank === dimensionCount('labels') ? 'labels' : 'images';
  return { kind, dims, data: raw.subarray(headerLength) };
}

/** The bytes themselves, or their decompression when they start with the gzip magic (bounded, see ParseIdxOptions). */
export function gunzipIfNeeded(bytes: Uint8Array, fileName: string, options: ParseIdxOptions = {}): Uint8Array {
  if (!isGzip(bytes)) return bytes;
  const maxBytes = options.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED;
  try {
    return gunzip(bytes, maxBytes);
  } catch (error) {
    const code = (error as { code?: string }).code;
    // A browser has no synchronous gunzip (gunzip.browser.ts): not a corrupt file, so say that instead.
    if (code === GZIP_UNAVAILABLE) throw error;
    if (
      code === 'ERR_BUFFER_TOO_LARGE' ||
      (error instanceof RangeError && /larger than|maxOutputLength/i.test(error.message))
    ) {
      throw new IdxFormatError(
        'GZIP_TOO_LARGE',
        fileName,
        'gzip content too large',
        `at most ${maxBytes} decompressed bytes`,
        'more',
      );
    }
    throw new IdxFormatError(
      'GZIP_CORRUPT',
      fileName,
      'corrupt gzip data',
      'a valid gzip stream',
      (error as Error).message,
    );
  }
}

function asBytes(bytes: unknown): Uint8Array {
  if (bytes instanceof Uint8Array) return bytes;
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  const found = bytes === null ? 'null' : bytes instanceof Object ? bytes.constructor.name : typeof bytes;
  throw typeError('parseIdx', 'bytes', 'must be a Uint8Array or an ArrayBuffer', found);
}

function hex(value: number, width = 8): string {
  return value.toString(16).padStart(width, '0');
}
