// The file system and hashing that checkpoints (model-io.ts) use, in one place so that
// package.json's `browser` field can swap them for checkpoint-fs.browser.ts in browser bundles.
export { createHash } from 'node:crypto';
export { mkdir, readdir, rm } from 'node:fs/promises';
export { join } from 'node:path';
export { readRegularFile } from './regular-file.js';
