import { createHash } from 'node:crypto';
import { numberError } from '@manifold-mixup/errors';

/**
 * Bump when the worker's training or outputs change in a way the config does not capture: every cached
 * model is then retrained.
 */
export const CACHE_VERSION = 1;

/** JSON with object keys sorted at every depth, so equal configs serialise (and hash) identically. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw numberError('canonicalJson', 'numbers', 'must be finite', value);
    if (value === undefined) return 'null';
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** What configHash returns, and so the only form a cache folder's name may have. */
export const CONFIG_HASH = /^[0-9a-f]{16}$/;

/** 16 hex digits of the SHA-256 of the canonical JSON (with the cache version): the model's cache key. */
export function configHash(config: unknown): string {
  return createHash('sha256')
    .update(canonicalJson({ cacheVersion: CACHE_VERSION, config }))
    .digest('hex')
    .slice(0, 16);
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
