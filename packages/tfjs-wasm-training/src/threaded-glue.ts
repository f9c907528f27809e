// What the thread shim (wasm-threads.ts) assumes about tfjs-backend-wasm's Node bundle, and the check
// that the installed bundle still fits it. The glue sends each pthread worker the source text of the
// threaded Emscripten factory, a function cut out of the rollup bundle: the bundle-level names it
// uses (rollup's require$$N for Node built-ins, commonjsGlobal, tslib's helpers) do not exist in a
// worker, so the shim defines them there. A bundle that declares or uses other names would make
// every worker throw while loading, so threads are refused up front instead.

/** The only tfjs-backend-wasm release whose Node bundle the thread shim was written for (and tested with). */
export const SHIM_WASM_VERSION = '4.22.0';

/** The bundle's require$$N variables the shim re-creates, with the Node built-in each must hold. */
export const SHIM_REQUIRES: Readonly<Record<string, string>> = {
  require$$0: 'fs',
  require$$1: 'path',
  require$$3: 'perf_hooks',
  require$$4: 'os',
};

/**
 * The bundle's other top-level names the shim re-creates (rollup's global object, tslib's iterator
 * helpers), each with the JavaScript expression that defines it in a worker.
 */
export const SHIM_HELPERS: Readonly<Record<string, string>> = {
  commonjsGlobal: 'globalThis',
  __values: '(o) => o[Symbol.iterator].call(o)',
  __read: `(o, n) => {
    const r = [];
    for (const v of o) { if (n !== undefined && r.length >= n) break; r.push(v); }
    return r;
  }`,
  __spreadArray: '(to, from) => to.concat(Array.prototype.slice.call(from))',
};

/** Where the threaded Emscripten module sits in the bundle (rollup's CommonJS wrapper around it). */
const FACTORY_START = 'var tfjsBackendWasmThreadedSimd$1 = { exports: {} };';
const FACTORY_END = '}(tfjsBackendWasmThreadedSimd$1));';

/** Names of rollup's and tslib's bundle-level helpers, the kind a function cut out of the bundle may use. */
const HELPER_NAME = /\b(?:require\$\$\d+|commonjsGlobal|__[A-Za-z]\w*)\b/g;

/** Why `version` of tfjs-backend-wasm cannot run the thread shim, or null when it is the one it was written for. */
export function versionProblem(version: string): string | null {
  return version === SHIM_WASM_VERSION
    ? null
    : `tfjs-backend-wasm ${version} is installed, and the thread shim was written for ${SHIM_WASM_VERSION}'s Node bundle`;
}

/**
 * What in `source` (tfjs-backend-wasm's Node bundle, dist/tf-backend-wasm.node.js) the thread shim
 * does not match: missing or re-bound helpers it re-creates, helpers of the threaded factory it does
 * not re-create. Empty when the shim fits.
 */
export function threadedGlueProblems(source: string): string[] {
  const problems: string[] = [];
  // Top-level declarations start a line in rollup's output: name -> initialiser ('' for functions).
  const topLevel = new Map<string, string>();
  for (const [, name, value] of source.matchAll(/^(?:var|let|const)\s+([\w$]+)\s*=\s*(.*?);?\s*$/gm))
    topLevel.set(name, value);
  for (const [, name] of source.matchAll(/^function\s+([\w$]+)\s*\(/gm)) topLevel.set(name, '');
  for (const [name, module] of Object.entries(SHIM_REQUIRES)) {
    const value = topLevel.get(name);
    if (value == null) problems.push(`it no longer declares ${name} (require('${module}'))`);
    else if (!new RegExp(`^require\\(['"]${module}['"]\\)$`).test(value))
      problems.push(`its ${name} is ${value}, not require('${module}')`);
  }
  for (const name of Object.keys(SHIM_HELPERS)) if (!topLevel.has(name)) problems.push(`it no longer declares ${name}`);
  const start = source.indexOf(FACTORY_START);
  const end = source.indexOf(FACTORY_END, start);
  if (start < 0 || end < 0) {
    problems.push(`its threaded Emscripten module (${FACTORY_START}) is not where it was`);
    return problems;
  }
  const provided = new Set([...Object.keys(SHIM_REQUIRES), ...Object.keys(SHIM_HELPERS)]);
  const used = new Set(Array.from(source.slice(start, end).matchAll(HELPER_NAME), ([name]) => name));
  const unknown = [...used].filter((name) => topLevel.has(name) && !provided.has(name)).sort();
  if (unknown.length > 0)
    problems.push(`its threaded factory uses ${unknown.join(', ')}, which the shim does not define`);
  return problems;
}
