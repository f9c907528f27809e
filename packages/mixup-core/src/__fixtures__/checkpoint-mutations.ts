import { relative } from 'node:path';
import { rehashed, sha256Hex, type Manifest } from './checkpoint-files.js';

// Seeded mutations of a checkpoint (model.json and its weights file) for the fuzz test: fields
// deleted, retyped, enlarged; shapes, offsets and paths replaced; unicode and huge numbers;
// truncations; weights edited with and without consistent hashes; special files in place of the
// checkpoint's. Most manifests are re-hashed, as anyone can, so that the checks behind the
// checksum are reached.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

/** A file in place of the weights file or model.json, made by the test (links, FIFOs, folders). */
export type Special =
  | 'weights-link-to-sentinel'
  | 'weights-link-to-dev-zero'
  | 'weights-fifo'
  | 'weights-directory'
  | 'weights-missing'
  | 'sentinel-hashes' // the manifest names the sentinel's sha256, a link by that name points to it
  | 'manifest-link-to-sentinel'
  | 'manifest-directory';

export interface MutatedCheckpoint {
  manifest: Uint8Array;
  weightsFile: string;
  weights: Uint8Array;
  special: Special | null;
  /** What was done, for failure reports. */
  steps: string[];
}

export interface FuzzContext {
  manifest: Manifest;
  weightsFile: string;
  weights: Uint8Array;
  caseDir: string;
  sentinel: { path: string; sha256: string };
}

const SPECIALS: Special[] = [
  'weights-link-to-sentinel',
  'weights-link-to-dev-zero',
  'weights-fifo',
  'weights-directory',
  'weights-missing',
  'sentinel-hashes',
  'manifest-link-to-sentinel',
  'manifest-directory',
];

function nested(depth: number): Json {
  let value: Json = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

const ODD_VALUES: Json[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  2 ** 53,
  2 ** 53 + 2,
  1e21,
  2 ** 64,
  '',
  'x',
  '𝔘ñíçødé\u0000\u202e\ud83d',
  '../../../../../../etc/passwd',
  'NaN',
  '9'.repeat(400),
  [],
  {},
  [[]],
  { a: 1 },
  [1e9, 1e9],
  nested(2000),
];

const ODD_SHAPES: Json[] = [
  [1e9, 1e9],
  [2 ** 31, 2 ** 31],
  [2 ** 53, 2],
  [2 ** 26, 2 ** 26],
  [2 ** 31],
  [-2, -16],
  [16, 2],
  [2, 16, 1],
  [],
  [0, 16],
  [1.5, 2],
  ['2', 16],
  Array.from({ length: 100 }, () => 1),
  Array.from({ length: 9 }, () => 1),
];

function weightsFileNames(c: FuzzContext): string[] {
  const outside = relative(c.caseDir, c.sentinel.path);
  const name = c.weightsFile;
  return [
    outside,
    `${'../'.repeat(24)}${c.sentinel.path.slice(1)}`,
    c.sentinel.path,
    `${'../'.repeat(24)}dev/zero`,
    '/dev/zero',
    '/proc/self/mem',
    `${name}/../${outside}`,
    `./${name}`,
    `${name}\u0000`,
    name.toUpperCase(),
    name.replace('.bin', '.\uff42in'),
    '',
    '.',
    '..',
    'model.json',
    `${name} `,
    `weights-${'0'.repeat(16)}.bin`,
    `..\\..\\${name}`,
  ];
}

/** Every path of a JSON tree down to depth 16 (a deeply nested value is one target), the root ([]) first. */
function paths(value: Json, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (at.length >= 16) return out;
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (value != null && typeof value === 'object')
    for (const [key, v] of Object.entries(value)) paths(v, [...at, key], out);
  return out;
}

function parentOf(root: Json, path: Path): Record<string | number, Json> {
  let node = root as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  return node;
}

function valueAt(root: Json, path: Path): Json {
  return path.length === 0 ? root : parentOf(root, path)[path[path.length - 1]];
}

/** `root` with the value at `path` replaced (a new root when `path` is the root). */
function replaced(root: Json, path: Path, value: Json): Json {
  if (path.length === 0) return value;
  parentOf(root, path)[path[path.length - 1]] = value;
  return root;
}

class Mutator {
  manifest: Json;
  weights: Uint8Array;
  weightsFile: string;
  readonly steps: string[] = [];

  constructor(
    readonly c: FuzzContext,
    readonly random: () => number,
  ) {
    this.manifest = structuredClone(c.manifest) as Json;
    this.weights = new Uint8Array(c.weights); // a copy (Buffer's slice is a view)
    this.weightsFile = c.weightsFile;
  }

  int(n: number): number {
    return Math.floor(this.random() * n);
  }

  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }

  /** A random node, half the time among the fields a loader relies on most. */
  target(): Path {
    const all = paths(this.manifest);
    const key = all.filter((p) =>
      ['weightsFile', 'sha256', 'shape', 'offset', 'step', 'order', 'mixing', 'epoch'].includes(
        String(p[p.length - 1]),
      ),
    );
    return this.random() < 0.5 && key.length > 0 ? this.pick(key) : this.pick(all);
  }

  /** Replace the manifest's `sha256` and `weightsFile` to match the weights as they now are. */
  rehashWeights(): void {
    const sha256 = sha256Hex(this.weights);
    this.weightsFile = `weights-${sha256.slice(0, 16)}.bin`;
    if (this.manifest != null && typeof this.manifest === 'object' && !Array.isArray(this.manifest))
      Object.assign(this.manifest, { sha256, weightsFile: this.weightsFile });
  }

  jsonStep(): void {
    const path = this.target();
    const at = path.join('.');
    const old = valueAt(this.manifest, path);
    const op = this.int(9);
    if (op === 0 && path.length > 0) {
      const parent = parentOf(this.manifest, path);
      if (Array.isArray(parent)) parent.splice(Number(path[path.length - 1]), 1);
      else delete parent[path[path.length - 1]];
      this.steps.push(`delete ${at}`);
    } else if (op === 1) {
      const value = this.pick(ODD_VALUES);
      this.manifest = replaced(this.manifest, path, structuredClone(value));
      this.steps.push(`retype ${at}`);
    } else if (op === 2) {
      const value =
        typeof old === 'number'
          ? this.pick([old * 1e9, old + 1, old - 1, old * 2 ** 32, -old, old + 0.5, 2 ** 53])
          : typeof old === 'string'
            ? old.repeat(1 + this.int(1000))
            : Array.isArray(old)
              ? Array.from({ length: 1 + this.int(8) }, () => old).flat()
              : old;
      this.manifest = replaced(this.manifest, path, value);
      this.steps.push(`enlarge ${at}`);
    } else if (op === 3) {
      const entry = this.pick(paths(this.manifest).filter((p) => p[p.length - 1] === 'shape'));
      if (entry != null) this.manifest = replaced(this.manifest, entry, structuredClone(this.pick(ODD_SHAPES)));
      this.steps.push(`shape ${entry?.join('.')}`);
    } else if (op === 4) {
      const entry = this.pick(paths(this.manifest).filter((p) => p[p.length - 1] === 'offset'));
      const old = entry == null ? 0 : Number(valueAt(this.manifest, entry));
      const value = this.pick<Json>([old + 4, old - 4, 0, 1e15, -1, String(old), old + 0.5, null]);
      if (entry != null) this.manifest = replaced(this.manifest, entry, value);
      this.steps.push(`offset ${entry?.join('.')}`);
    } else if (op === 5 && this.manifest != null && typeof this.manifest === 'object') {
      const name = this.pick(weightsFileNames(this.c));
      (this.manifest as Record<string, Json>).weightsFile = name;
      this.steps.push(`weightsFile ${JSON.stringify(name)}`);
    } else if (op === 6 && old != null && typeof old === 'object' && !Array.isArray(old)) {
      const key = this.pick(['extra', '__proto__', 'ünïcödé', '', 'constructor']);
      // defineProperty: an own "__proto__" key, as JSON.parse makes, not a prototype change.
      Object.defineProperty(old, key, {
        value: this.pick(ODD_VALUES),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      this.steps.push(`add a field to ${at}`);
    } else if (op === 7) {
      this.neutralStep();
    } else {
      this.manifest = replaced(
        this.manifest,
        path,
        this.pick([2 ** 64, 1e308, -(2 ** 53), Number.MAX_SAFE_INTEGER + 2, 4294967296]),
      );
      this.steps.push(`huge number at ${at}`);
    }
  }

  /** An edit the format allows (a load must then equal the original): names, config, history, key order. */
  neutralStep(): void {
    const manifest = this.manifest;
    if (manifest == null || typeof manifest !== 'object' || Array.isArray(manifest)) return;
    const names = paths(manifest).filter((p) => p[p.length - 1] === 'name');
    const op = this.int(4);
    if (op === 0 && names.length > 0) {
      const path = this.pick(names);
      this.manifest = replaced(
        manifest,
        path,
        this.pick(['', '𝔘ñí\u0000\u202e', 'x'.repeat(1000), '../../etc/passwd']),
      );
      this.steps.push(`rename ${path.join('.')}`);
    } else if (op === 1 && manifest.config != null && typeof manifest.config === 'object') {
      const config = manifest.config as Record<string, Json>;
      config[this.pick(Object.keys(config))] = structuredClone(this.pick(ODD_VALUES));
      this.steps.push('edit config');
    } else if (op === 2) {
      const numbers = paths(manifest).filter((p) =>
        ['seconds', 'loss', 'learningRate', 'step', 'beta1'].includes(String(p[p.length - 1])),
      );
      const path = this.pick(numbers);
      if (path != null) this.manifest = replaced(manifest, path, this.int(1000));
      this.steps.push(`renumber ${path?.join('.')}`);
    } else {
      const keys = Object.keys(manifest).sort(() => this.random() - 0.5);
      this.manifest = Object.fromEntries(keys.map((k) => [k, manifest[k]]));
      this.steps.push('reorder keys');
    }
  }

  weightsStep(): void {
    const op = this.int(5);
    const consistent = this.random() < 0.5;
    if (op === 0) {
      const i = this.int(this.weights.length);
      this.weights[i] ^= 1 << this.int(8);
      this.steps.push(`flip weights byte ${i}`);
      return; // never re-hashed: consistent hashes of other finite weights load them, by design (README)
    } else if (op === 1) {
      this.weights = this.weights.slice(0, this.int(this.weights.length));
      this.steps.push(`truncate weights to ${this.weights.length}`);
    } else if (op === 2) {
      this.weights = Uint8Array.from([
        ...this.weights,
        ...Array.from({ length: 1 + this.int(64) }, () => this.int(256)),
      ]);
      this.steps.push(`extend weights to ${this.weights.length}`);
    } else if (op === 3) {
      const view = new Float32Array(this.weights.buffer, this.weights.byteOffset, this.weights.byteLength >> 2);
      view[this.int(view.length)] = this.pick([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
      this.steps.push('non-finite weight');
      this.rehashWeights(); // consistent: only the finiteness check can refuse it
      return;
    } else {
      this.weights = new Uint8Array(0);
      this.steps.push('empty weights');
    }
    if (consistent) {
      this.rehashWeights();
      this.steps.push('weights re-hashed');
    }
  }

  /** Edits of model.json's bytes, after any re-hash: truncation, a flipped byte, padding, bad UTF-8. */
  rawStep(bytes: Uint8Array): Uint8Array {
    const op = this.int(4);
    this.steps.push(['truncate manifest', 'flip manifest byte', 'pad manifest past 1 MiB', 'invalid UTF-8'][op]);
    if (op === 0) return bytes.slice(0, this.int(bytes.length));
    if (op === 1) {
      const copy = bytes.slice();
      copy[this.int(copy.length)] ^= 1 << this.int(8);
      return copy;
    }
    if (op === 2) return Buffer.concat([bytes, Buffer.alloc((1 << 20) + this.int(1000), 0x20)]);
    const at = this.int(bytes.length);
    return Buffer.concat([bytes.subarray(0, at), Buffer.from([0xc3, 0x28, 0xff]), bytes.subarray(at)]);
  }
}

/** One mutated checkpoint: 0 to 3 manifest edits, sometimes weights edits, a special file, raw bytes. */
export function mutateCheckpoint(c: FuzzContext, random: () => number): MutatedCheckpoint {
  const m = new Mutator(c, random);
  const edits = random() < 0.1 ? 0 : 1 + m.int(3);
  for (let i = 0; i < edits; i++) m.jsonStep();
  if (random() < 0.25) m.weightsStep();
  const special = random() < 0.06 ? m.pick(SPECIALS) : null;
  if (special != null) m.steps.push(special);
  if (special === 'sentinel-hashes' && m.manifest != null && typeof m.manifest === 'object') {
    m.weightsFile = `weights-${c.sentinel.sha256.slice(0, 16)}.bin`;
    Object.assign(m.manifest, { sha256: c.sentinel.sha256, weightsFile: m.weightsFile });
  }
  let manifest = m.manifest;
  if (random() < 0.85 && manifest != null && typeof manifest === 'object' && !Array.isArray(manifest)) {
    manifest = rehashed(manifest) as Json;
    m.steps.push('manifest re-hashed');
  }
  let bytes: Uint8Array = Buffer.from(JSON.stringify(manifest) ?? '');
  if (random() < 0.08) bytes = m.rawStep(bytes);
  return { manifest: bytes, weightsFile: m.weightsFile, weights: m.weights, special, steps: m.steps };
}
