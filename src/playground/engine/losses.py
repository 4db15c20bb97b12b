"""The loss functions, each value beside its derivative ∂L/∂y.

Both take the output neurons' z as well as y, so that binary cross-entropy can
be computed from z without ever taking ln(0), however saturated the sigmoid.
Each loss also says how it is written, as templates of `engine.written`
({y} is y, {(y)} y in parentheses when it is a negative number): one output's
term, the factor in front of the sum, ∂L/∂y, and both with their numbers in.
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from playground.engine.activations import sigmoid
from playground.engine.written import plain_form

_TINY = np.finfo(float).tiny


@dataclass(frozen=True)
class Loss:
    name: str
    sum_written: str  # L per sample, summed over output neurons: the right side of L = …
    value: Callable  # (z, y, t) → L of each element; the caller sums over outputs
    dL_dy: Callable  # (z, y, t) → ∂L/∂y of each element
    factor: str  # written before the sum of the outputs' terms: L = factor (term + term)
    term: str  # one output's term of the sum, with its numbers in
    dL_dy_written: str  # ∂L/∂y written out
    dL_dy_worked: str  # ∂L/∂y with its numbers in

    @property
    def formula(self) -> str:
        """The loss written out, e.g. "L = ½ Σ (y − t)²"."""
        return "L = " + plain_form(self.sum_written)

    @property
    def derivative(self) -> str:
        """∂L/∂y written out, e.g. "y − t"."""
        return plain_form(self.dL_dy_written)


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
            sum_written="½ Σ ({y} − {t})²",
            value=_squared_error,
            dL_dy=lambda z, y, t: y - t,
            factor="½ × ",
            term="({y} − {(t)})²",
            dL_dy_written="{y} − {t}",
            dL_dy_worked="{(y)} − {(t)}",
        ),
        Loss(
            "binary_cross_entropy",
            sum_written="−Σ [{t} ln {y} + (1 − {t}) ln(1 − {y})]",
            value=_binary_cross_entropy,
            dL_dy=_binary_cross_entropy_gradient,
            factor="−",
            term="[{t} × ln {(y)} + (1 − {(t)}) × ln(1 − {(y)})]",
            dL_dy_written="({y} − {t}) / ({y}(1 − {y}))",
            dL_dy_worked="({(y)} − {(t)}) / ({(y)} × (1 − {(y)}))",
        ),
    )
}
