"""Training in float32: the same losses as float64 to float32's precision, float64 everywhere else."""

import math
from itertools import pairwise

import numpy as np
import pytest

from playground.engine.activations import ACTIVATION_FUNCTIONS
from playground.engine.compiled_network import CompiledNetwork
from playground.engine.trainer import Trainer, training_dtype
from playground.model import layout
from playground.model.dataset import Dataset, GeneratorSpec
from playground.model.examples import example_path
from playground.model.generators import generate
from playground.model.initialisation import initialise_network
from playground.model.network import Network
from playground.model.network_file import load_network
from playground.model.neuron import Neuron
from playground.model.training_settings import TrainingSettings

EPOCHS = 5
# float32 carries about 7 significant digits; a few epochs of SGD keep the losses to ~1e-6.
FLOAT32_RELATIVE = 1e-4


def layered_network(width: int, seed: int = 3) -> tuple[Network, list[list[str]]]:
    """2-W-W-1 tanh, squared error, seeded weights and biases, on spiral data."""
    network = layout.layered_network([2, width, width, 1], "tanh", "tanh")
    network.training = TrainingSettings(learning_rate=0.05, batch_size=16, seed=seed)
    network.data = generate(
        GeneratorSpec("spiral", samples=200, noise=0.1, train_fraction=0.75, seed=seed)
    )
    hidden = [n.id for n in network.neurons if n.role == "hidden"]
    layers = [network.input_ids(), hidden[:width], hidden[width:], network.output_ids()]
    initialise_network(network, "fan_in", seed)
    rng = np.random.default_rng(seed)
    for ids in layers[1:]:
        for neuron_id in ids:
            network.set_bias(neuron_id, float(rng.normal(0.0, 0.1)))
    return network, layers


def train_by_hand(network: Network, layers: list[list[str]], dtype, epochs: int) -> list[float]:
    """The same SGD as a plain numpy loop in `dtype`: the train loss after each epoch."""
    W = [
        np.array([[network.connection(s, t).weight for t in b] for s in a], dtype=dtype)
        for a, b in pairwise(layers)
    ]
    B = [np.array([network.neuron(t).bias for t in ids], dtype=dtype) for ids in layers[1:]]
    x, t = network.data.train_x.astype(dtype), network.data.train_y.astype(dtype)
    rate, size = network.training.learning_rate, network.training.batch_size
    rng = np.random.default_rng(network.training.seed)

    def forward(a: np.ndarray) -> list[np.ndarray]:
        ys = [a]
        for w, b in zip(W, B):
            ys.append(np.tanh(ys[-1] @ w + b))
        return ys

    losses = []
    for _ in range(epochs):
        order = rng.permutation(len(x))
        xs, ts = x[order], t[order]
        for first in range(0, len(x), size):
            ys = forward(xs[first : first + size])
            dL_dz = (ys[-1] - ts[first : first + size]) * (1 - ys[-1] ** 2) / len(ys[0])
            for k in range(len(W) - 1, -1, -1):
                dW, db = ys[k].T @ dL_dz, dL_dz.sum(axis=0)
                if k:
                    dL_dz = (dL_dz @ W[k].T) * (1 - ys[k] ** 2)
                W[k] -= dtype(rate) * dW
                B[k] -= dtype(rate) * db
        out = forward(x)[-1].astype(np.float64)
        losses.append(float((0.5 * (out - network.data.train_y) ** 2).sum(axis=1).mean()))
    return losses


def train_losses(network: Network, dtype, epochs: int = EPOCHS) -> list[float]:
    trainer = Trainer(network, dtype=dtype)
    trainer.run(until_epoch=epochs)
    assert trainer.divergence is None
    return trainer.history.train_loss


def test_the_switch_means_float32_and_its_absence_float64():
    assert training_dtype(True) is np.float32
    assert training_dtype(False) is np.float64
    network, _ = layered_network(4)
    assert Trainer(network).compiled.dtype == np.float64  # the default is unchanged


@pytest.mark.parametrize("name", ["xor", "spiral"])
def test_examples_reach_the_float64_losses_to_float32_precision(name):
    network = load_network(example_path(name))
    float64 = train_losses(network, np.float64)
    float32 = train_losses(network, np.float32)
    assert float32 == pytest.approx(float64, rel=FLOAT32_RELATIVE)
    assert float32 != float64  # it did compute in float32, not float64 under another name


@pytest.mark.parametrize("width", [8, 64])
def test_float32_training_matches_an_independent_float32_loop(width):
    network, layers = layered_network(width)
    engine = train_losses(network, np.float32)
    by_hand32 = train_by_hand(network, layers, np.float32, EPOCHS)
    by_hand64 = train_by_hand(network, layers, np.float64, EPOCHS)
    assert engine == pytest.approx(by_hand32, rel=1e-5)
    assert engine == pytest.approx(by_hand64, rel=FLOAT32_RELATIVE)
    assert train_losses(network, np.float64) == pytest.approx(by_hand64, rel=1e-12)


def test_arrays_stay_float32_through_every_activation():
    # One hidden neuron of each activation (some write float64 ones where z is float32):
    # nothing of a pass may fall back to float64, which would cost the speed float32 is for.
    network = Network(loss="binary_cross_entropy")
    for neuron_id in ("i1", "i2"):
        network.add_neuron(Neuron(neuron_id, "input"))
    network.add_neuron(Neuron("o1", "output", "sigmoid", 0.1))
    rng = np.random.default_rng(1)
    for name in ACTIVATION_FUNCTIONS:
        network.add_neuron(Neuron(name, "hidden", name, float(rng.normal())))
        for source in ("i1", "i2"):
            network.connect(source, name, float(rng.normal()))
        network.connect(name, "o1", float(rng.normal()))
    x = rng.normal(size=(9, 2))
    t = rng.integers(0, 2, size=(9, 1)).astype(float)
    exact = CompiledNetwork(network)
    fast = CompiledNetwork(network, np.float32)
    run = fast.forward(x)
    assert {a.dtype for a in run.z + run.y} == {np.dtype(np.float32)}
    gradients = fast.backward(run, t)
    assert gradients.flat.dtype == np.float32 and fast.parameters.dtype == np.float32
    expected = exact.backward(exact.forward(x), t).flat
    assert gradients.flat == pytest.approx(expected, rel=1e-4, abs=1e-6)


def test_trained_weights_go_back_to_the_network_as_python_floats():
    network, _ = layered_network(4)
    trainer = Trainer(network, dtype=np.float32)
    trainer.run(until_epoch=2)
    trainer.store_parameters(network)
    weights = [c.weight for c in network.connections]
    assert all(type(w) is float for w in weights)
    assert all(type(n.bias) is float for n in network.neurons if not n.is_input)
    stored = trainer.compiled.parameters
    assert sorted(weights) == sorted(float(w) for w in stored[: trainer.compiled.weight_count] if w)


def single_weight_network(weight: float, x: float, rate: float) -> Network:
    """i1 → o1 (linear, squared error): z = w·x, one sample with target 0."""
    network = Network(
        loss="squared_error",
        training=TrainingSettings(learning_rate=rate, batch_size=1, seed=0),
        data=Dataset(train_x=np.array([[x]]), train_y=np.array([[0.0]])),
    )
    network.add_neuron(Neuron("i1", "input"))
    network.add_neuron(Neuron("o1", "output", "linear", 0.0))
    network.connect("i1", "o1", weight)
    return network


def test_an_overflow_of_float32_alone_is_caught_as_divergence():
    # z = 1e20 × 1e20 = 1e40: finite in float64, past float32's ~3.4e38.
    network = single_weight_network(1e20, 1e20, 1e-90)
    assert math.isfinite(train_losses(network, np.float64, 1)[0])
    trainer = Trainer(network, dtype=np.float32)
    trainer.run(until_epoch=1)
    assert trainer.divergence is not None and trainer.divergence.epoch == 1
    # Not the step size: the loss cannot be computed in float32 even at the starting weights.
    assert "too large to compute with" in trainer.divergence.message
    assert trainer.compiled.all_finite()  # back at the weights it started from


def test_a_too_high_learning_rate_diverges_in_float32_and_keeps_the_last_finite_weights():
    # One step a sample: z = w + b goes to z − 3·2z = −5z, so y = 0.5·(−5)ⁿ after n epochs.
    network = single_weight_network(0.5, 1.0, 3.0)
    trainer = Trainer(network, dtype=np.float32)
    trainer.run(until_epoch=500)
    assert trainer.divergence is not None
    assert "learning rate 3 is probably too high" in trainer.divergence.message
    # y passes float32's 3.4e38 at n = 56 (5⁵⁶ / 2 ≈ 6.9e38); float64 lasts until its ½y²
    # overflows, n ≈ 221.
    assert trainer.divergence.epoch == 56
    assert trainer.compiled.all_finite()
    last = trainer.history.train_loss[-1]
    assert math.isfinite(last) and last > 1e37
