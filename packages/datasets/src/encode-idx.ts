import { dimensionCount, IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC, type IdxArray } from './idx-array.js';
import { IdxFormatError } from './idx-format-error.js';

/** Serialises labels or images to an uncompressed IDX file (gzip it with node:zlib for .gz); parseIdx reads it back. */
export function encodeIdx(array: IdxArray): Uint8Array {
  const { kind, dims, data } = array;
  if (kind !== 'labels' && kind !== 'images') {
    throw new IdxFormatError('WRONG_KIND', 'encodeIdx', 'unknown kind', "'labels' or 'images'", kind);
  }
  const rank = dimensionCount(kind);
  if (dims.length !== rank) {
    throw new IdxFormatError('BAD_DIMENSION_COUNT', 'encodeIdx', `wrong number of dims for ${kind}`, rank, dims.length);
  }
  let size = 1;
  for (const d of dims) {
    if (!Number.isInteger(d) || d < 0 || d > 0xffffffff) {
      throw new IdxFormatError(
        'BAD_DIMENSION_COUNT',
        'encodeIdx',
        'dimension out of range',
        'an integer in [0, 2^32)',
        d,
      );
    }
    size *= d;
  }
  if (size !== data.length) {
    throw new IdxFormatError(
      'BAD_DATA_LENGTH',
      'encodeIdx',
      `data length disagrees with dims [${dims.join(', ')}]`,
      size,
      data.length,
    );
  }
  const header = 4 + 4 * rank;
  const out = new Uint8Array(header + size);
  const view = new DataView(out.buffer);
  view.setUint32(0, kind === 'labels' ? IDX_LABELS_MAGIC : IDX_IMAGES_MAGIC, false);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  out.set(data, header);
  return out;
}
