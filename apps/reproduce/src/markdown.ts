/** A GitHub-flavoured Markdown table; pipes inside cells are escaped. */
export function table(
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  align?: readonly ('l' | 'r')[],
): string {
  const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rule = header.map((_, i) => (align?.[i] === 'r' ? '---:' : '---'));
  return [header, rule, ...rows].map((row) => `| ${row.map(cell).join(' | ')} |`).join('\n');
}

/** Fixed-point with `digits` decimals; '-' for missing values. */
export function fixed(x: number | undefined, digits = 3): string {
  return x === undefined || !Number.isFinite(x) ? '-' : x.toFixed(digits);
}

export function percent(x: number | undefined, digits = 1): string {
  return x === undefined || !Number.isFinite(x) ? '-' : `${(100 * x).toFixed(digits)}%`;
}

/** 3 significant digits for statistics whose scale varies (singular values, margins). */
export function sig(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return '-';
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1000 ? x.toFixed(0) : a >= 100 ? x.toFixed(1) : a >= 0.001 ? x.toPrecision(3) : x.toExponential(2);
}

export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '-';
  if (seconds < 90) return `${seconds.toFixed(0)} s`;
  const minutes = seconds / 60;
  return minutes < 90 ? `${minutes.toFixed(1)} min` : `${(minutes / 60).toFixed(2)} h`;
}
