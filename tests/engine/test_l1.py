"""`training.l1`: l1·Σ|w| added to the loss, so each weight's gradient gains l1·sign(w) (0 at w = 0).

The independent checks: a linear neuron whose gradient is written out by hand,
and central finite differences of (mean loss + l1·Σ|w|) away from w = 0.
"""

from dataclasses import replace

import numpy as np
import pytest

from playground.engine.backward_stepper import trace_sample
from playground.engine.compiled_network import CompiledNetwork
from playground.engine.trainer import Trainer
from playground.model.dataset import Dataset
from playground.model.examples import example_path
from playground.model.network import Network
from playground.model.network_file import load_network
from playground.model.neuron import Neuron
from playground.model.training_settings import TrainingSettings

# Four inputs into one linear output. w3 starts at 0 with input 3 non-zero (its data gradient
# is not 0); w4 starts at 0 with input 4 always 0 (no gradient at all).
WEIGHTS = [0.5, -0.4, 0.0, 0.0]
BIAS = 0.2
X = np.array([[1.0, 2.0, 0.5, 0.0], [-1.5, 0.5, 1.0, 0.0]])
T = np.array([[0.3], [-0.7]])


def linear(**settings) -> Network:
    network = Network(
        loss="squared_error",
        training=TrainingSettings(**{"learning_rate": 0.1, "batch_size": 2, **settings}),
        data=Dataset(train_x=X, train_y=T),
    )
    for k in range(1, 5):
        network.add_neuron(Neuron(f"i{k}", "input"))
    network.add_neuron(Neuron("o1", "output", "linear", BIAS))
    for k, w in enumerate(WEIGHTS, start=1):
        network.connect(f"i{k}", "o1", w)
    return network


def by_hand(weights: list[float], bias: float) -> tuple[list[float], float]:
    """Mean ∂L/∂w and ∂L/∂b of ½(y − t)² with y = b + Σ w·x: (y − t)·x and y − t."""
    dw, db = [0.0] * len(weights), 0.0
    for row, (target,) in zip(X.tolist(), T.tolist()):
        error = bias + sum(w * x for w, x in zip(weights, row)) - target
        dw = [d + error * x / len(X) for d, x in zip(dw, row)]
        db += error / len(X)
    return dw, db


def sign(value: float) -> float:
    return 1.0 if value > 0 else -1.0 if value < 0 else 0.0


def trained(network: Network, epochs: int = 1) -> Trainer:
    trainer = Trainer(network)
    trainer.run(until_epoch=epochs)
    return trainer


def test_one_step_adds_l1_sign_w_to_each_weights_gradient_and_nothing_to_the_bias():
    rate, l1 = 0.1, 0.05
    trainer = trained(linear(learning_rate=rate, l1=l1))
    dw, db = by_hand(WEIGHTS, BIAS)
    weights = trainer.compiled.weights_by_key()
    for k, (w, g) in enumerate(zip(WEIGHTS, dw), start=1):
        assert weights[(f"i{k}", "o1")] == pytest.approx(w - rate * (g + l1 * sign(w)), rel=1e-12)
    assert trainer.compiled.biases_by_id()["o1"] == pytest.approx(BIAS - rate * db, rel=1e-12)


def test_a_weight_at_zero_gets_no_pull_from_l1():
    with_l1 = trained(linear(l1=0.05)).compiled.weights_by_key()
    without = trained(linear()).compiled.weights_by_key()
    # Its data gradient moves w3 as if l1 were 0; w4, without one, stays exactly at 0.
    assert with_l1[("i3", "o1")] == without[("i3", "o1")] != 0.0
    assert with_l1[("i4", "o1")] == 0.0
    # The others do feel it: l1 pulls them towards 0.
    assert abs(with_l1[("i1", "o1")]) < abs(without[("i1", "o1")])


def test_two_steps_with_momentum_by_hand():
    rate, momentum, l1, l2 = 0.1, 0.9, 0.05, 0.02
    trainer = trained(linear(learning_rate=rate, momentum=momentum, l1=l1, l2=l2), epochs=2)
    weights, bias = list(WEIGHTS), BIAS
    velocity, bias_velocity = [0.0] * len(weights), 0.0
    for _ in range(2):
        dw, db = by_hand(weights, bias)
        velocity = [
            momentum * v - rate * (g + l2 * w + l1 * sign(w))
            for v, g, w in zip(velocity, dw, weights)
        ]
        bias_velocity = momentum * bias_velocity - rate * db
        weights = [w + v for w, v in zip(weights, velocity)]
        bias += bias_velocity
    found = trainer.compiled.weights_by_key()
    for k, w in enumerate(weights, start=1):
        assert found[(f"i{k}", "o1")] == pytest.approx(w, rel=1e-12, abs=1e-15)
    assert trainer.compiled.biases_by_id()["o1"] == pytest.approx(bias, rel=1e-12)


def penalised_loss(network: Network, x: np.ndarray, t: np.ndarray) -> float:
    """The mean loss plus l1·Σ|w| and l2/2·Σw², the function SGD descends."""
    compiled = CompiledNetwork(network)
    mean = float(compiled.sample_losses(compiled.forward(x), t).mean())
    weights = np.array([c.weight for c in network.connections])
    settings = network.training
    return mean + settings.l1 * np.abs(weights).sum() + settings.l2 / 2 * (weights**2).sum()


@pytest.mark.parametrize("settings", [{"l1": 0.03}, {"l1": 0.01, "l2": 0.02}])
def test_the_step_is_the_finite_difference_of_the_loss_plus_the_penalty(settings):
    """Every weight away from 0, so |w| is smooth along each difference."""
    network = load_network(example_path("xor"))
    x, t = network.data.train_x, network.data.train_y
    rate = 0.5
    network.training = replace(
        network.training, learning_rate=rate, batch_size=len(x), momentum=0.0, **settings
    )
    assert all(abs(c.weight) > 0.01 for c in network.connections)
    trainer = trained(network)
    after = trainer.compiled.weights_by_key()
    step = 1e-6
    for c in network.connections:
        moved = [network.copy(), network.copy()]
        for copy, sign_of_step in zip(moved, (1, -1)):
            copy.set_weight(c.source, c.target, c.weight + sign_of_step * step)
        difference = (penalised_loss(moved[0], x, t) - penalised_loss(moved[1], x, t)) / (2 * step)
        gradient = (c.weight - after[c.key]) / rate
        assert gradient == pytest.approx(difference, rel=1e-6, abs=1e-9)
    for neuron in network.neurons:
        if neuron.is_input:
            continue
        moved = [network.copy(), network.copy()]
        for copy, sign_of_step in zip(moved, (1, -1)):
            copy.set_bias(neuron.id, neuron.bias_value + sign_of_step * step)
        difference = (penalised_loss(moved[0], x, t) - penalised_loss(moved[1], x, t)) / (2 * step)
        gradient = (neuron.bias_value - trainer.compiled.biases_by_id()[neuron.id]) / rate
        assert gradient == pytest.approx(difference, rel=1e-6, abs=1e-9)


def test_the_reported_loss_leaves_the_penalty_out_as_it_does_l2s():
    trainer = trained(linear(l1=0.5, l2=0.5))
    network = linear()
    trainer.store_parameters(network)
    compiled = CompiledNetwork(network)
    unpenalised = float(compiled.sample_losses(compiled.forward(X), T).mean())
    assert trainer.history.train_loss == [pytest.approx(unpenalised, rel=1e-14)]


@pytest.mark.parametrize("settings", [{"l1": 0.05}, {"l1": 0.05, "l2": 0.1}])
def test_the_steppers_update_has_the_l1_term_and_is_the_trainers_step(settings):
    network = linear(batch_size=1, **settings)
    x, t = X[0].tolist(), T[0].tolist()
    trace = trace_sample(network, x, t)
    assert trace.update.l1 == settings["l1"]
    gradients = {(g.source, g.target): g.dL_dw for s in trace.steps for g in s.weight_grads}
    l1, l2 = settings["l1"], settings.get("l2", 0.0)
    for w in trace.update.weights:
        g = gradients[(w.source, w.target)]
        expected = w.before - 0.1 * (g + l2 * w.before + l1 * sign(w.before))
        assert w.after == pytest.approx(expected, rel=1e-14, abs=1e-16)
    zero = next(w for w in trace.update.weights if w.source == "i4")
    assert zero.after == 0.0
    # The same step as the batched trainer on that one sample.
    trainer = Trainer(network, Dataset(train_x=X[:1], train_y=T[:1]))
    trainer.run(max_batches=1)
    weights = trainer.compiled.weights_by_key()
    for w in trace.update.weights:
        assert abs(w.after - weights[(w.source, w.target)]) <= 1e-15
    assert trace.to_json()["update"]["l1"] == settings["l1"]
