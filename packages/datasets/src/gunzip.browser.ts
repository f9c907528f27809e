// gunzip.ts for browsers (package.json's `browser` field): browsers decompress gzip only
// asynchronously (DecompressionStream), and parseIdx is synchronous, so gzipped input is refused.
import type * as Node from './gunzip.js';

export const GZIP_UNAVAILABLE: typeof Node.GZIP_UNAVAILABLE = 'ERR_GZIP_UNAVAILABLE';

export function gunzip(_bytes: Uint8Array, _maxOutputLength: number): Uint8Array {
  throw Object.assign(
    new Error(
      'parseIdx: gzipped IDX data needs node:zlib, which browsers lack: decompress it first, e.g. ' +
        "new Response(blob.stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer()",
    ),
    { code: GZIP_UNAVAILABLE },
  );
}
