"""The flattening statistic: participation ratio of each class's centred representations (numpy only).

With lambda the eigenvalues of a class's covariance, PR = (sum lambda)^2 / sum lambda^2, the effective
number of directions of variance. No eigen-solver is needed: for the centred points X, sum lambda is
proportional to ||X||_F^2 and sum lambda^2 to ||X^T X||_F^2 (the same factor squared), so the ratio
is exact, free of the covariance's divisor and unchanged by rescaling X.
"""

import numpy as np


def participation_ratio(points):
    """PR of the rows of `points` (n x d) centred on their mean."""
    x = np.asarray(points, dtype=np.float64)
    if x.ndim != 2 or x.shape[0] < 2:
        raise ValueError(f"participation_ratio: points must be an n x d array with n >= 2, found shape {x.shape}")
    x = x - x.mean(axis=0)
    gram = x @ x.T if x.shape[0] < x.shape[1] else x.T @ x  # same non-zero eigenvalues
    total = np.trace(gram)
    if not total > 0:
        raise ValueError("participation_ratio: points must vary, found every row equal to the mean")
    return float(total * total / np.sum(gram * gram))


def class_participation_ratios(points, labels, num_classes):
    """PR of each class's points (a list indexed by class)."""
    labels = np.asarray(labels)
    return [participation_ratio(np.asarray(points)[labels == c]) for c in range(num_classes)]
