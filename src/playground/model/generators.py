"""Seeded toy data sets, after TensorFlow Playground's dataset.ts, plus a 1-D sine.

Coordinates use TensorFlow Playground's scale, not a unit square: the 2-D
generators place points in roughly [-6, 6] × [-6, 6] (circle within radius 5,
xor and spiral within ±5.3, gauss around (±2, ±2), plane and multi_gauss in
[-6, 6]); `sine` draws x in [-π, π]. Classifiers give the first of
`spec.labels` to TF Playground's negative class and the second to its positive
one. plane and multi_gauss targets lie in [-1, 1], so a tanh output can reach them.

`noise` is TF Playground's slider as a fraction (its 0–50 % is 0–0.5 here):
circle and xor judge each point's class at a position nudged by up to
noise × 5 in each coordinate, so points near the border can carry the other
label; gauss widens the blobs; spiral moves the points themselves; plane and
multi_gauss evaluate the target at a nudged position; sine adds up to ±noise
to sin(x).

Every random draw comes from `numpy.random.default_rng(spec.seed)` in a fixed
order, so one spec always gives the same arrays.
"""

import math
from collections.abc import Callable

import numpy as np

from playground.model.dataset import Dataset, GeneratorSpec, unknown_generator
from playground.model.errors import DataError
from playground.model.vocabulary import GENERATORS
from playground.translation import translate

Points = tuple[np.ndarray, np.ndarray]  # (x of shape (n, inputs), y of shape (n,))


def generator_shape(name: str) -> tuple[int, int]:
    """(inputs, outputs) of the rows a generator makes, so a network's width can be checked."""
    _check_name(name)
    return (1, 1) if name == "sine" else (2, 1)


def generate(spec: GeneratorSpec) -> Dataset:
    """The train and test rows `spec` describes: generated, shuffled, then split.

    The spec checked its own ranges when it was made; labels so large that the points or
    targets overflow are refused here."""
    rng = np.random.default_rng(spec.seed)
    negative, positive = (float(label) for label in spec.labels)
    x, y = _MAKERS[spec.name](rng, spec.samples, float(spec.noise), negative, positive)
    order = rng.permutation(spec.samples)
    x = np.asarray(x, dtype=np.float64)[order]
    y = np.asarray(y, dtype=np.float64)[order].reshape(-1, 1)
    if not (np.isfinite(x).all() and np.isfinite(y).all()):
        raise DataError(
            translate(
                "Generators",
                "{name} made numbers too large to compute with from these settings "
                "(labels {low} and {high}, noise {noise})",
            ).format(
                name=spec.name,
                low=f"{spec.labels[0]:g}",
                high=f"{spec.labels[1]:g}",
                noise=f"{spec.noise:g}",
            )
        )
    n_train = round(spec.samples * spec.train_fraction)
    return Dataset(
        train_x=x[:n_train],
        train_y=y[:n_train],
        test_x=x[n_train:],
        test_y=y[n_train:],
        generator=spec,
    )


# ----------------------------------------------------------------- validation


def _check_name(name: object) -> None:
    if name not in GENERATORS:
        raise DataError(unknown_generator(name))


# ----------------------------------------------------------------- helpers


def _class_sizes(samples: int) -> tuple[int, int]:
    """(positive, negative) counts: half each, the odd one out positive."""
    return samples - samples // 2, samples // 2


def _uniform_in_ring(rng: np.random.Generator, n: int, r_low: float, r_high: float) -> np.ndarray:
    # Radius uniform, not area uniform, as TF Playground draws it.
    r = rng.uniform(r_low, r_high, n)
    angle = rng.uniform(0.0, 2 * math.pi, n)
    return np.column_stack([r * np.sin(angle), r * np.cos(angle)])


def _pick(is_positive: np.ndarray, negative: float, positive: float) -> np.ndarray:
    return np.where(is_positive, positive, negative)


# ----------------------------------------------------------------- classifiers


def _circle(rng: np.random.Generator, samples: int, noise: float, neg: float, pos: float) -> Points:
    """Positives within radius 2.5 of the origin, negatives in the ring from 3.5 to 5."""
    radius = 5.0
    n_pos, n_neg = _class_sizes(samples)
    x = np.concatenate(
        [
            _uniform_in_ring(rng, n_pos, 0.0, radius * 0.5),
            _uniform_in_ring(rng, n_neg, radius * 0.7, radius),
        ]
    )
    judged_at = x + rng.uniform(-radius, radius, x.shape) * noise
    return x, _pick(np.hypot(judged_at[:, 0], judged_at[:, 1]) < radius * 0.5, neg, pos)


def _xor(rng: np.random.Generator, samples: int, noise: float, neg: float, pos: float) -> Points:
    """Positive where x1 · x2 ≥ 0 (first and third quadrants), kept 0.3 away from the axes."""
    x = rng.uniform(-5.0, 5.0, (samples, 2))
    x += np.where(x > 0, 0.3, -0.3)
    judged_at = x + rng.uniform(-5.0, 5.0, x.shape) * noise
    return x, _pick(judged_at[:, 0] * judged_at[:, 1] >= 0, neg, pos)


def _gauss(rng: np.random.Generator, samples: int, noise: float, neg: float, pos: float) -> Points:
    """Two Gaussian blobs, positives around (2, 2), negatives around (-2, -2)."""
    # TF Playground maps noise 0 → variance 0.5 and noise 0.5 → variance 4, linearly.
    std = math.sqrt(0.5 + 7.0 * noise)
    n_pos, n_neg = _class_sizes(samples)
    x = np.concatenate(
        [
            rng.normal(2.0, std, (n_pos, 2)),
            rng.normal(-2.0, std, (n_neg, 2)),
        ]
    )
    return x, np.concatenate([np.full(n_pos, pos), np.full(n_neg, neg)])


def _spiral_arm(rng: np.random.Generator, n: int, turn: float, noise: float) -> np.ndarray:
    i = np.arange(n)
    r = i / n * 5.0
    t = 1.75 * i / n * 2 * math.pi + turn
    arm = np.column_stack([r * np.sin(t), r * np.cos(t)])
    return arm + rng.uniform(-1.0, 1.0, arm.shape) * noise


def _spiral(rng: np.random.Generator, samples: int, noise: float, neg: float, pos: float) -> Points:
    """Two interleaved spiral arms, the negative one turned by half a revolution."""
    n_pos, n_neg = _class_sizes(samples)
    x = np.concatenate(
        [
            _spiral_arm(rng, n_pos, 0.0, noise),
            _spiral_arm(rng, n_neg, math.pi, noise),
        ]
    )
    return x, np.concatenate([np.full(n_pos, pos), np.full(n_neg, neg)])


# ----------------------------------------------------------------- regression

# (centre x, centre y, sign) of multi_gauss's six bumps, as in TF Playground.
_BUMPS = ((-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1))


def _square_with_nudge(rng: np.random.Generator, samples: int, noise: float) -> Points:
    radius = 6.0
    x = rng.uniform(-radius, radius, (samples, 2))
    return x, x + rng.uniform(-radius, radius, x.shape) * noise


def _plane(rng: np.random.Generator, samples: int, noise: float, neg: float, pos: float) -> Points:
    """Target (x1 + x2) / 10, clipped to [-1, 1] (the corners would reach ±1.2)."""
    x, judged_at = _square_with_nudge(rng, samples, noise)
    return x, np.clip(judged_at.sum(axis=1) / 10.0, -1.0, 1.0)


def _multi_gauss(
    rng: np.random.Generator, samples: int, noise: float, neg: float, pos: float
) -> Points:
    """Six bumps of height ±1 falling linearly to 0 at distance 2; the strongest one wins."""
    x, judged_at = _square_with_nudge(rng, samples, noise)
    target = np.zeros(samples)
    for cx, cy, sign in _BUMPS:
        distance = np.hypot(judged_at[:, 0] - cx, judged_at[:, 1] - cy)
        bump = sign * np.clip(1.0 - distance / 2.0, 0.0, 1.0)
        # Strictly greater keeps the earlier bump on ties, as TF Playground does.
        target = np.where(np.abs(bump) > np.abs(target), bump, target)
    return x, target


def _sine(rng: np.random.Generator, samples: int, noise: float, neg: float, pos: float) -> Points:
    """Target sin(x) for x in [-π, π], plus up to ±noise."""
    x = rng.uniform(-math.pi, math.pi, (samples, 1))
    return x, np.sin(x[:, 0]) + rng.uniform(-1.0, 1.0, samples) * noise


_MAKERS: dict[str, Callable[[np.random.Generator, int, float, float, float], Points]] = {
    "circle": _circle,
    "xor": _xor,
    "gauss": _gauss,
    "spiral": _spiral,
    "plane": _plane,
    "multi_gauss": _multi_gauss,
    "sine": _sine,
}
