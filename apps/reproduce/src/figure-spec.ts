import { rangeError } from '@manifold-mixup/errors';
import {
  claimsAtAGlance,
  confidenceMaps,
  groupedBarChart,
  intervalCurves,
  reliabilityDiagram,
  scatterPlots,
  spectraSmallMultiples,
} from '@manifold-mixup/viz';

/**
 * A figure as data: the viz function to call and its arguments, computed from the results files (see
 * experiment-figures.ts). The run draws them; --check computes and draws them again and compares
 * bytes, so a figure can never disagree with the numbers it was drawn from.
 */
export interface FigureSpec {
  /** File name in figures/, e.g. spiral-confidence.svg. */
  name: string;
  caption: string;
  kind: FigureKind;
  data: unknown;
  options: Record<string, unknown>;
}

// Each viz figure takes (data, options); the casts are checked by the viz functions' own validation.
const DRAW = {
  confidenceMaps: (d: unknown, o: object) => confidenceMaps(d as Parameters<typeof confidenceMaps>[0], o),
  scatterPlots: (d: unknown, o: object) => scatterPlots(d as Parameters<typeof scatterPlots>[0], o),
  spectraSmallMultiples: (d: unknown, o: object) =>
    spectraSmallMultiples(d as Parameters<typeof spectraSmallMultiples>[0], o),
  reliabilityDiagram: (d: unknown, o: object) => reliabilityDiagram(d as Parameters<typeof reliabilityDiagram>[0], o),
  groupedBarChart: (d: unknown, o: object) => groupedBarChart(d as Parameters<typeof groupedBarChart>[0], o),
  claimsAtAGlance: (d: unknown, o: object) => claimsAtAGlance(d as Parameters<typeof claimsAtAGlance>[0], o),
  intervalCurves: (d: unknown, o: object) => intervalCurves(d as Parameters<typeof intervalCurves>[0], o),
} as const;

export type FigureKind = keyof typeof DRAW;

export function drawFigure(spec: FigureSpec): string {
  const draw = DRAW[spec.kind];
  if (!draw) {
    const kinds = `must be one of ${Object.keys(DRAW).join(', ')}`;
    throw rangeError(`figure ${spec.name}`, 'kind', kinds, `'${String(spec.kind)}'`);
  }
  return draw(spec.data, spec.options);
}

/** JSON with typed arrays stored exactly, as base64 of their bytes ({"$f32": ...} / {"$u8": ...}). */
export function encodeArrays(value: unknown): string {
  return `${JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Float32Array)
      return { $f32: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
    if (v instanceof Uint8Array) return { $u8: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
    return v;
  })}\n`;
}

/** The inverse of encodeArrays; errors name the file. */
export function decodeArrays(text: string, file: string): unknown {
  try {
    return JSON.parse(text, (_key, value: unknown) => {
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const v = value as Record<string, unknown>;
        if (typeof v.$f32 === 'string') {
          const bytes = Buffer.from(v.$f32, 'base64');
          if (bytes.length % 4 !== 0) throw new Error(`a $f32 array of ${bytes.length} bytes (not a multiple of 4)`);
          return new Float32Array(Uint8Array.from(bytes).buffer);
        }
        if (typeof v.$u8 === 'string') return Uint8Array.from(Buffer.from(v.$u8, 'base64'));
      }
      return value;
    });
  } catch (error) {
    throw new Error(`${file}: not valid figure arrays (${(error as Error).message})`, { cause: error });
  }
}
