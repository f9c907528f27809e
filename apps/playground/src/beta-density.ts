// The density of Beta(α, α), the distribution λ is drawn from, for the little plot beside α.

// Lanczos' approximation (g = 7, 9 terms): ln Γ to about 15 digits for x > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The density of Beta(α, α) at λ in (0, 1). */
export function betaDensity(alpha: number, lambda: number): number {
  const logB = 2 * logGamma(alpha) - logGamma(2 * alpha);
  return Math.exp((alpha - 1) * (Math.log(lambda) + Math.log(1 - lambda)) - logB);
}

/** The density at `count` evenly spaced λ strictly inside (0, 1) (the ends are infinite for α < 1). */
export function betaCurve(alpha: number, count = 61): Array<[number, number]> {
  return Array.from({ length: count }, (_, i) => {
    const lambda = (i + 0.5) / count;
    return [lambda, betaDensity(alpha, lambda)];
  });
}
