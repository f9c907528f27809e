// backend-host.ts for browsers (package.json's `browser` field puts it in its place in bundles): no
// process, no tfjs-node. The wasm setup's own browser twin lives in @manifold-mixup/tfjs-wasm-training.
import type * as NodeHost from './backend-host.js';

export const AUTO_ORDER: typeof NodeHost.AUTO_ORDER = ['wasm', 'cpu'];

export function environmentVariable(_name: string): string | undefined {
  return undefined;
}

export function tensorflowThreads(): number {
  return 1;
}

export async function loadTfjsNode(): Promise<void> {
  throw new Error('Node only (@tensorflow/tfjs-node binds libtensorflow); browsers use wasm or cpu');
}
