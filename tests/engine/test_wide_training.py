"""Training wide networks: the scaled backward the update uses, and the set measured in chunks."""

from dataclasses import replace
from itertools import pairwise

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playground.engine.blas_update import add_product
from playground.engine.compiled_network import CompiledNetwork
from playground.engine.trainer import Trainer, chunk_rows
from playground.model.dataset import GeneratorSpec
from playground.model.generators import generate
from tests.engine.random_networks import random_networks, samples
from tests.engine.test_float32_training import layered_network, train_by_hand


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.sampled_from([-0.3, 2.5, -1e-4]))
def test_a_scaled_backward_gives_every_gradient_times_the_scale(data, scale):
    network = data.draw(random_networks())
    x, t = data.draw(samples(network, count=3))
    compiled = CompiledNetwork(network)
    run = compiled.forward(x)
    plain = compiled.backward(run, t).flat
    scaled = compiled.backward(run, t, scale=scale).flat
    np.testing.assert_allclose(scaled, scale * plain, rtol=1e-13, atol=1e-300)


def matrices(network, layers):
    """The layered network's weights and biases as plain arrays, read from the network."""
    weights = [
        np.array([[network.connection(s, t).weight for t in b] for s in a])
        for a, b in pairwise(layers)
    ]
    biases = [np.array([network.neuron(t).bias for t in ids]) for ids in layers[1:]]
    return weights, biases


def test_a_wide_network_measured_in_chunks_has_the_loss_of_one_pass():
    width = 200
    network, layers = layered_network(width)
    network.data = generate(
        GeneratorSpec("spiral", samples=800, noise=0.1, train_fraction=0.9, seed=5)
    )
    trainer = Trainer(network)
    # 720 training rows in chunks of at least the width: 200, 200, 200 and 120.
    assert width <= chunk_rows(width) < len(network.data.train_x)
    weights, biases = matrices(network, layers)
    for split in ("train", "test"):
        x, t = network.data.split(split)
        a = x
        for w, b in zip(weights, biases):
            a = np.tanh(a @ w + b)
        loss = float((0.5 * (a - t) ** 2).sum(axis=1).mean())
        labels = np.unique(np.concatenate([network.data.train_y, network.data.test_y]))
        middle = (labels[0] + labels[1]) / 2
        right = float((np.where(a > middle, labels[1], labels[0]) == t).mean())
        assert trainer.loss(split) == pytest.approx(loss, rel=1e-12)
        assert trainer.accuracy(split) == right


def test_a_wide_network_trains_as_the_hand_written_loop():
    network, layers = layered_network(300)
    trainer = Trainer(network)
    assert trainer._stepped == {2}  # 300 × 300 weights take their step inside the product
    trainer.run(until_epoch=2)
    assert trainer.history.train_loss == pytest.approx(
        train_by_hand(network, layers, np.float64, 2), rel=1e-12
    )


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_the_step_inside_the_product_is_the_step_after_it_and_leaves_fixed_biases(
    dtype, monkeypatch
):
    network, _ = layered_network(300)
    network.training = replace(network.training, update_biases=False)
    inside = Trainer(network, dtype=dtype)
    monkeypatch.setattr("playground.engine.trainer.STEP_IN_PRODUCT_FROM", 10**9)
    after = Trainer(network, dtype=dtype)
    assert inside._stepped == {2} and after._stepped == set()
    for trainer in (inside, after):
        trainer.run(until_epoch=2)
    tolerance = 1e-12 if dtype is np.float64 else 1e-5
    np.testing.assert_allclose(
        inside.compiled.parameters, after.compiled.parameters, rtol=tolerance, atol=tolerance
    )
    biases = {n.id: n.bias for n in network.neurons[2:]}
    # Unmoved: exactly in float64; in float32, to its rounding of the network's values.
    assert inside.compiled.biases_by_id() == pytest.approx(biases, rel=tolerance / 10, abs=0)


def test_two_trainers_taking_turns_train_as_each_alone():
    first, second = layered_network(8, seed=3)[0], layered_network(64, seed=4)[0]
    alone = []
    for network in (first, second):
        trainer = Trainer(network)
        trainer.run(until_epoch=3)
        alone.append(trainer)
    turns = [Trainer(first), Trainer(second)]
    while any(trainer.epoch < 3 for trainer in turns):
        for trainer in turns:
            if trainer.epoch < 3:
                trainer.run(max_batches=1)
                trainer.loss("test")  # a measurement between the other's steps
    for together, by_itself in zip(turns, alone):
        assert together.history == by_itself.history
        assert np.array_equal(together.compiled.parameters, by_itself.compiled.parameters)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_add_product_adds_a_transposed_product_for_every_layout(dtype):
    rng = np.random.default_rng(1)
    wide = rng.normal(size=(32, 90)).astype(dtype)
    cases = [
        (wide[:, :40], rng.normal(size=(32, 50))),  # a view of columns, as the buffer gives
        (wide[:, 10:50].copy(), rng.normal(size=(32, 50))),  # a whole array
        (np.asfortranarray(wide[:, :40]), rng.normal(size=(32, 50))),  # columns contiguous
    ]
    for a, b in cases:
        b = b.astype(dtype)
        weights = rng.normal(size=(90, 50)).astype(dtype)
        c = weights[20:60]  # rows of a bigger matrix, as a read's rows of a level's weights
        expected = c.astype(np.float64) + a.T.astype(np.float64) @ b.astype(np.float64)
        add_product(c, a, b)
        tolerance = 1e-12 if dtype is np.float64 else 1e-5
        np.testing.assert_allclose(weights[20:60], expected, rtol=tolerance, atol=tolerance)
        assert c.dtype == dtype
