import { CheckpointFormatError } from './checkpoint-format-error.js';

// Field-by-field checks of a parsed manifest (a checkpoint's model.json, or a tf.io model.json),
// platform-free. Each failure is a CheckpointFormatError naming the file and the field, with what
// was expected and a short rendering of what was found (manifest content only: the manifest is
// the file being checked).

/** Tensors of higher rank are refused (tfjs layers' weights have rank 5 at most). */
export const MAX_TENSOR_RANK = 8;

/** A one-line rendering of a manifest value, at most 80 characters. */
export function preview(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch {
    text = Array.isArray(value) ? '[...]' : '{...}'; // nested too deeply to render
  }
  // JSON escapes control characters, not these: bidirectional overrides and invisible characters
  // would reorder or hide the rest of the message in a terminal.
  text = text.replace(
    /[\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** A plain file name: no folder part (either slash), not `.` or `..`, no NUL. */
export function isPlainFileName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name);
}

/** `prefix.key`, or `prefix["key"]` for a key that is not a plain name (as a message would need). */
export function fieldOf(prefix: string, key: string): string {
  const name = /^[A-Za-z_$][\w$]{0,63}$/.test(key) ? key : `[${preview(key)}]`;
  if (prefix === '') return name;
  return name.startsWith('[') ? `${prefix}${name}` : `${prefix}.${name}`;
}

type Keys = { required: readonly string[]; optional?: readonly string[] };

/** The checks, bound to the file whose fields they are. */
export class ManifestFields {
  constructor(readonly file: string) {}

  fail(field: string, expected: string, found: unknown): never {
    throw new CheckpointFormatError(this.file, field, `expected ${expected}, found ${preview(found)}`);
  }

  /** A JSON object; with `keys`, holding every required key and no key outside required and optional. */
  object(value: unknown, field: string, keys?: Keys): Record<string, unknown> {
    if (value == null || typeof value !== 'object' || Array.isArray(value)) this.fail(field, 'an object', value);
    const record = value as Record<string, unknown>;
    if (keys == null) return record;
    const known = [...keys.required, ...(keys.optional ?? [])];
    const unknown = Object.keys(record).find((key) => !known.includes(key));
    if (unknown != null)
      throw new CheckpointFormatError(
        this.file,
        fieldOf(field, unknown),
        `not a field of this format (${field === '' ? 'the manifest' : field} has ${known.join(', ')})`,
      );
    const missing = keys.required.find((key) => !(key in record));
    if (missing != null) this.fail(fieldOf(field, missing), 'a value', undefined);
    return record;
  }

  array(value: unknown, field: string): unknown[] {
    if (!Array.isArray(value)) this.fail(field, 'an array', value);
    return value;
  }

  string(value: unknown, field: string): string {
    if (typeof value !== 'string') this.fail(field, 'a string', value);
    return value;
  }

  /** A finite number (JSON has no NaN or Infinity; `nullable` admits the null that JSON writes for them). */
  number(value: unknown, field: string, nullable = false): number | null {
    if (nullable && value === null) return null;
    if (typeof value !== 'number' || !Number.isFinite(value))
      this.fail(field, nullable ? 'a number or null' : 'a number', value);
    return value;
  }

  /** An integer in [min, max] (max at most Number.MAX_SAFE_INTEGER). */
  integer(value: unknown, field: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max)
      this.fail(field, `an integer in [${min}, ${max}]`, value);
    return value;
  }

  /** `bytes`, the running total of the tensors up to the one at `field`, unless above `maxBytes`. */
  total(bytes: number, field: string, maxBytes: number): number {
    if (bytes > maxBytes)
      throw new CheckpointFormatError(
        this.file,
        field,
        `brings the tensors to ${bytes} bytes, above the limit of ${maxBytes} bytes together`,
      );
    return bytes;
  }

  /**
   * A tensor shape (an array of at most MAX_TENSOR_RANK non-negative integers) and its size in
   * bytes at `bytesPerElement`, refused when above `maxBytes`: the product is checked as it
   * grows, so it stays an exact integer and nothing sized by it is allocated before this check.
   */
  shapeBytes(
    value: unknown,
    field: string,
    bytesPerElement: number,
    maxBytes: number,
  ): { shape: number[]; bytes: number } {
    const dims = this.array(value, field);
    if (dims.length > MAX_TENSOR_RANK) this.fail(field, `at most ${MAX_TENSOR_RANK} dimensions`, value);
    dims.forEach((d, i) => {
      if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0)
        this.fail(`${field}[${i}]`, 'a non-negative integer', d);
    });
    const shape = dims as number[];
    if (shape.includes(0)) return { shape, bytes: 0 };
    let bytes = bytesPerElement;
    for (const d of shape) {
      bytes *= d; // never decreases (every d >= 1), so the first excess is final
      if (!Number.isSafeInteger(bytes) || bytes > maxBytes)
        throw new CheckpointFormatError(
          this.file,
          field,
          `${preview(value)} is ${bytes.toPrecision(3)} bytes or more, above the limit of ${maxBytes} bytes`,
        );
    }
    return { shape, bytes };
  }
}
