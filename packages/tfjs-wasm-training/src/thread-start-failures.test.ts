import type * as Fs from 'node:fs';
import os from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setupFastWasm } from './setup.js';
import { availableWasmThreads, unavailableWasmThreads } from './wasm-host.js';
import { PthreadWorker, prepareWasmThreads } from './wasm-threads.js';

// A tfjs-backend-wasm whose Node bundle no longer fits the thread shim: here the installed 4.22.0
// bundle, read through a node:fs whose readFileSync renames one of the helpers the shim re-creates.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof Fs>();
  const readFileSync = ((path: unknown, ...rest: unknown[]) => {
    const text = (fs.readFileSync as (...args: unknown[]) => unknown)(path, ...rest);
    if (!String(path).endsWith('tf-backend-wasm.node.js')) return text;
    return String(text).replaceAll('require$$4', () => 'require$$5');
  }) as typeof fs.readFileSync;
  return { ...fs, default: { ...fs, readFileSync }, readFileSync };
});

const Worker = (): unknown => (globalThis as { Worker?: unknown }).Worker;

describe('a tfjs-backend-wasm the thread shim does not fit', () => {
  it('fails setupFastWasm({ threads: 2 }) at once, saying why and what to do, and patches nothing', async () => {
    const cpus = os.cpus;
    const started = performance.now();
    await expect(setupFastWasm({ threads: 2 })).rejects.toThrow(
      /^setupFastWasm options\.threads: the thread shim does not fit tfjs-backend-wasm's glue \(.*tf-backend-wasm\.node\.js\): it no longer declares require\$\$4 \(require\('os'\)\); its threaded factory uses require\$\$5, which the shim does not define; use 1 thread \(the single-threaded SIMD build needs no shim\)$/,
    );
    expect(performance.now() - started).toBeLessThan(10_000); // refused up front: nothing was started
    expect(Worker()).toBeUndefined();
    expect(os.cpus).toBe(cpus);
    expect(unavailableWasmThreads(2)).toMatch(/no longer declares require\$\$4/);
    expect(availableWasmThreads()).toBe(1);
  });

  it('still runs on 1 thread, which needs no shim', async () => {
    expect(await setupFastWasm({ threads: 1 })).toMatchObject({ threads: 1, simd: true });
  });
});

describe('thread start-up', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fails at once when a pthread worker throws before it has loaded (a glue the shim does not fit)', async () => {
    const startup = prepareWasmThreads(2, () => {});
    try {
      expect(Worker()).toBe(PthreadWorker);
      // What a worker does when tfjs' code finds a name the shim did not define.
      const source = 'require$$9.cpus();';
      const worker = new PthreadWorker(URL.createObjectURL(new Blob([source])));
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      await expect(startup.failed).rejects.toThrow(
        /^tfjs-backend-wasm's threads did not start: a tfjs-backend-wasm thread failed \(require\$\$9 is not defined\); threads: 1 runs tfjs-backend-wasm without threads$/,
      );
      await exited;
    } finally {
      startup.restore();
    }
    expect(Worker()).toBeUndefined();
  });

  it('fails, and stops its workers, when they do not answer within 60 s', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const startup = prepareWasmThreads(2, () => {});
    try {
      const worker = new PthreadWorker(URL.createObjectURL(new Blob(['/* never answers */'])));
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      vi.advanceTimersByTime(60_000);
      await expect(startup.failed).rejects.toThrow(
        "tfjs-backend-wasm's threads did not start: no answer from its workers within 60 s; threads: 1 runs without them",
      );
      await exited;
    } finally {
      startup.restore();
    }
  });
});

describe('PthreadWorker', () => {
  it("boots from a blob's text and, when that code throws later, says how to run without threads", async () => {
    const source = `globalThis.onmessage = (e) => { if (e.data.cmd === 'boom') throw new Error('glue changed'); };
      require('node:worker_threads').parentPort.on('message', (data) => onmessage({ data }));`;
    const worker = new PthreadWorker(URL.createObjectURL(new Blob([source])));
    const failure = new Promise<Error>((resolve) => worker.once('error', resolve));
    worker.postMessage({ cmd: 'boom' }); // queued until the worker has booted
    const error = await failure;
    expect(error.message).toBe(
      'a tfjs-backend-wasm thread failed (glue changed); threads: 1 runs tfjs-backend-wasm without threads',
    );
    await worker.terminate();
  });
});
