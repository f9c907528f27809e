/** What went wrong with an IDX file (or an MNIST file set); stable, for programs to switch on. */
export type IdxErrorCode =
  | 'GZIP_CORRUPT' // starts with the gzip magic but does not decompress
  | 'GZIP_TOO_LARGE' // decompresses to more than the allowed number of bytes
  | 'HEADER_TRUNCATED' // shorter than its own header
  | 'BAD_MAGIC' // first two bytes not zero / not 2049 or 2051
  | 'BAD_TYPE' // third byte is not 0x08 (unsigned byte)
  | 'BAD_DIMENSION_COUNT' // fourth byte not 1 (labels) or 3 (images)
  | 'DATA_TRUNCATED' // fewer data bytes than the dimensions declare
  | 'TRAILING_BYTES' // more data bytes than the dimensions declare
  | 'BAD_DATA_LENGTH' // encodeIdx: data.length disagrees with dims
  | 'WRONG_KIND' // an images file where labels were expected, or vice versa
  | 'COUNT_MISMATCH' // images and labels of a pair disagree on the number of examples
  | 'SHAPE_MISMATCH' // train and test images have different sizes
  | 'LABEL_OUT_OF_RANGE' // a label outside [0, numClasses)
  | 'FILE_MISSING' // no raw or .gz file of a standard name
  | 'CHECKSUM_MISMATCH'; // bytes differ from the pinned MD5 / SHA-256

/**
 * A malformed, inconsistent or tampered IDX file. The message names the file and says what was
 * expected and what was found; the same facts are fields for programs.
 */
export class IdxFormatError extends Error {
  override readonly name = 'IdxFormatError';
  readonly code: IdxErrorCode;
  readonly file: string;
  readonly expected: string;
  readonly found: string;

  constructor(code: IdxErrorCode, file: string, problem: string, expected: unknown, found: unknown) {
    super(`${file}: ${problem}: expected ${String(expected)}, found ${String(found)} [${code}]`);
    this.code = code;
    this.file = file;
    this.expected = String(expected);
    this.found = String(found);
  }
}
