"""What the declaration measures on a trained model: test error and NLL, the participation ratio at h1,
FGSM on the logit-margin loss with the share of zero input gradients, accuracy on the deformed sets."""

import torch
import torch.nn.functional as F

from deformations import deform, deformation_maps
from participation import class_participation_ratios

ATTACK_EPSILONS = (0.01, 0.03, 0.05, 0.1)
CHUNK = 2000  # rows per forward pass, to bound memory


def _chunks(*tensors):
    for start in range(0, tensors[0].shape[0], CHUNK):
        yield tuple(t[start : start + CHUNK] for t in tensors)


@torch.no_grad()
def logits_of(model, x):
    return torch.cat([model(xb) for (xb,) in _chunks(x)])


def error_and_nll(logits, y):
    """Share misclassified and the mean negative log-likelihood of the true class (float64)."""
    error = (logits.argmax(dim=1) != y).double().mean().item()
    nll = F.cross_entropy(logits.double(), y).item()
    return error, nll


def margin(logits, y):
    """z_y - max_{j != y} z_j: below 0 means misclassified; its gradient does not vanish when the
    softmax saturates (the cross-entropy's can)."""
    true = logits.gather(1, y[:, None])[:, 0]
    others = logits.scatter(1, y[:, None], float("-inf")).max(dim=1).values
    return true - others


def input_gradient(model, x, y, loss):
    """Per-example gradient of loss(logits, y) (one value per example) with respect to the input."""
    grads = []
    for xb, yb in _chunks(x, y):
        xb = xb.clone().requires_grad_(True)
        (grad,) = torch.autograd.grad(loss(model(xb), yb).sum(), xb)
        grads.append(grad)
    return torch.cat(grads)


def fgsm(model, x, y, epsilons=ATTACK_EPSILONS):
    """Accuracy under FGSM on the margin loss at each epsilon (x - eps sign(grad margin), clipped to [0, 1]),
    and the shares of examples whose input gradient is exactly zero, for the margin loss the attack uses
    and, for comparison, for the cross-entropy."""
    grad = input_gradient(model, x, y, margin)
    cross_entropy = input_gradient(model, x, y, lambda z, t: F.cross_entropy(z, t, reduction="none"))
    accuracy = {}
    for eps in epsilons:
        adversarial = (x - eps * grad.sign()).clamp(0.0, 1.0)
        accuracy[str(eps)] = (logits_of(model, adversarial).argmax(dim=1) == y).double().mean().item()
    return {
        "fgsmAccuracy": accuracy,
        "fgsmMeanAccuracy": sum(accuracy.values()) / len(accuracy),
        "zeroGradientShare": (grad == 0).all(dim=1).double().mean().item(),
        "zeroGradientShareCrossEntropy": (cross_entropy == 0).all(dim=1).double().mean().item(),
    }


def deformed_sets(x):
    """{name: the eight deformed copies of the test images}, made once and shared by every model."""
    return {name: deform(x, maps) for name, maps in deformation_maps(x.shape[0]).items()}


def deformed_accuracy(model, deformed, y):
    """Accuracy on each of the deformed test sets and their mean."""
    accuracy = {
        name: (logits_of(model, images).argmax(dim=1) == y).double().mean().item() for name, images in deformed.items()
    }
    return {"deformedAccuracy": accuracy, "deformedMeanAccuracy": sum(accuracy.values()) / len(accuracy)}


def measure(model, train_x, train_y, test_x, test_y, deformed, num_classes=10):
    """Every number of the record of a trained model; `deformed` from deformed_sets(test_x)."""
    train_error, train_nll = error_and_nll(logits_of(model, train_x), train_y)
    test_error, test_nll = error_and_nll(logits_of(model, test_x), test_y)
    with torch.no_grad():
        h1 = model.first_hidden(test_x).double().numpy()
    ratios = class_participation_ratios(h1, test_y.numpy(), num_classes)
    return {
        "trainError": train_error,
        "trainNll": train_nll,
        "testError": test_error,
        "testNll": test_nll,
        "participationRatio": sum(ratios) / len(ratios),
        "classParticipationRatios": ratios,
        **fgsm(model, test_x, test_y),
        **deformed_accuracy(model, deformed, test_y),
    }
