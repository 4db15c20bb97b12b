"""The activation functions of the file format, each f beside its derivative f', each written out.

`df` takes both z and y = f(z): several derivatives are cheapest written in y
(tanh: 1 − y²), others need z (relu: 1 if z > 0). Every function works on numpy
arrays and on plain floats; on arrays, f and f' return new ones (the compiled backward
multiplies into f' in place). Each activation also says how it is written, as
templates of `engine.written` ({z} is z, {(z)} z in parentheses when it is a
negative number): f, f with z's number in, f' and f' with its numbers in. An
activation with a kink says so in `piecewise`, with f' written on each side,
so no renderer has to guess which piece z fell in.
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from playground.engine.formatting import format_number
from playground.engine.written import plain_form
from playground.translation import QT_TRANSLATE_NOOP, translate

LEAKY_RELU_SLOPE = 0.01
ELU_ALPHA = 1.0

# f' of a piecewise activation in words; {z} stays a template variable of `engine.written`.
PIECEWISE_WORDS = QT_TRANSLATE_NOOP("Piecewise", "{above} if {z} > {kink}, else {below}")


@dataclass(frozen=True)
class Piecewise:
    """f' of an activation with a kink: one written form for z above the kink, one at or below it."""

    kink: float
    above: str
    at_or_below: str

    def is_above(self, z: float) -> bool:
        return z > self.kink

    def piece(self, z: float) -> str:
        """f' written for the side of the kink where z is."""
        return self.above if self.is_above(z) else self.at_or_below

    def written(self) -> str:
        """f' on both sides, in the current language (looked up when written, not at import)."""
        words = translate("Piecewise", PIECEWISE_WORDS)
        return words.format(
            above=self.above, z="{z}", kink=format_number(self.kink), below=self.at_or_below
        )


@dataclass(frozen=True)
class Activation:
    name: str
    f_written: str  # f(z) written, e.g. "σ({z})"
    f: Callable
    df: Callable  # f'(z), given (z, y)
    df_written: str = ""  # f'(z) written out; a piecewise f' writes its own
    df_worked: str = ""  # f'(z) with its numbers in (z and y); empty for a piecewise f'
    f_worked: str = ""  # f(z) with z's number in, where it differs from `f_written`
    piecewise: Piecewise | None = None

    def __post_init__(self) -> None:
        if self.piecewise is not None:
            object.__setattr__(self, "df_written", self.piecewise.written())
        if not self.f_worked:
            object.__setattr__(self, "f_worked", self.f_written)

    @property
    def symbol(self) -> str:
        """How the function is written, e.g. "σ(z)"."""
        return plain_form(self.f_written)

    def df_form(self) -> str:
        """f'(z)'s written form now: a piecewise f' words its sides in the current language."""
        return self.piecewise.written() if self.piecewise is not None else self.df_written

    @property
    def derivative(self) -> str:
        """f'(z) written out, e.g. "σ(z)(1 − σ(z))"."""
        return plain_form(self.df_form())


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
            "{z}",
            f=lambda z: 1.0 * z,
            df=lambda z, y: np.ones_like(z, dtype=float),
            df_written="1",
            df_worked="1",
        ),
        Activation(
            "sigmoid",
            "σ({z})",
            f=sigmoid,
            # σ(z)·σ(−z) rather than y·(1 − y): for large z, 1 − y rounds to 0 but σ(−z) does not.
            df=lambda z, y: y * sigmoid(-z),
            df_written="σ({z})(1 − σ({z}))",
            df_worked="{(y)} × (1 − {(y)})",
        ),
        Activation(
            "tanh",
            "tanh({z})",
            f=np.tanh,
            df=lambda z, y: 1.0 - y * y,
            df_written="1 − tanh²({z})",
            df_worked="1 − {(y)}²",
        ),
        Activation(
            "relu",
            "max(0, {z})",
            f=lambda z: np.maximum(z, 0.0),
            df=lambda z, y: _step(z, 0.0),
            piecewise=Piecewise(0.0, "1", "0"),
        ),
        Activation(
            "leaky_relu",
            "max(0.01{z}, {z})",
            f_worked="max(0.01 × {(z)}, {z})",
            f=lambda z: np.where(z > 0, z, LEAKY_RELU_SLOPE * z),
            df=lambda z, y: _step(z, LEAKY_RELU_SLOPE),
            piecewise=Piecewise(0.0, "1", "0.01"),
        ),
        Activation(
            "elu",
            "elu({z})",
            f=lambda z: np.where(z > 0, z, ELU_ALPHA * np.expm1(np.minimum(z, 0.0))),
            df=lambda z, y: np.where(z > 0, 1.0, ELU_ALPHA * np.exp(np.minimum(z, 0.0))),
            piecewise=Piecewise(0.0, "1", "e^{(z)}"),
        ),
        Activation(
            "softplus",
            "ln(1 + e^{z})",
            f_worked="ln(1 + e^{(z)})",
            f=lambda z: np.logaddexp(0.0, z),
            df=lambda z, y: sigmoid(z),
            df_written="σ({z}) = 1 / (1 + e^−{z})",
            df_worked="σ({z})",
        ),
        Activation(
            "swish",
            "{z}·σ({z})",
            f_worked="{(z)} · σ({z})",
            f=lambda z: z * sigmoid(z),
            df=lambda z, y: sigmoid(z) * (1.0 + z * sigmoid(-z)),
            df_written="σ({z})(1 + {z}(1 − σ({z})))",
            df_worked="σ({z}) × (1 + {(z)} × (1 − σ({z})))",
        ),
        Activation(
            "sin",
            "sin({z})",
            f=np.sin,
            df=lambda z, y: np.cos(z),
            df_written="cos({z})",
            df_worked="cos({z})",
        ),
    )
}


def kinks(name: str) -> tuple[float, ...]:
    """Values of z where f' jumps; finite differences are not valid near them."""
    piecewise = ACTIVATION_FUNCTIONS[name].piecewise
    return () if piecewise is None else (piecewise.kink,)


# The values each activation can take, (lowest, highest); ±inf where the values are unbounded.
# Swish's minimum is z·σ(z) at z ≈ −1.2785.
OUTPUT_RANGES: dict[str, tuple[float, float]] = {
    "linear": (-np.inf, np.inf),
    "sigmoid": (0.0, 1.0),
    "tanh": (-1.0, 1.0),
    "relu": (0.0, np.inf),
    "leaky_relu": (-np.inf, np.inf),
    "elu": (-ELU_ALPHA, np.inf),
    "softplus": (0.0, np.inf),
    "swish": (-0.2784645427610738, np.inf),
    "sin": (-1.0, 1.0),
}


def output_range(name: str) -> tuple[float, float]:
    """The range of an activation's values, (lowest, highest), with ±inf for an unbounded end."""
    return OUTPUT_RANGES[name]
