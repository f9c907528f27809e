"""The seven primary claims as apps/reproduce/src/experiments/generalisation-primary.ts declares them,
judged as it declares: one paired difference per seed (manifold mixup minus the reference), the exact
one-sided sign-flip p, Holm over the family at FAMILY_ALPHA.

Standard library only (see paired_stats.py).
"""

from paired_stats import holm, paired_summary, sign_flip_p

FAMILY_ALPHA = 0.05

# The statistic of each claim, by the key a model's record stores it under.
STATISTICS = {
    "test-error": "testError",
    "test-nll": "testNll",
    "participation-ratio": "participationRatio",
    "fgsm-margin-accuracy": "fgsmMeanAccuracy",
    "deformed-accuracy": "deformedMeanAccuracy",
}

# (id, statistic, reference, alternative); the model is always manifold mixup.
PRIMARY_CLAIMS = [
    ("test-error-vs-baseline", "test-error", "baseline", "less"),
    ("test-error-vs-input-mixup", "test-error", "input-mixup", "less"),
    ("test-nll-vs-baseline", "test-nll", "baseline", "less"),
    ("flattening-vs-baseline", "participation-ratio", "baseline", "less"),
    ("fgsm-vs-baseline", "fgsm-margin-accuracy", "baseline", "greater"),
    ("fgsm-vs-input-mixup", "fgsm-margin-accuracy", "input-mixup", "greater"),
    ("deformations-vs-baseline", "deformed-accuracy", "baseline", "greater"),
]

MODEL = "manifold-mixup"
OPPOSITE = {"less": "greater", "greater": "less"}


def complete_seeds(runs):
    """Seeds (sorted) whose three models all have results."""
    needed = {MODEL, "baseline", "input-mixup"}
    return sorted((int(s) for s, models in runs.items() if needed <= set(models)))


def judge(runs, alpha=FAMILY_ALPHA):
    """Judges the family on the seeds with all three models. `runs` maps seed (str) -> model -> record.
    Supported: Holm-adjusted p < alpha with the mean on the claimed side. Contradicted: the claim turned
    round (the opposite one-sided p, Holm-adjusted in the family where it replaces this claim's p and the
    others keep theirs) < alpha with the mean on the opposite side. Otherwise inconclusive."""
    seeds = complete_seeds(runs)
    if len(seeds) < 2:
        raise ValueError(f"judge: needs >= 2 seeds with all three models, found {len(seeds)}")
    rows = []
    for claim_id, statistic, reference, alternative in PRIMARY_CLAIMS:
        key = STATISTICS[statistic]
        model_values = [runs[str(s)][MODEL][key] for s in seeds]
        reference_values = [runs[str(s)][reference][key] for s in seeds]
        differences = [m - r for m, r in zip(model_values, reference_values)]
        rows.append(
            {
                "id": claim_id,
                "statistic": statistic,
                "reference": reference,
                "alternative": alternative,
                "differences": differences,
                "p": sign_flip_p(differences, alternative),
                "oppositeP": sign_flip_p(differences, OPPOSITE[alternative]),
                **paired_summary(differences, reference_values, alternative),
            }
        )
    p = [row["p"] for row in rows]
    adjusted = holm(p)
    for i, row in enumerate(rows):
        row["holmP"] = adjusted[i]
        row["oppositeHolmP"] = holm([row["oppositeP"] if j == i else q for j, q in enumerate(p)])[i]
        claimed_side = row["mean"] < 0 if row["alternative"] == "less" else row["mean"] > 0
        opposite_side = row["mean"] > 0 if row["alternative"] == "less" else row["mean"] < 0
        if row["holmP"] < alpha and claimed_side:
            row["verdict"] = "supported"
        elif row["oppositeHolmP"] < alpha and opposite_side:
            row["verdict"] = "contradicted"
        else:
            row["verdict"] = "inconclusive"
    return {"alpha": alpha, "seeds": seeds, "claims": rows}


def format_judgement(judgement):
    """The judgement as a fixed-width table, one line per claim."""
    lines = [
        f"Primary claims (manifold mixup - reference), {len(judgement['seeds'])} seeds, "
        f"Holm at {judgement['alpha']}:",
        f"{'claim':<26} {'mean diff':>10} {'95% t interval':>24} {'d_z':>7} {'agree':>5} "
        f"{'p':>8} {'Holm p':>8}  verdict",
    ]
    for row in judgement["claims"]:
        low, high = row["interval95"]
        dz = "n/a" if row["dz"] is None else f"{row['dz']:.2f}"
        lines.append(
            f"{row['id']:<26} {row['mean']:>10.4g} {f'[{low:.4g}, {high:.4g}]':>24} {dz:>7} "
            f"{row['seedsAgreeing']:>2}/{row['n']:<2} {row['p']:>8.4g} {row['holmP']:>8.4g}  {row['verdict']}"
        )
    return "\n".join(lines)
