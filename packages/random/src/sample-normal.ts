/** A standard normal draw (Box-Muller): two draws of `random` per value, nothing cached between calls. */
export function sampleNormal(random: () => number): number {
  const u = 1 - random(); // (0, 1]: log is finite
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
