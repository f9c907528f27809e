/**
 * How a found value reads at the end of an error message: a number as it prints ("NaN"), "an array of length 3",
 * "a Float32Array of length 4", "an Int32Array of length 2", "null", "undefined", or else its type's name
 * ("string", "object"). A value's contents are left out on purpose: a message stays one short line whatever
 * the caller passed.
 */
export function describeFound(value: unknown): string {
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) {
    const name = value.constructor.name;
    const size = 'length' in value ? `length ${String(value.length)}` : `${value.byteLength} bytes`;
    return `${/^[AEIO]/.test(name) ? 'an' : 'a'} ${name} of ${size}`;
  }
  if (typeof value === 'number') return String(value);
  return value === null ? 'null' : value === undefined ? 'undefined' : typeof value;
}
