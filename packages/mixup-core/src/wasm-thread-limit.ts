/** The most wasm threads: Emscripten preallocates 8 workers in tfjs-backend-wasm's threaded build. */
export const MAX_WASM_THREADS = 8;
