"""A network's data: train and test tables, made by a generator or embedded in the file."""

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from playground.model.errors import DataError
from playground.model.features import check_features, feature_columns, identity_features
from playground.model.training_settings import MAX_WHOLE
from playground.model.vocabulary import GENERATORS
from playground.translation import translate

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
            raise DataError(unknown_generator(self.name))
        if not _is_whole(self.samples) or not 1 <= self.samples <= MAX_SAMPLES:
            raise DataError(
                translate(
                    "Dataset", "samples must be a whole number from 1 to {most}, not {value!r}"
                ).format(most=f"{MAX_SAMPLES:,}", value=self.samples)
            )
        if not _is_real(self.noise) or not 0 <= self.noise <= MAX_NOISE:
            raise DataError(
                translate(
                    "Dataset",
                    "noise must be a number from 0 to {most} (0 is clean data, 0.5 is very "
                    "noisy), not {value!r}",
                ).format(most=f"{MAX_NOISE:g}", value=self.noise)
            )
        if not _is_real(self.train_fraction) or not 0 < self.train_fraction <= 1:
            raise DataError(
                translate(
                    "Dataset",
                    "train_fraction must be more than 0 and at most 1 (the share of samples "
                    "used for training), not {value!r}",
                ).format(value=self.train_fraction)
            )
        if not _is_whole(self.seed) or not 0 <= self.seed <= MAX_WHOLE:
            raise DataError(
                translate(
                    "Dataset", "seed must be a whole number from 0 to {most}, not {value!r}"
                ).format(most=f"{MAX_WHOLE:,}", value=self.seed)
            )
        labels = self.labels
        if (
            not isinstance(labels, (tuple, list))
            or len(labels) != 2
            or not all(_is_real(v) and math.isfinite(v) for v in labels)
            or labels[0] == labels[1]
        ):
            raise DataError(
                translate(
                    "Dataset",
                    "labels must be a pair of two different numbers, such as [0, 1] or [-1, 1], "
                    "not {value!r}",
                ).format(value=labels)
            )


def unknown_generator(name: object) -> str:
    """The refusal of a generator name the file format does not know."""
    return translate("Dataset", "unknown generator {name!r}; choose one of {choices}").format(
        name=name, choices=", ".join(GENERATORS)
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
    """Rows of raw inputs (`*_x`) and targets (`*_y`), float64, one row per sample.

    With `features`, the network's input neurons take the derived columns they name (see
    `playground.model.features`) instead of the raw ones; `split` gives what the network takes.
    """

    train_x: np.ndarray = field(default_factory=_empty)
    train_y: np.ndarray = field(default_factory=_empty)
    test_x: np.ndarray = field(default_factory=_empty)
    test_y: np.ndarray = field(default_factory=_empty)
    generator: GeneratorSpec | None = None
    features: tuple[str, ...] | None = None
    # The derived columns of each split, computed once: training asks for them every epoch.
    _inputs: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.features is not None:
            self.features = check_features(self.features, self.raw_width)

    @property
    def raw_width(self) -> int:
        """How many raw input columns `x` holds."""
        return int(self.train_x.shape[1])

    @property
    def input_width(self) -> int:
        """How many input neurons the data feeds: one per feature, else one per raw column."""
        return len(self.features) if self.features is not None else self.raw_width

    def split(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """The (network inputs, targets) of `train` or `test`: the derived columns with features."""
        raw_x, y = self.raw_split(name)
        return self.network_inputs(raw_x, name), y

    def raw_split(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """The (raw x, targets) arrays of `train` or `test`, as the file holds them."""
        if name == "train":
            return self.train_x, self.train_y
        if name == "test":
            return self.test_x, self.test_y
        raise ValueError(f"unknown split {name!r}")

    def network_inputs(self, raw_x: np.ndarray, cache_as: str | None = None) -> np.ndarray:
        """What the input neurons take for these raw rows (any rows, such as a plot's grid)."""
        if self.features is None:
            return raw_x
        key = (id(raw_x), self.features)
        cached = self._inputs.get(cache_as)
        if cached is not None and cached[0] == key:
            return cached[1]
        inputs = feature_columns(self.features, raw_x)
        if cache_as is not None:
            self._inputs[cache_as] = (key, inputs)
        return inputs

    def with_features(self, features: Sequence[str] | None) -> "Dataset":
        """The same rows feeding these features; the raw columns in order count as none at all."""
        if features is not None and tuple(features) == identity_features(self.raw_width):
            features = None
        return replace(self, features=None if features is None else tuple(features))

    def same_as(self, other: "Dataset") -> bool:
        return (
            self.generator == other.generator
            and self.features == other.features
            and all(
                np.array_equal(a, b)
                for a, b in zip(
                    (self.train_x, self.train_y, self.test_x, self.test_y),
                    (other.train_x, other.train_y, other.test_x, other.test_y),
                )
            )
        )


def widths_refusal(dataset: Dataset, inputs: int, outputs: int) -> str | None:
    """Why a split's input or target columns do not match a network of `inputs` input and
    `outputs` output neurons; None when every split with rows fits."""
    for split in ("train", "test"):
        x, y = dataset.split(split)
        if len(x) and (x.shape[1] != inputs or y.shape[1] != outputs):
            said = (
                translate(
                    "Trainer",
                    "the train data has {columns} input and {targets} target column(s); "
                    "the network has {inputs} input and {outputs} output neuron(s)",
                )
                if split == "train"
                else translate(
                    "Trainer",
                    "the test data has {columns} input and {targets} target column(s); "
                    "the network has {inputs} input and {outputs} output neuron(s)",
                )
            )
            return said.format(
                columns=x.shape[1], targets=y.shape[1], inputs=inputs, outputs=outputs
            )
    return None
