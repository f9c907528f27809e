import unittest

import numpy as np

from participation import class_participation_ratios, participation_ratio


class ParticipationRatioTest(unittest.TestCase):
    def test_counts_equal_directions(self):
        # +-e1, +-e2 in 5-D: covariance diag(1/2, 1/2, 0, 0, 0), two equal directions.
        e = np.eye(5)
        self.assertAlmostEqual(participation_ratio([e[0], -e[0], e[1], -e[1]]), 2.0)
        # Every corner of the cube {-1, 1}^3: three equal directions.
        cube = np.array([[a, b, c] for a in (-1, 1) for b in (-1, 1) for c in (-1, 1)], dtype=float)
        self.assertAlmostEqual(participation_ratio(cube), 3.0)

    def test_weights_unequal_directions(self):
        # Variances 3 and 1 (points +-sqrt(3) e1, +-e2): (3 + 1)^2 / (9 + 1) = 1.6.
        points = [[3**0.5, 0], [-(3**0.5), 0], [0, 1], [0, -1]]
        self.assertAlmostEqual(participation_ratio(points), 1.6)

    def test_centres_and_ignores_scale_and_rotation(self):
        rng = np.random.default_rng(0)
        points = rng.normal(size=(50, 8)) * np.arange(1, 9)
        ratio = participation_ratio(points)
        rotation, _ = np.linalg.qr(rng.normal(size=(8, 8)))
        self.assertAlmostEqual(participation_ratio(100 + 7 * points @ rotation), ratio)
        eigenvalues = np.linalg.eigvalsh(np.cov(points, rowvar=False))
        self.assertAlmostEqual(ratio, eigenvalues.sum() ** 2 / (eigenvalues**2).sum())

    def test_fewer_points_than_dimensions(self):
        # n < d takes the n x n Gram matrix: same non-zero eigenvalues.
        points = np.random.default_rng(1).normal(size=(5, 40))
        eigenvalues = np.linalg.eigvalsh(np.cov(points, rowvar=False))
        self.assertAlmostEqual(participation_ratio(points), eigenvalues.sum() ** 2 / (eigenvalues**2).sum())

    def test_per_class(self):
        e = np.eye(3)
        points = np.array([e[0], -e[0], e[1], -e[1], e[0], -e[0]])
        self.assertEqual(class_participation_ratios(points, [0, 0, 0, 0, 1, 1], 2), [2.0, 1.0])

    def test_refuses_degenerate_classes(self):
        with self.assertRaisesRegex(ValueError, "n >= 2"):
            participation_ratio([[1.0, 2.0]])
        with self.assertRaisesRegex(ValueError, "must vary"):
            participation_ratio([[1.0, 2.0], [1.0, 2.0]])


if __name__ == "__main__":
    unittest.main()
