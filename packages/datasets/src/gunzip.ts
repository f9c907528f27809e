// gzip decompression for parse-idx.ts, in its own file so that package.json's `browser` field can
// swap it for gunzip.browser.ts in browser bundles (node:zlib is Node's).
import { gunzipSync } from 'node:zlib';

/** The code of the error the browser build throws for any gzip input, which parseIdx passes through as it is. */
export const GZIP_UNAVAILABLE = 'ERR_GZIP_UNAVAILABLE';

/** The decompressed bytes; throws (RangeError or code ERR_BUFFER_TOO_LARGE) past maxOutputLength. */
export function gunzip(bytes: Uint8Array, maxOutputLength: number): Uint8Array {
  return gunzipSync(bytes, { maxOutputLength });
}
