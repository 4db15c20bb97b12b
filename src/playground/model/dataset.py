"""A network's data: train and test tables, made by a generator or embedded in the file."""

from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class GeneratorSpec:
    """How to regenerate a data set identically: the `data` block of a file that names a generator."""

    name: str
    samples: int = 400
    noise: float = 0.0
    train_fraction: float = 0.5
    seed: int = 0
    labels: tuple[float, float] = (0.0, 1.0)


def _empty(width: int = 0) -> np.ndarray:
    return np.zeros((0, width))


@dataclass
class Dataset:
    """Rows of inputs (`*_x`) and targets (`*_y`), float64, one row per sample."""

    train_x: np.ndarray = field(default_factory=_empty)
    train_y: np.ndarray = field(default_factory=_empty)
    test_x: np.ndarray = field(default_factory=_empty)
    test_y: np.ndarray = field(default_factory=_empty)
    generator: GeneratorSpec | None = None

    def split(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """The (x, y) arrays of `train` or `test`."""
        if name == "train":
            return self.train_x, self.train_y
        if name == "test":
            return self.test_x, self.test_y
        raise ValueError(f"unknown split {name!r}")

    def same_as(self, other: "Dataset") -> bool:
        return self.generator == other.generator and all(
            np.array_equal(a, b)
            for a, b in zip(
                (self.train_x, self.train_y, self.test_x, self.test_y),
                (other.train_x, other.train_y, other.test_x, other.test_y),
            )
        )
