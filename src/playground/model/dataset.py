"""A network's data: train and test tables, made by a generator or embedded in the file."""

import math
from dataclasses import dataclass, field

import numpy as np

from playground.model.errors import DataError
from playground.model.training_settings import MAX_WHOLE
from playground.model.vocabulary import GENERATORS

# A file may ask for this many samples at most; past it the app would stall for no teaching gain.
MAX_SAMPLES = 1_000_000
# TF Playground's noise goes to 0.5; twice as far still shows a pattern, further only noise.
MAX_NOISE = 1.0


@dataclass(frozen=True)
class GeneratorSpec:
    """How to regenerate a data set identically: the `data` block of a file that names a generator.

    Making one with a setting out of range raises DataError, so a file, the data dock and the
    command line share these rules."""

    name: str
    samples: int = 400
    noise: float = 0.0
    train_fraction: float = 0.5
    seed: int = 0
    labels: tuple[float, float] = (0.0, 1.0)

    def __post_init__(self) -> None:
        if self.name not in GENERATORS:
            raise DataError(
                f"unknown generator {self.name!r}; choose one of {', '.join(GENERATORS)}"
            )
        if not _is_whole(self.samples) or not 1 <= self.samples <= MAX_SAMPLES:
            raise DataError(
                f"samples must be a whole number from 1 to {MAX_SAMPLES:,}, not {self.samples!r}"
            )
        if not _is_real(self.noise) or not 0 <= self.noise <= MAX_NOISE:
            raise DataError(
                f"noise must be a number from 0 to {MAX_NOISE:g} (0 is clean data, 0.5 is very "
                f"noisy), not {self.noise!r}"
            )
        if not _is_real(self.train_fraction) or not 0 < self.train_fraction <= 1:
            raise DataError(
                f"train_fraction must be more than 0 and at most 1 (the share of samples used for "
                f"training), not {self.train_fraction!r}"
            )
        if not _is_whole(self.seed) or not 0 <= self.seed <= MAX_WHOLE:
            raise DataError(
                f"seed must be a whole number from 0 to {MAX_WHOLE:,}, not {self.seed!r}"
            )
        labels = self.labels
        if (
            not isinstance(labels, (tuple, list))
            or len(labels) != 2
            or not all(_is_real(v) and math.isfinite(v) for v in labels)
            or labels[0] == labels[1]
        ):
            raise DataError(
                f"labels must be a pair of two different numbers, such as [0, 1] or [-1, 1], "
                f"not {labels!r}"
            )


def _is_whole(value: object) -> bool:
    return not isinstance(value, bool) and isinstance(value, (int, np.integer))


def _is_real(value: object) -> bool:
    return (
        not isinstance(value, bool)
        and isinstance(value, (int, float, np.integer, np.floating))
        and math.isfinite(value)
    )


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
