import os from 'node:os';
import { describe, expect, it, vi } from 'vitest';
import { setupFastWasm } from './setup.js';
import type * as Glue from './threaded-glue.js';

// The real threaded start-up of tfjs-backend-wasm 4.22.0 with a shim that lacks one of the names the
// glue uses, as if the glue had changed in a way the up-front check (threaded-glue.ts) did not see:
// each worker throws while loading, and the start-up must fail at once instead of waiting forever.
vi.mock('./threaded-glue.js', async (importOriginal) => {
  const glue = await importOriginal<typeof Glue>();
  const { commonjsGlobal: _global, ...helpers } = glue.SHIM_HELPERS;
  return { ...glue, SHIM_HELPERS: helpers, threadedGlueProblems: () => [] };
});

describe('a thread start-up whose workers fail while loading', () => {
  it('rejects at once with the workers error, restores what it patched, and refuses later calls', async () => {
    const cpus = os.cpus;
    await expect(setupFastWasm({ threads: 2 })).rejects.toThrow(
      /^tfjs-backend-wasm's threads did not start: a tfjs-backend-wasm thread failed \(commonjsGlobal is not defined\); threads: 1 runs tfjs-backend-wasm without threads$/,
    );
    expect((globalThis as { Worker?: unknown }).Worker).toBeUndefined();
    expect(os.cpus).toBe(cpus);
    // tfjs still waits for those workers: a later call would wait with it.
    await expect(setupFastWasm({ threads: 1 })).rejects.toThrow(
      /^the wasm backend cannot start in this process any more: tfjs-backend-wasm's threads did not start: /,
    );
  });
});
