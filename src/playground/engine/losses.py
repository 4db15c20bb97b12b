"""The loss functions, each value beside its derivative ∂L/∂y.

Both take the output neurons' z as well as y, so that binary cross-entropy can
be computed from z without ever taking ln(0), however saturated the sigmoid.
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from playground.engine.activations import sigmoid

_TINY = np.finfo(float).tiny

Number = Callable[[float], str]


@dataclass(frozen=True)
class Loss:
    name: str
    formula: str  # per sample, summed over output neurons
    value: Callable  # (z, y, t) → L of each element; the caller sums over outputs
    dL_dy: Callable  # (z, y, t) → ∂L/∂y of each element
    derivative: str  # ∂L/∂y written out
    worked: Callable[[float, float, Number], str]  # ∂L/∂y with its numbers, given (y, t, fmt)


def _squared_error(z, y, t):
    # A square beyond the float range is ∞, as in numpy, not Python's OverflowError for floats.
    with np.errstate(over="ignore"):
        return 0.5 * np.square(y - t)


def _binary_cross_entropy(z, y, t):
    # −[t ln σ(z) + (1 − t) ln(1 − σ(z))], with ln σ(z) = −softplus(−z), ln(1 − σ(z)) = −softplus(z).
    return t * np.logaddexp(0.0, -z) + (1.0 - t) * np.logaddexp(0.0, z)


def _binary_cross_entropy_gradient(z, y, t):
    # (y − t) / (y(1 − y)), with 1 − y taken as σ(−z) so it stays exact when y rounds to 1.
    return (y - t) / np.maximum(y * sigmoid(-z), _TINY)


LOSS_FUNCTIONS: dict[str, Loss] = {
    loss.name: loss
    for loss in (
        Loss(
            "squared_error",
            formula="L = ½ Σ (y − t)²",
            value=_squared_error,
            dL_dy=lambda z, y, t: y - t,
            derivative="y − t",
            worked=lambda y, t, fmt: f"{fmt(y)} − {fmt(t)}",
        ),
        Loss(
            "binary_cross_entropy",
            formula="L = −Σ [t ln y + (1 − t) ln(1 − y)]",
            value=_binary_cross_entropy,
            dL_dy=_binary_cross_entropy_gradient,
            derivative="(y − t) / (y(1 − y))",
            worked=lambda y, t, fmt: f"({fmt(y)} − {fmt(t)}) / ({fmt(y)} × (1 − {fmt(y)}))",
        ),
    )
}
