import unittest

from claims import PRIMARY_CLAIMS, judge
from paired_stats import holm, paired_summary, sign_flip_p, t_quantile


class SignFlipTest(unittest.TestCase):
    def test_counts_the_patterns_at_least_as_extreme(self):
        # Sums of +-1 +-2 +-3: 6, 4, 2, 0, 0, -2, -4, -6; the observed 1 - 2 + 3 = 2 is reached by 3 of 8.
        self.assertEqual(sign_flip_p([1, -2, 3], "greater"), 3 / 8)
        self.assertEqual(sign_flip_p([1, -2, 3], "less"), 6 / 8)
        self.assertEqual(sign_flip_p([1, 2, 3], "greater"), 1 / 8)
        self.assertEqual(sign_flip_p([-1, -2, -3, -4, -5, -6, -7, -8, -9, -10], "less"), 1 / 1024)

    def test_a_zero_difference_repeats_patterns_without_changing_p(self):
        self.assertEqual(sign_flip_p([0, 1], "greater"), 1 / 2)
        self.assertEqual(sign_flip_p([0, 0], "greater"), 1.0)

    def test_sums_that_tie_in_decimal_tie(self):
        # 0.1 + 0.2 - 0.3 = 5.6e-17 in binary; the patterns summing to 0 (+ + - and - - +) must count.
        self.assertEqual(sign_flip_p([0.1, 0.2, -0.3], "greater"), 5 / 8)
        self.assertEqual(sign_flip_p([0.1, 0.2, -0.3], "less"), 5 / 8)

    def test_refuses_what_it_cannot_judge(self):
        with self.assertRaisesRegex(ValueError, "alternative"):
            sign_flip_p([1.0], "two-sided")
        with self.assertRaisesRegex(ValueError, "finite"):
            sign_flip_p([1.0, float("nan")], "less")


class HolmTest(unittest.TestCase):
    def test_step_down_adjustment_keeps_order_and_input_positions(self):
        # Sorted 0.005, 0.01, 0.03, 0.04 -> x4, x3, x2, x1 = 0.02, 0.03, 0.06, 0.04 -> running max.
        adjusted = holm([0.01, 0.04, 0.03, 0.005])
        for found, expected in zip(adjusted, [0.03, 0.06, 0.06, 0.02]):
            self.assertAlmostEqual(found, expected, places=15)

    def test_caps_at_one(self):
        self.assertEqual(holm([0.5, 0.9]), [1.0, 1.0])


class StudentTest(unittest.TestCase):
    def test_quantiles_match_the_tables(self):
        for df, expected in [(1, 12.706205), (4, 2.776445), (9, 2.262157), (30, 2.042272)]:
            self.assertAlmostEqual(t_quantile(0.975, df), expected, places=5)
        self.assertAlmostEqual(t_quantile(0.025, 9), -2.262157, places=5)

    def test_summary(self):
        s = paired_summary([-1.0, -2.0, -3.0], [10.0, 10.0, 10.0], "less")
        self.assertEqual(s["mean"], -2.0)
        self.assertAlmostEqual(s["dz"], -2.0)  # sd 1
        self.assertAlmostEqual(s["interval95"][1], -2.0 + 4.302653 / 3**0.5, places=5)
        self.assertAlmostEqual(s["relativeChange"], -0.2)
        self.assertEqual(s["seedsAgreeing"], 3)


class JudgeTest(unittest.TestCase):
    @staticmethod
    def runs(seeds, manifold_error):
        """Every model equal on every statistic except manifold mixup's test error."""
        base = {
            "testError": 0.1,
            "testNll": 0.3,
            "participationRatio": 5.0,
            "fgsmMeanAccuracy": 0.5,
            "deformedMeanAccuracy": 0.6,
        }
        runs = {}
        for s in range(seeds):
            runs[str(s)] = {m: dict(base) for m in ("baseline", "input-mixup", "manifold-mixup")}
            runs[str(s)]["manifold-mixup"]["testError"] = manifold_error(s)
        return runs

    def test_supported_contradicted_inconclusive(self):
        lower = judge(self.runs(10, lambda s: 0.08 - 0.001 * s))["claims"]
        self.assertEqual([c["id"] for c in lower], [c[0] for c in PRIMARY_CLAIMS])
        # p = 1/1024 for both error claims; the five ties have p = 1: Holm gives 7/1024, then 6/1024.
        self.assertEqual([c["verdict"] for c in lower[:3]], ["supported", "supported", "inconclusive"])
        self.assertAlmostEqual(lower[0]["holmP"], 7 / 1024)
        self.assertAlmostEqual(lower[1]["holmP"], 7 / 1024)
        higher = judge(self.runs(10, lambda s: 0.12 + 0.001 * s))["claims"]
        self.assertEqual([c["verdict"] for c in higher[:2]], ["contradicted", "contradicted"])
        # Turned round, claim 0's p is 1/1024 in a family where claim 1 keeps p = 1: 7/1024.
        self.assertAlmostEqual(higher[0]["oppositeHolmP"], 7 / 1024)
        too_few = judge(self.runs(4, lambda s: 0.08))["claims"]  # p >= 1/16 cannot pass Holm at 0.05
        self.assertEqual(too_few[0]["verdict"], "inconclusive")

    def test_needs_complete_seeds(self):
        runs = self.runs(3, lambda s: 0.08)
        del runs["2"]["baseline"]
        self.assertEqual(judge(runs)["seeds"], [0, 1])
        del runs["1"]["input-mixup"]
        with self.assertRaisesRegex(ValueError, "found 1"):
            judge(runs)


if __name__ == "__main__":
    unittest.main()
