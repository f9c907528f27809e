import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from './serve.js';

describe('serveStatic', () => {
  let root: string;
  let server: StaticServer;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'serve-static-'));
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'index.html'), '<!doctype html>');
    await writeFile(join(root, 'assets', 'a.wasm'), new Uint8Array([0, 97, 115, 109]));
    server = await serveStatic(root);
  });
  afterAll(async () => {
    await server.close();
    await rm(root, { recursive: true, force: true });
  });

  it('serves index.html for a folder, whatever the query, and files with their type', async () => {
    const page = await fetch(`${server.url}?alpha=2`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toBe('<!doctype html>');
    const wasm = await fetch(`${server.url}assets/a.wasm`);
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect(wasm.headers.get('cross-origin-opener-policy')).toBeNull();
  });

  it('adds the isolation headers under isolated/, 404s what is missing, never leaves the root', async () => {
    const isolated = await fetch(`${server.url}isolated/assets/a.wasm`);
    expect(isolated.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect((await fetch(`${server.url}missing.js`)).status).toBe(404);
    expect((await fetch(`${server.url}..%2f..%2fetc%2fpasswd`)).status).toBe(403);
  });
});
