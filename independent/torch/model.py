"""The MLP 784-256-256-256-10 with LeakyReLU(0.3), and its training: baseline, input mixup, manifold mixup.

Mixing (Verma et al. 2019, §2): per batch, draw the place k uniformly among the model's eligible places
(0 = the input, 1 = h1, 2 = h2, post-activation), lambda ~ Beta(alpha, alpha) and a random permutation
of the batch; the layers before k run normally, the representation at k becomes
lambda * h + (1 - lambda) * h[perm], the targets are mixed the same way, and the loss is the soft-target
cross-entropy. Gradients flow through the layers before k.

Randomness: torch.manual_seed(seed) before building, so the three models of a seed start from the same
weights (PyTorch's default Linear initialisation); one numpy stream draws the epoch orders and another
the mixing, so the three models see the same batches in every epoch.
"""

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

WIDTHS = (784, 256, 256, 256, 10)
LEAKY_SLOPE = 0.3

# Per-seed numpy streams, as np.random.default_rng([seed, stream]).
SUBSET_STREAM, ORDER_STREAM, MIXING_STREAM = 0, 1, 2


@dataclass(frozen=True)
class Mixing:
    alpha: float
    places: tuple  # eligible places: 0 = input, k = output of hidden layer k


VARIANTS = {
    "baseline": None,
    "input-mixup": Mixing(alpha=1.0, places=(0,)),
    "manifold-mixup": Mixing(alpha=2.0, places=(0, 1, 2)),
}


@dataclass(frozen=True)
class Mix:
    """One batch's draw: where, how much, with whom."""

    place: int
    lam: float
    perm: torch.Tensor


class MLP(nn.Module):
    def __init__(self, widths=WIDTHS, slope=LEAKY_SLOPE):
        super().__init__()
        self.linears = nn.ModuleList(nn.Linear(a, b) for a, b in zip(widths, widths[1:]))
        self.slope = slope

    def forward(self, x, mix=None):
        """Logits; with `mix`, the representation entering linear layer mix.place is mixed first."""
        h = x
        last = len(self.linears) - 1
        for k, linear in enumerate(self.linears):
            if mix is not None and mix.place == k:
                h = mix.lam * h + (1.0 - mix.lam) * h[mix.perm]
            h = linear(h)
            if k < last:
                h = F.leaky_relu(h, self.slope)
        return h

    def first_hidden(self, x):
        """h1, post-activation (where §3.2 measured flattening)."""
        return F.leaky_relu(self.linears[0](x), self.slope)


def draw_mix(mixing, rng, batch):
    """The draws in a fixed order (place, lambda, permutation), so a stream replays exactly."""
    place = mixing.places[rng.integers(len(mixing.places))]
    lam = float(rng.beta(mixing.alpha, mixing.alpha))
    return Mix(place=place, lam=lam, perm=torch.from_numpy(rng.permutation(batch)))


def soft_cross_entropy(logits, targets):
    return -(targets * F.log_softmax(logits, dim=1)).sum(dim=1).mean()


def train(x, y, variant, seed, epochs, batch=100, lr=1e-3, num_classes=10):
    """A model of `variant` trained on (x float n x 784, y int64 n) with Adam; the final-epoch weights."""
    mixing = VARIANTS[variant]
    torch.manual_seed(seed)
    model = MLP()
    optimiser = torch.optim.Adam(model.parameters(), lr=lr)
    order_rng = np.random.default_rng([seed, ORDER_STREAM])
    mixing_rng = np.random.default_rng([seed, MIXING_STREAM])
    targets = F.one_hot(y, num_classes).to(x.dtype)
    n = x.shape[0]
    model.train()
    for _ in range(epochs):
        order = torch.from_numpy(order_rng.permutation(n))
        for start in range(0, n, batch):
            rows = order[start : start + batch]
            xb, tb = x[rows], targets[rows]
            mix = None if mixing is None else draw_mix(mixing, mixing_rng, len(rows))
            if mix is not None:
                tb = mix.lam * tb + (1.0 - mix.lam) * tb[mix.perm]
            loss = soft_cross_entropy(model(xb, mix), tb)
            optimiser.zero_grad(set_to_none=True)
            loss.backward()
            optimiser.step()
    model.eval()
    return model
