"""Paired statistics over seeds: the exact sign-flip test, Holm's correction, Student's t interval.

Standard library only, so the tests run on any Python 3 (no torch, no numpy, no scipy).
"""

import itertools
import math

# Two sums closer than this share of sum(|d|) are ties: 0.1 + 0.2 - 0.3 is 5.6e-17, not 0, and a
# pattern's sum is added in another order than the observed one.
TIE_TOLERANCE = 1e-12

# 2^n patterns are enumerated one by one: fine for the 10 seeds of the design, slow past ~22.
MAX_SEEDS = 22

ALTERNATIVES = ("less", "greater")


def sign_flip_p(differences, alternative):
    """Exact one-sided p of the mean paired difference: the share of all 2^n sign patterns of the
    differences whose sum is at least as far in the claimed direction as the observed sum (the observed
    pattern included, so p >= 2^-n). A zero difference flips to itself, which only repeats patterns."""
    d = [float(v) for v in differences]
    if alternative not in ALTERNATIVES:
        raise ValueError(f"sign_flip_p: alternative must be one of {ALTERNATIVES}, found {alternative!r}")
    if not d:
        raise ValueError("sign_flip_p: differences must hold at least one number, found none")
    if len(d) > MAX_SEEDS:
        raise ValueError(f"sign_flip_p: differences must hold at most {MAX_SEEDS} numbers, found {len(d)}")
    if not all(math.isfinite(v) for v in d):
        raise ValueError(f"sign_flip_p: differences must be finite, found {d}")
    observed = sum(d)
    tolerance = TIE_TOLERANCE * sum(abs(v) for v in d)
    magnitudes = [abs(v) for v in d]
    count = 0
    for signs in itertools.product((-1.0, 1.0), repeat=len(d)):
        total = sum(s * m for s, m in zip(signs, magnitudes))
        if alternative == "greater" and total >= observed - tolerance:
            count += 1
        elif alternative == "less" and total <= observed + tolerance:
            count += 1
    return count / 2 ** len(d)


def holm(p_values):
    """Holm's step-down adjusted p-values, in the order given: with p sorted ascending, the i-th
    (from 0) becomes max over j <= i of min(1, (m - j) p_(j))."""
    m = len(p_values)
    for i, p in enumerate(p_values):
        if not 0 <= p <= 1:
            raise ValueError(f"holm: p_values[{i}] must lie in [0, 1], found {p}")
    order = sorted(range(m), key=lambda i: p_values[i])
    adjusted = [0.0] * m
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p_values[i]))
        adjusted[i] = running
    return adjusted


def _incomplete_beta(x, a, b):
    """Regularised incomplete beta I_x(a, b) by its continued fraction (Lentz's method)."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    if x > (a + 1) / (a + b + 2):  # the fraction converges fast only below the mean: use the symmetry
        return 1.0 - _incomplete_beta(1.0 - x, b, a)
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)) / a
    tiny = 1e-300
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    result = d
    for k in range(1, 500):
        for numerator in (
            k * (b - k) * x / ((a + 2 * k - 1) * (a + 2 * k)),
            -(a + k) * (a + b + k) * x / ((a + 2 * k) * (a + 2 * k + 1)),
        ):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + numerator / c
            c = c if abs(c) > tiny else tiny
            result *= c * d
        if abs(c * d - 1.0) < 1e-15:
            break
    return front * result


def t_cdf(t, df):
    """Student's t distribution function with df degrees of freedom."""
    tail = 0.5 * _incomplete_beta(df / (df + t * t), df / 2, 0.5)
    return 1.0 - tail if t > 0 else tail


def t_quantile(q, df):
    """The q-quantile of Student's t with df degrees of freedom (bisection on t_cdf)."""
    if not 0 < q < 1 or df <= 0:
        raise ValueError(f"t_quantile: needs 0 < q < 1 and df > 0, found q = {q}, df = {df}")
    lo, hi = -1.0, 1.0
    while t_cdf(lo, df) > q:
        lo *= 2
    while t_cdf(hi, df) < q:
        hi *= 2
    for _ in range(200):
        mid = (lo + hi) / 2
        if t_cdf(mid, df) < q:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def paired_summary(differences, reference, alternative):
    """Mean paired difference, its 95% t interval, d_z (mean / sd, n - 1 in the sd), the relative change
    (mean difference / mean reference value) and how many seeds differ in the claimed direction."""
    n = len(differences)
    if n < 2 or len(reference) != n:
        raise ValueError(
            f"paired_summary: needs >= 2 differences and one reference value each, "
            f"found {n} differences and {len(reference)} reference values"
        )
    mean = sum(differences) / n
    sd = math.sqrt(sum((v - mean) ** 2 for v in differences) / (n - 1))
    half = t_quantile(0.975, n - 1) * sd / math.sqrt(n)
    mean_reference = sum(reference) / n
    sign = 1 if alternative == "greater" else -1
    return {
        "n": n,
        "mean": mean,
        "interval95": [mean - half, mean + half],
        "dz": mean / sd if sd > 0 else None,  # undefined when every seed differs by the same amount
        "relativeChange": mean / mean_reference if mean_reference else None,
        "seedsAgreeing": sum(1 for v in differences if sign * v > 0),
    }
