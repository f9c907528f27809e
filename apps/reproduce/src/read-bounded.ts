import { open } from 'node:fs/promises';
import { FileFormatError } from './file-format-error.js';

/** A file's size limit and the constant it comes from, for the error message. */
export interface SizeLimit {
  bytes: number;
  name: string;
}

/**
 * The bytes of a file from elsewhere, refused unread when it holds more than `limit` (the size is taken
 * from the open file, and no more than that is read even if it grows meanwhile). `file` names it in
 * errors (e.g. relative to the output folder).
 */
export async function readBounded(path: string, limit: SizeLimit, file: string = path, hint?: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > limit.bytes)
      throw new FileFormatError(
        'TOO_LARGE',
        { file, field: 'size' },
        `at most ${limit.bytes} bytes (${limit.name})`,
        `${size} bytes`,
        { hint },
      );
    const buffer = Buffer.alloc(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(buffer, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

/** A JSON file from elsewhere, size-limited as readBounded; a parse error names the file. */
export async function readBoundedJson(
  path: string,
  limit: SizeLimit,
  file: string = path,
  hint?: string,
): Promise<unknown> {
  const text = (await readBounded(path, limit, file, hint)).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new FileFormatError('NOT_JSON', { file, field: '' }, 'valid JSON', (error as Error).message, {
      hint,
      cause: error,
    });
  }
}
