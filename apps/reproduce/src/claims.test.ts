import { describe, expect, it } from 'vitest';
import { bottleneck12dClaims, bottleneck2dClaims, calibrationClaim, spiralClaims } from './claims.js';

const byId = <T extends { id: string }>(claims: T[], id: string): T => {
  const found = claims.find((c) => c.id === id);
  if (!found) throw new Error(`no claim ${id}`);
  return found;
};

describe('claims', () => {
  const spiral = (low: number, tv: number, ece: number) => ({
    label: 'm',
    lowConfidenceFraction: low,
    totalVariation: tv,
    threshold: 0.9,
    ece,
  });

  it('spiral: supported only when mixup has more low-confidence area and less total variation', () => {
    const yes = spiralClaims(spiral(0.1, 40, 0.05), spiral(0.3, 20, 0.02));
    expect(byId(yes, 'spiral-low-confidence').supported).toBe(true);
    expect(byId(yes, 'spiral-smoothness').supported).toBe(true);
    expect(byId(yes, 'spiral-calibration').supported).toBe(true);
    expect(byId(yes, 'spiral-low-confidence').evidence).toContain('baseline 10.0%, m 30.0%');
    const no = spiralClaims(spiral(0.3, 20, 0.02), spiral(0.1, 40, 0.05));
    expect(no.map((c) => c.supported)).toEqual([false, false, false]);
    // ties do not count as support
    expect(spiralClaims(spiral(0.2, 30, 0.1), spiral(0.2, 30, 0.1)).map((c) => c.supported)).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('2-D: margin and silhouette are judged separately', () => {
    const claims = bottleneck2dClaims(
      { label: 'b', meanMargin: 1, silhouette: 0.5, ece: 0.1 },
      { label: 'm', meanMargin: 2, silhouette: 0.4, ece: 0.2 },
    );
    expect(byId(claims, 'bottleneck-2d-margin').supported).toBe(true);
    expect(byId(claims, 'bottleneck-2d-silhouette').supported).toBe(false);
    expect(byId(claims, 'bottleneck-2d-calibration').supported).toBe(false);
  });

  it('12-D: flatter in most classes against both baseline and input mixup', () => {
    const model = (label: string, sums: number[], dirs = sums.map(() => 3)) => ({
      label,
      ece: 0.1,
      sumOfOthers: sums,
      significantDirections: dirs,
    });
    const baseline = model('baseline', [5, 5, 5, 5, 5]);
    const input = model('input mixup', [4, 4, 4, 4, 4]);
    const flatter = bottleneck12dClaims(baseline, input, model('manifold mixup', [1, 1, 1, 9, 9]), {
      dim: 12,
      classes: 10,
      relativeThreshold: 0.1,
    });
    expect(byId(flatter, 'bottleneck-12d-flatter').supported).toBe(true); // 3/5 vs both
    expect(byId(flatter, 'bottleneck-12d-flatter').evidence).toBe(
      'manifold mixup smaller than baseline in 3/5 classes, than input mixup in 3/5',
    );
    const half = bottleneck12dClaims(baseline, input, model('manifold mixup', [1, 1, 4.5, 9, 9]), {
      dim: 12,
      classes: 10,
      relativeThreshold: 0.1,
    });
    expect(byId(half, 'bottleneck-12d-flatter').supported).toBe(false); // 3/5 vs baseline, 2/5 vs input
  });

  it('12-D: Theorem 1 bound is dim - classes + 1 significant directions in most classes', () => {
    const model = (dirs: number[]) => ({ label: 'x', ece: 0.1, sumOfOthers: dirs, significantDirections: dirs });
    const within = bottleneck12dClaims(model([9, 9, 9]), model([9, 9, 9]), model([2, 3, 4]), {
      dim: 12,
      classes: 10,
      relativeThreshold: 0.1,
    });
    const claim = byId(within, 'bottleneck-12d-theorem-1');
    expect(claim.statement).toContain('12 - 10 + 1 = 3');
    expect(claim.supported).toBe(true);
    expect(claim.evidence).toContain('x 2/3 (mean 3.000 directions)');
    expect(
      byId(
        bottleneck12dClaims(model([1]), model([1]), model([4, 4, 3]), { dim: 12, classes: 10, relativeThreshold: 0.1 }),
        'bottleneck-12d-theorem-1',
      ).supported,
    ).toBe(false);
  });

  it('calibration: every mixing model must beat the baseline', () => {
    expect(
      calibrationClaim('e', { label: 'b', ece: 0.1 }, [
        { label: 'i', ece: 0.05 },
        { label: 'm', ece: 0.2 },
      ]).supported,
    ).toBe(false);
    expect(
      calibrationClaim('e', { label: 'b', ece: 0.1 }, [
        { label: 'i', ece: 0.05 },
        { label: 'm', ece: 0.02 },
      ]).supported,
    ).toBe(true);
  });
});
