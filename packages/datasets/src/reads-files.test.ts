import { describe, expect, it } from 'vitest';
import { defaultFashionMnistDir, loadFashionMnist } from './load-fashion-mnist.browser.js';
import { defaultMnistDir, loadMnist } from './load-mnist.browser.js';

// The browser twins (package.json's `browser` field) run in Node too: they import nothing of Node's.
describe('the loaders in a browser bundle', () => {
  it('refuse, saying they read files and what to do instead', async () => {
    const instead = /\(node:fs\), which browsers lack: fetch the four files and parse each with parseIdx/;
    await expect(loadMnist()).rejects.toThrow(/^loadMnist: reads the MNIST IDX files from disk/);
    await expect(loadFashionMnist()).rejects.toThrow(/^loadFashionMnist: reads the Fashion-MNIST IDX files from disk/);
    await expect(loadFashionMnist({ dir: '/data' })).rejects.toThrow(instead);
    expect(defaultMnistDir).toThrow(/^defaultMnistDir: reads the MNIST IDX files/);
    expect(defaultFashionMnistDir).toThrow(/^defaultFashionMnistDir: reads the Fashion-MNIST IDX files/);
  });
});
