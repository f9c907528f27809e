import { numberError, rangeError } from '@manifold-mixup/errors';

/**
 * A linear deformation of a square image about its centre, as deformImages applies it. `toSource` is the
 * inverse map: it takes an output pixel's offset from the centre, (x, y) in pixels with x to the right
 * and y down, to the point of the input it shows, (a·x + b·y, c·x + d·y) for `toSource` [a, b, c, d].
 * Mapping backwards gives every output pixel exactly one value (no holes, no overlaps).
 */
export interface ImageTransform {
  readonly toSource: readonly [number, number, number, number];
}

/**
 * Rotation by `degrees` counter-clockwise as the image is shown (row 0 at the top); negative turns
 * clockwise. Multiples of 90° are exact (cos and sin exactly 0 or ±1), so they permute pixels.
 */
export function rotation(degrees: number): ImageTransform {
  finite('rotation', 'degrees', degrees);
  const [cos, sin] = cosSinOfDegrees(degrees);
  // The inverse of a counter-clockwise turn on screen (y down) is the transpose of
  // [[cos, sin], [-sin, cos]].
  return { toSource: [cos, -sin, sin, cos] };
}

/**
 * Horizontal shear by the angle `degrees`: each row moves right by tan(angle) times its distance below
 * the centre (rows above move left), so vertical strokes lean by the angle; negative leans the other
 * way. The angle must lie strictly between -90 and 90.
 */
export function shear(degrees: number): ImageTransform {
  finite('shear', 'degrees', degrees);
  if (Math.abs(degrees) >= 90) {
    throw rangeError('shear', 'degrees', 'must lie strictly between -90 and 90', String(degrees));
  }
  const slope = degrees === 0 ? 0 : Math.tan((degrees * Math.PI) / 180);
  return { toSource: [1, -slope, 0, 1] };
}

/**
 * Scaling by `factor` about the centre: above 1 enlarges (zooms in, the border leaves the frame),
 * below 1 shrinks (zooms out, the zero background fills the border). 1 is the identity.
 */
export function zoom(factor: number): ImageTransform {
  if (typeof factor !== 'number' || !Number.isFinite(factor) || factor <= 0) {
    throw numberError('zoom', 'factor', 'must be a positive finite number', factor);
  }
  return { toSource: [1 / factor, 0, 0, 1 / factor] };
}

function finite(where: string, field: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw numberError(where, field, 'must be a finite number', value);
  }
}

/** cos and sin of an angle in degrees, exact at multiples of 90° (Math.cos(Math.PI / 2) is 6e-17, not 0). */
function cosSinOfDegrees(degrees: number): [number, number] {
  const turn = ((degrees % 360) + 360) % 360;
  if (turn === 0) return [1, 0];
  if (turn === 90) return [0, 1];
  if (turn === 180) return [-1, 0];
  if (turn === 270) return [0, -1];
  const radians = (degrees * Math.PI) / 180;
  return [Math.cos(radians), Math.sin(radians)];
}
