/** The most wasm threads: Emscripten preallocates 8 workers in tfjs-backend-wasm's threaded build. */
export const MAX_WASM_THREADS = 8;

/** The three binaries of tfjs-backend-wasm 4.22, by the names its setWasmPaths expects. */
export type WasmBinaryName =
  'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm';

/** Where the binaries are: a folder prefix ending in '/', or a URL or path for each binary. */
export type WasmPaths = string | Record<WasmBinaryName, string>;

const WASM_BINARIES: readonly WasmBinaryName[] = [
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
];

/**
 * `value` as a thread count, an integer from 1 to MAX_WASM_THREADS (a string, e.g. an environment
 * variable's, is read as a number), or an error naming `where` (e.g. 'setupFastWasm options.threads').
 */
export function checkThreads(value: unknown, where: string): number {
  const threads = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof threads !== 'number' || !Number.isInteger(threads) || threads < 1 || threads > MAX_WASM_THREADS) {
    throw new Error(`${where}: expected an integer from 1 to ${MAX_WASM_THREADS}, found ${JSON.stringify(value)}`);
  }
  return threads;
}

/**
 * `value` checked as WasmPaths (a non-empty string, or one for each of the three binaries), or an
 * error naming `where` and the binary. Returns only the three binaries' entries.
 */
export function checkWasmPaths(value: unknown, where: string): WasmPaths {
  const fail = (what: string, found: unknown): never => {
    throw new Error(`${where}${what}: expected a non-empty string, found ${JSON.stringify(found)}`);
  };
  if (typeof value === 'string') return value === '' ? fail('', value) : value;
  if (typeof value !== 'object' || value == null) return fail('', value);
  for (const name of WASM_BINARIES) {
    const path = (value as Record<string, unknown>)[name];
    if (typeof path !== 'string' || path === '') fail(`['${name}']`, path ?? null);
  }
  const paths = value as Record<WasmBinaryName, string>;
  return Object.fromEntries(WASM_BINARIES.map((name) => [name, paths[name]])) as Record<WasmBinaryName, string>;
}
