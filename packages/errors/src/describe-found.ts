/**
 * How a found value reads at the end of an error message ("an array of length 3", "a Float32Array of length 4",
 * "NaN", "null", "undefined", or the type's name: "string", "object"). A value's contents are left out on purpose:
 * a message must stay one short line whatever the caller passed.
 */
export function describeFound(value: unknown): string {
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value))
    return `a ${value.constructor.name} of length ${(value as unknown as ArrayLike<number>).length}`;
  if (typeof value === 'number') return String(value);
  return value === null ? 'null' : value === undefined ? 'undefined' : typeof value;
}
