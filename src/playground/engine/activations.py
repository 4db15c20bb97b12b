"""The activation functions of the file format, each f beside its derivative f'.

`df` takes both z and y = f(z): several derivatives are cheapest written in y
(tanh: 1 − y²), others need z (relu: 1 if z > 0). Every function works on numpy
arrays and on plain floats. `derivative` is the formula the formula panel and
`playground trace` print; `worked` fills in its numbers.
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

LEAKY_RELU_SLOPE = 0.01
ELU_ALPHA = 1.0

Number = Callable[[float], str]


@dataclass(frozen=True)
class Activation:
    name: str
    symbol: str  # how the function is written, e.g. "σ(z)"
    f: Callable
    df: Callable  # f'(z), given (z, y)
    derivative: str  # f'(z) written out
    worked: Callable[[float, float, Number], str]  # f'(z) with its numbers, given (z, y, fmt)


def sigmoid(z: np.ndarray) -> np.ndarray:
    """σ(z) = 1 / (1 + e^−z), computed as e^(−ln(1 + e^−z)) so it never overflows."""
    return np.exp(-np.logaddexp(0.0, -z))


def _step(z: np.ndarray, below: float) -> np.ndarray:
    return np.where(z > 0, 1.0, below)


ACTIVATION_FUNCTIONS: dict[str, Activation] = {
    a.name: a
    for a in (
        Activation(
            "linear",
            "z",
            f=lambda z: 1.0 * z,
            df=lambda z, y: np.ones_like(z, dtype=float),
            derivative="1",
            worked=lambda z, y, fmt: "1",
        ),
        Activation(
            "sigmoid",
            "σ(z)",
            f=sigmoid,
            # σ(z)·σ(−z) rather than y·(1 − y): for large z, 1 − y rounds to 0 but σ(−z) does not.
            df=lambda z, y: y * sigmoid(-z),
            derivative="σ(z)(1 − σ(z))",
            worked=lambda z, y, fmt: f"{fmt(y)} × (1 − {fmt(y)})",
        ),
        Activation(
            "tanh",
            "tanh(z)",
            f=np.tanh,
            df=lambda z, y: 1.0 - y * y,
            derivative="1 − tanh²(z)",
            worked=lambda z, y, fmt: f"1 − {fmt(y)}²",
        ),
        Activation(
            "relu",
            "max(0, z)",
            f=lambda z: np.maximum(z, 0.0),
            df=lambda z, y: _step(z, 0.0),
            derivative="1 if z > 0, else 0",
            worked=lambda z, y, fmt: f"{'1, since z > 0' if z > 0 else '0, since z ≤ 0'}",
        ),
        Activation(
            "leaky_relu",
            "max(0.01z, z)",
            f=lambda z: np.where(z > 0, z, LEAKY_RELU_SLOPE * z),
            df=lambda z, y: _step(z, LEAKY_RELU_SLOPE),
            derivative="1 if z > 0, else 0.01",
            worked=lambda z, y, fmt: f"{'1, since z > 0' if z > 0 else '0.01, since z ≤ 0'}",
        ),
        Activation(
            "elu",
            "elu(z)",
            f=lambda z: np.where(z > 0, z, ELU_ALPHA * np.expm1(np.minimum(z, 0.0))),
            df=lambda z, y: np.where(z > 0, 1.0, ELU_ALPHA * np.exp(np.minimum(z, 0.0))),
            derivative="1 if z > 0, else e^z",
            worked=lambda z, y, fmt: "1, since z > 0" if z > 0 else f"e^{fmt(z)}",
        ),
        Activation(
            "softplus",
            "ln(1 + e^z)",
            f=lambda z: np.logaddexp(0.0, z),
            df=lambda z, y: sigmoid(z),
            derivative="σ(z) = 1 / (1 + e^−z)",
            worked=lambda z, y, fmt: f"σ({fmt(z)})",
        ),
        Activation(
            "swish",
            "z·σ(z)",
            f=lambda z: z * sigmoid(z),
            df=lambda z, y: sigmoid(z) * (1.0 + z * sigmoid(-z)),
            derivative="σ(z)(1 + z(1 − σ(z)))",
            worked=lambda z, y, fmt: f"σ({fmt(z)}) × (1 + {fmt(z)} × (1 − σ({fmt(z)})))",
        ),
        Activation(
            "sin",
            "sin(z)",
            f=np.sin,
            df=lambda z, y: np.cos(z),
            derivative="cos(z)",
            worked=lambda z, y, fmt: f"cos({fmt(z)})",
        ),
    )
}


def kinks(name: str) -> tuple[float, ...]:
    """Values of z where f' jumps; finite differences are not valid near them."""
    return (0.0,) if name in ("relu", "leaky_relu", "elu") else ()
