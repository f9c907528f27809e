"""Tests of the parts that need torch; skipped where it is not installed (e.g. a python3 without it)."""

import unittest

import numpy as np

try:
    import torch
except ImportError:
    torch = None


@unittest.skipIf(torch is None, "needs torch (Debian's python3-torch: run with /usr/bin/python3)")
class DeformationTest(unittest.TestCase):
    def setUp(self):
        self.image = torch.from_numpy(np.random.default_rng(0).random((1, 784), dtype=np.float32))

    def deform(self, to_source):
        from deformations import deform

        return deform(self.image, [to_source]).view(28, 28).numpy()

    def test_turns_counter_clockwise_about_the_centre(self):
        from deformations import rotation

        square = self.image.view(28, 28).numpy()
        np.testing.assert_allclose(self.deform(rotation(90)), np.rot90(square), atol=1e-5)
        np.testing.assert_allclose(self.deform(rotation(180)), square[::-1, ::-1], atol=1e-5)
        np.testing.assert_allclose(self.deform(rotation(0)), square, atol=1e-5)

    def test_zoom_and_shear_about_the_centre(self):
        from deformations import deform, shear, zoom

        dot = torch.zeros(1, 784)
        dot[0, 14 * 28 + 14] = 1.0  # pixel (row 14, col 14): 0.5 right of and 0.5 below the centre (13.5, 13.5)

        zoomed = deform(dot, [zoom(3)]).view(28, 28).numpy()
        # Output offset (x, y) shows the input at (x / 3, y / 3): the dot's value spreads to offsets
        # within 3 of (0.5, 0.5), peaking 1 at (1.5, 1.5) = pixel (row 15, col 15).
        self.assertAlmostEqual(float(zoomed[15, 15]), 1.0, places=5)
        self.assertAlmostEqual(float(zoomed[14, 15]), 2 / 3, places=5)
        sheared = deform(dot, [shear(45)]).view(28, 28).numpy()
        # Row 14 (y = 0.5) slides right by tan(45°) x 0.5: the dot's value splits between cols 14 and 15.
        np.testing.assert_allclose(sheared[14, 14:16], [0.5, 0.5], atol=1e-6)
        self.assertAlmostEqual(float(sheared.sum()), 1.0, places=5)

    def test_the_eight_sets_are_drawn_once_for_all(self):
        from deformations import deformation_maps

        first, again = deformation_maps(100), deformation_maps(100)
        self.assertEqual(list(first), [
            "rotation-20", "rotation-40", "shear-28.6", "shear-57.3", "zoom-0.6", "zoom-0.8", "zoom-1.2", "zoom-1.4",
        ])
        self.assertEqual(first, again)
        angles = np.degrees([np.arctan2(m[1][0], m[0][0]) for m in first["rotation-40"]])
        self.assertTrue(np.all(np.abs(angles) <= 40) and np.max(np.abs(angles)) > 30)


@unittest.skipIf(torch is None, "needs torch (Debian's python3-torch: run with /usr/bin/python3)")
class ModelTest(unittest.TestCase):
    def test_mixing_mixes_the_chosen_place(self):
        from model import MLP, Mix

        torch.manual_seed(0)
        net = MLP()
        x = torch.rand(4, 784)
        perm = torch.tensor([1, 0, 3, 2])
        # Mixing the input with lambda = 1 is the plain forward pass; lambda = 0 swaps the rows.
        np.testing.assert_allclose(net(x, Mix(0, 1.0, perm)).detach(), net(x).detach())
        np.testing.assert_allclose(net(x, Mix(0, 0.0, perm)).detach(), net(x)[perm].detach(), atol=1e-6)
        # At h1 with lambda = 0.5, the logits are those of the layers above applied to the mean of h1.
        h1 = net.first_hidden(x)
        mixed_h1 = 0.5 * h1 + 0.5 * h1[perm]
        above = torch.nn.functional.leaky_relu(net.linears[1](mixed_h1), 0.3)
        above = net.linears[3](torch.nn.functional.leaky_relu(net.linears[2](above), 0.3))
        np.testing.assert_allclose(net(x, Mix(1, 0.5, perm)).detach(), above.detach(), atol=1e-6)

    def test_the_three_models_of_a_seed_share_init_and_batches(self):
        from model import train

        x, y = torch.rand(200, 784), torch.randint(0, 10, (200,))
        torch.manual_seed(1)
        a = train(x, y, "baseline", seed=3, epochs=0)
        b = train(x, y, "manifold-mixup", seed=3, epochs=0)
        for p, q in zip(a.parameters(), b.parameters()):
            self.assertTrue(torch.equal(p, q))
        # Same seed and variant: the same training, bit for bit.
        c, d = train(x, y, "input-mixup", seed=3, epochs=1), train(x, y, "input-mixup", seed=3, epochs=1)
        for p, q in zip(c.parameters(), d.parameters()):
            self.assertTrue(torch.equal(p, q))


@unittest.skipIf(torch is None, "needs torch (Debian's python3-torch: run with /usr/bin/python3)")
class MarginTest(unittest.TestCase):
    def test_margin_and_its_gradient_survive_saturation(self):
        from measures import input_gradient, margin

        logits = torch.tensor([[3.0, 1.0, 2.0], [0.0, 5.0, 1.0]])
        np.testing.assert_allclose(margin(logits, torch.tensor([0, 2])), [1.0, -4.0])

        # A linear "model" scaled so far that the softmax saturates in float32.
        weight = torch.zeros(784, 10)
        weight[0, 3] = 1e4
        weight[1, 5] = 1e4

        def saturated(x):
            return x @ weight

        x = torch.zeros(1, 784)
        x[0, 0], x[0, 1] = 1.0, 0.5  # logits 1e4 (class 3, the label) and 5e3 (class 5, the runner-up)
        y = torch.tensor([3])
        per_example = torch.nn.functional.cross_entropy
        cross_entropy = input_gradient(saturated, x, y, lambda z, t: per_example(z, t, reduction="none"))
        self.assertTrue(bool((cross_entropy == 0).all()))
        grad = input_gradient(saturated, x, y, margin)
        self.assertEqual(float(grad[0, 0]), 1e4)
        self.assertEqual(float(grad[0, 1]), -1e4)


if __name__ == "__main__":
    unittest.main()
