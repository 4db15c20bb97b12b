"""The toy data generators: reproducible, the right shapes, and the geometry each one promises."""

import math

import numpy as np
import pytest

from playground.model.dataset import GeneratorSpec
from playground.model.errors import DataError
from playground.model.generators import generate, generator_shape
from playground.model.vocabulary import CLASSIFICATION_GENERATORS, GENERATORS

ALL_ROWS = 1.0  # train_fraction that puts every sample in train


def rows(spec: GeneratorSpec) -> tuple[np.ndarray, np.ndarray]:
    """All samples of a spec, train then test, with y flattened."""
    data = generate(spec)
    return np.vstack([data.train_x, data.test_x]), np.concatenate(
        [data.train_y.ravel(), data.test_y.ravel()]
    )


# ----------------------------------------------------------------- every generator


@pytest.mark.parametrize("name", GENERATORS)
def test_same_spec_gives_identical_data_and_another_seed_does_not(name):
    spec = GeneratorSpec(name, samples=60, noise=0.2, seed=4)
    first, again = generate(spec), generate(spec)
    other = generate(GeneratorSpec(name, samples=60, noise=0.2, seed=5))
    assert first.same_as(again)
    assert not np.array_equal(first.train_x, other.train_x)


@pytest.mark.parametrize(
    "name, inputs",
    [
        ("circle", 2),
        ("xor", 2),
        ("gauss", 2),
        ("spiral", 2),
        ("plane", 2),
        ("multi_gauss", 2),
        ("sine", 1),
    ],
)
def test_shapes_and_split_sizes(name, inputs):
    # round(101 × 0.3) = round(30.3) = 30 train rows, the other 71 test.
    data = generate(GeneratorSpec(name, samples=101, train_fraction=0.3, seed=2))
    assert data.train_x.shape == (30, inputs) and data.train_y.shape == (30, 1)
    assert data.test_x.shape == (71, inputs) and data.test_y.shape == (71, 1)
    assert all(
        a.dtype == np.float64 for a in (data.train_x, data.train_y, data.test_x, data.test_y)
    )
    assert generator_shape(name) == (inputs, 1)
    assert data.generator == GeneratorSpec(name, samples=101, train_fraction=0.3, seed=2)


def test_train_fraction_one_leaves_an_empty_test_split_of_the_right_width():
    data = generate(GeneratorSpec("xor", samples=10, train_fraction=1.0))
    assert data.train_x.shape == (10, 2)
    assert data.test_x.shape == (0, 2) and data.test_y.shape == (0, 1)


def test_split_is_shuffled_rather_than_the_generation_order():
    # Generation makes all positives first; a split of the unshuffled rows would be one class.
    data = generate(GeneratorSpec("gauss", samples=200, train_fraction=0.5, seed=0))
    assert set(np.unique(data.train_y)) == {0.0, 1.0}


@pytest.mark.parametrize("name", CLASSIFICATION_GENERATORS)
@pytest.mark.parametrize("labels", [(0.0, 1.0), (-1, 1), [3.5, -2.0]])
def test_classifier_labels_are_exactly_the_two_given_values(name, labels):
    _, y = rows(GeneratorSpec(name, samples=300, noise=0.1, train_fraction=ALL_ROWS, labels=labels))
    assert set(y.tolist()) == {float(labels[0]), float(labels[1])}


@pytest.mark.parametrize("name", ["gauss", "spiral", "circle"])
def test_classes_are_split_evenly_with_the_odd_sample_positive(name):
    _, y = rows(GeneratorSpec(name, samples=201, train_fraction=ALL_ROWS, labels=(-1, 1)))
    assert (y == 1).sum() == 101 and (y == -1).sum() == 100


def test_xor_classes_are_roughly_even():
    _, y = rows(GeneratorSpec("xor", samples=400, train_fraction=ALL_ROWS, seed=8))
    # Binomial(400, 1/2) has standard deviation 10; 50 is five of them.
    assert 150 <= (y == 1).sum() <= 250


# ----------------------------------------------------------------- geometry at noise 0


def test_circle_without_noise_is_labelled_by_radius():
    x, y = rows(GeneratorSpec("circle", samples=500, train_fraction=ALL_ROWS, seed=1))
    radius = np.array([math.hypot(a, b) for a, b in x])
    assert np.all(y[radius < 2.5] == 1.0)
    assert np.all(y[radius >= 2.5] == 0.0)
    # Inner disc up to 2.5, outer ring from 3.5 to 5, nothing in between.
    assert not np.any((radius > 2.5) & (radius < 3.5))
    assert radius.max() <= 5.0
    assert (radius < 2.5).sum() == 250


def test_circle_noise_mislabels_only_points_within_reach_of_the_border():
    x, y = rows(GeneratorSpec("circle", samples=500, noise=0.1, train_fraction=ALL_ROWS, seed=1))
    radius = np.hypot(x[:, 0], x[:, 1])
    # Noise 0.1 judges each point up to 0.5 away per coordinate, at most 0.5·√2 ≈ 0.71 in all:
    # far inside stays positive; the outer ring, 3.5 and more out, cannot reach 2.5.
    reach = 0.5 * math.sqrt(2)
    assert np.all(y[radius < 2.5 - reach] == 1.0)
    assert np.all(y[radius >= 3.5] == 0.0)
    assert np.any(y[radius < 2.5] == 0.0)


def test_xor_without_noise_follows_the_sign_of_the_product():
    x, y = rows(GeneratorSpec("xor", samples=400, train_fraction=ALL_ROWS, labels=(-1, 1)))
    expected = [1.0 if a * b >= 0 else -1.0 for a, b in x]
    assert y.tolist() == expected
    # Points keep 0.3 away from both axes and stay within 5 + 0.3.
    assert np.all(np.abs(x) >= 0.3) and np.all(np.abs(x) <= 5.3)


def test_xor_noise_mislabels_some_points():
    x, y = rows(GeneratorSpec("xor", samples=400, noise=0.5, train_fraction=ALL_ROWS))
    by_rule = np.where(x[:, 0] * x[:, 1] >= 0, 1.0, 0.0)
    assert 0 < (by_rule != y).sum() < 200


def test_gauss_blobs_sit_at_plus_and_minus_two_with_the_playground_variance():
    x, y = rows(GeneratorSpec("gauss", samples=4000, train_fraction=ALL_ROWS, seed=3))
    positives, negatives = x[y == 1.0], x[y == 0.0]
    # Variance 0.5 at noise 0: the mean of 2000 draws is within 0.05 of the centre nearly always.
    assert np.allclose(positives.mean(axis=0), [2.0, 2.0], atol=0.05)
    assert np.allclose(negatives.mean(axis=0), [-2.0, -2.0], atol=0.05)
    assert np.allclose(positives.var(axis=0), 0.5, atol=0.05)
    noisy_x, noisy_y = rows(
        GeneratorSpec("gauss", samples=4000, noise=0.5, train_fraction=ALL_ROWS, seed=3)
    )
    # noise 0.5 is variance 4, TF Playground's widest blob.
    assert np.allclose(noisy_x[noisy_y == 1.0].var(axis=0), 4.0, atol=0.4)


def test_spiral_arms_without_noise():
    n = 50
    x, y = rows(GeneratorSpec("spiral", samples=2 * n, train_fraction=ALL_ROWS, labels=(-1, 1)))
    positives, negatives = x[y == 1.0], x[y == -1.0]
    order = np.argsort(np.hypot(positives[:, 0], positives[:, 1]))
    positives = positives[order]
    # Point i of the positive arm: radius 5i/n at angle 1.75 · 2π · i/n (sin for x, cos for y).
    for i, (a, b) in enumerate(positives):
        r, t = 5 * i / n, 1.75 * i / n * 2 * math.pi
        assert a == pytest.approx(r * math.sin(t), abs=1e-12)
        assert b == pytest.approx(r * math.cos(t), abs=1e-12)
    # The negative arm is the positive one turned by half a revolution: each point negated.
    negatives = negatives[np.argsort(np.hypot(negatives[:, 0], negatives[:, 1]))]
    assert np.allclose(negatives, -positives, atol=1e-12)


def test_spiral_noise_moves_each_point_by_at_most_noise_per_coordinate():
    clean, clean_y = rows(GeneratorSpec("spiral", samples=100, train_fraction=ALL_ROWS, seed=6))
    noisy, noisy_y = rows(
        GeneratorSpec("spiral", samples=100, noise=0.3, train_fraction=ALL_ROWS, seed=6)
    )
    # The noise is drawn at every level (times 0 when clean), so one seed shuffles both alike.
    assert np.array_equal(clean_y, noisy_y)
    shift = np.abs(noisy - clean)
    assert np.all(shift <= 0.3 + 1e-12) and shift.max() > 0.25


def test_plane_without_noise_is_the_scaled_sum_of_the_inputs():
    x, y = rows(GeneratorSpec("plane", samples=300, train_fraction=ALL_ROWS, seed=9))
    expected = [max(-1.0, min(1.0, (a + b) / 10)) for a, b in x]
    assert y == pytest.approx(expected, abs=1e-15)
    assert np.all(np.abs(x) <= 6.0)


def test_multi_gauss_without_noise_rises_to_one_at_each_bump():
    x, y = rows(GeneratorSpec("multi_gauss", samples=2000, train_fraction=ALL_ROWS, seed=2))
    bumps = [(-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1)]
    assert np.all(np.abs(y) <= 1.0)
    for (a, b), target in zip(x, y):
        near = [
            (math.hypot(a - cx, b - cy), sign)
            for cx, cy, sign in bumps
            if math.hypot(a - cx, b - cy) < 2
        ]
        # Bump centres are at least 4 apart, so a point is within 2 of at most one of them.
        assert len(near) <= 1
        if near:
            distance, sign = near[0]
            assert target == pytest.approx(sign * (1 - distance / 2), abs=1e-12)
        else:
            assert target == 0.0


def test_sine_without_noise_is_sin_x_and_with_noise_stays_within_noise():
    x, y = rows(GeneratorSpec("sine", samples=200, train_fraction=ALL_ROWS, seed=5))
    assert np.all(np.abs(x) <= math.pi)
    assert y == pytest.approx([math.sin(v) for v in x[:, 0]], abs=1e-15)
    x, y = rows(GeneratorSpec("sine", samples=200, noise=0.2, train_fraction=ALL_ROWS, seed=5))
    error = y - np.array([math.sin(v) for v in x[:, 0]])
    assert np.all(np.abs(error) <= 0.2) and np.abs(error).max() > 0.15


# ----------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    "arguments, words",
    [
        (
            ("moons", {}),
            ["'moons'", "circle", "xor", "gauss", "spiral", "plane", "multi_gauss", "sine"],
        ),
        (("xor", {"samples": 0}), ["samples", "from 1", "not 0"]),
        (("xor", {"samples": 10**9}), ["samples", "1,000,000"]),
        (("xor", {"samples": 2.5}), ["samples", "whole number"]),
        (("xor", {"noise": -0.1}), ["noise", "-0.1"]),
        (("xor", {"noise": float("nan")}), ["noise"]),
        (("xor", {"train_fraction": 0.0}), ["train_fraction", "more than 0"]),
        (("xor", {"train_fraction": 1.5}), ["train_fraction", "at most 1"]),
        (("xor", {"labels": (1, 1)}), ["labels", "two different numbers", "[-1, 1]"]),
        (("xor", {"labels": (0,)}), ["labels", "pair"]),
        (("xor", {"labels": ("no", 1)}), ["labels"]),
        (("xor", {"labels": (True, False)}), ["labels"]),
        (("xor", {"seed": -1}), ["seed", "-1"]),
        (("xor", {"seed": 2**31}), ["seed", "2,147,483,647"]),
        (("xor", {"noise": 1e308}), ["noise", "from 0 to 1"]),
    ],
)
def test_bad_specs_are_refused_with_a_readable_message(arguments, words):
    name, settings = arguments
    # The spec refuses itself: a file, the data dock and the command line share its rules.
    with pytest.raises(DataError) as refused:
        GeneratorSpec(name, **settings)
    for word in words:
        assert word in str(refused.value)


def test_generator_shape_of_an_unknown_name_lists_the_choices():
    with pytest.raises(DataError, match="choose one of circle, xor"):
        generator_shape("moons")
