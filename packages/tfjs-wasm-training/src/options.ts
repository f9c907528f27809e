import { describeFound, rangeError, typeError } from '@manifold-mixup/errors';

/** The most wasm threads: Emscripten preallocates 8 workers in tfjs-backend-wasm's threaded build. */
export const MAX_WASM_THREADS = 8;

/** The three binaries of tfjs-backend-wasm 4.22, by the names its setWasmPaths expects. */
export type WasmBinaryName =
  'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm';

/** Where the binaries are: a folder prefix ending in '/', or a URL or path for each binary. */
export type WasmPaths = string | Record<WasmBinaryName, string>;

export const WASM_BINARIES: readonly WasmBinaryName[] = [
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
];

/** Each binary's path or URL under `paths`: a folder prefix gets the binary's name appended, as tfjs does. */
export function binaryPaths(paths: WasmPaths): Record<WasmBinaryName, string> {
  if (typeof paths !== 'string') return paths;
  return Object.fromEntries(WASM_BINARIES.map((name) => [name, `${paths}${name}`])) as Record<WasmBinaryName, string>;
}

/** A found option value for a message: a string quoted (an environment variable's text), anything else described. */
export function describeOption(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : describeFound(value);
}

/**
 * `value` as a thread count, an integer from 1 to MAX_WASM_THREADS (a string, e.g. an environment
 * variable's, is read as a number), or a RangeError (a TypeError when neither a number nor a string)
 * naming the function `where` and the `field` (e.g. 'setupFastWasm' and 'options.threads').
 */
export function checkThreads(value: unknown, where: string, field = 'options.threads'): number {
  const threads = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof threads !== 'number' || !Number.isInteger(threads) || threads < 1 || threads > MAX_WASM_THREADS) {
    const make = typeof value === 'number' || typeof value === 'string' ? rangeError : typeError;
    throw make(where, field, `must be an integer from 1 to ${MAX_WASM_THREADS}`, describeOption(value));
  }
  return threads;
}

/**
 * `value` checked as WasmPaths (a non-empty string, or one for each of the three binaries), or an
 * error naming the function `where`, the `field` and the binary: a RangeError for an empty string, a
 * TypeError for anything else that is not a string. Returns only the three binaries' entries.
 */
export function checkWasmPaths(value: unknown, where: string, field = 'options.wasmPaths'): WasmPaths {
  const fail = (what: string, found: unknown): never => {
    throw (found === '' ? rangeError : typeError)(
      where,
      `${field}${what}`,
      'must be a non-empty string',
      describeOption(found),
    );
  };
  if (typeof value === 'string') return value === '' ? fail('', value) : value;
  if (typeof value !== 'object' || value == null) return fail('', value);
  for (const name of WASM_BINARIES) {
    const path = (value as Record<string, unknown>)[name];
    if (typeof path !== 'string' || path === '') fail(`['${name}']`, path);
  }
  const paths = value as Record<WasmBinaryName, string>;
  return Object.fromEntries(WASM_BINARIES.map((name) => [name, paths[name]])) as Record<WasmBinaryName, string>;
}
