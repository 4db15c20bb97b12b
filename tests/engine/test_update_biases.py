"""`training.update_biases`: off, SGD keeps every bias fixed, in the stepper and in the trainer.

The independent check is Matt Mazur's worked 2-2-2 example ("A Step by Step
Backpropagation Example"), which updates the eight weights and keeps the four
biases: the bundled `two_two_two` example is his network, sample and rate.
"""

import math
from dataclasses import replace

import numpy as np
import pytest

from playground.engine.backward_stepper import trace_sample
from playground.engine.compiled_network import CompiledNetwork
from playground.engine.trainer import Trainer
from playground.model.examples import example_path
from playground.model.network import Network
from playground.model.network_file import load_network

X, T = [0.05, 0.10], [0.01, 0.99]

# Mazur's eight weights after his one step, as printed in his post (w1+ … w8+).
MAZUR_WEIGHTS_AFTER = {
    ("i1", "h1"): 0.149780716,
    ("i2", "h1"): 0.19956143,
    ("i1", "h2"): 0.24975114,
    ("i2", "h2"): 0.29950229,
    ("h1", "o1"): 0.35891648,
    ("h2", "o1"): 0.408666186,
    ("h1", "o2"): 0.511301270,
    ("h2", "o2"): 0.561370121,
}


def mazur(update_biases: bool = True) -> Network:
    network = load_network(example_path("two_two_two"))
    network.training = replace(network.training, update_biases=update_biases)
    return network


def squared_error_by_hand(weights: dict, b_hidden: float, b_output: float) -> float:
    """Mazur's forward pass and total error, written out with math.exp alone."""

    def sigmoid(z: float) -> float:
        return 1 / (1 + math.exp(-z))

    h1 = sigmoid(weights[("i1", "h1")] * X[0] + weights[("i2", "h1")] * X[1] + b_hidden)
    h2 = sigmoid(weights[("i1", "h2")] * X[0] + weights[("i2", "h2")] * X[1] + b_hidden)
    o1 = sigmoid(weights[("h1", "o1")] * h1 + weights[("h2", "o1")] * h2 + b_output)
    o2 = sigmoid(weights[("h1", "o2")] * h1 + weights[("h2", "o2")] * h2 + b_output)
    return 0.5 * (T[0] - o1) ** 2 + 0.5 * (T[1] - o2) ** 2


def test_mazur_with_fixed_biases_updates_his_weights_and_keeps_his_biases():
    trace = trace_sample(mazur(update_biases=False), X, T)
    assert trace.update.update_biases is False
    for b in trace.update.biases:
        assert b.after == b.before
    assert {(b.neuron, b.after) for b in trace.update.biases} == {
        ("h1", 0.35),
        ("h2", 0.35),
        ("o1", 0.6),
        ("o2", 0.6),
    }
    for w in trace.update.weights:
        # His printed weights carry 8 to 9 significant digits.
        assert w.after == pytest.approx(MAZUR_WEIGHTS_AFTER[(w.source, w.target)], abs=6e-9)


def test_mazur_with_fixed_biases_reaches_his_total_error_after_one_step():
    trace = trace_sample(mazur(update_biases=False), X, T)
    # Independent: his own printed weights, his fixed biases, the forward pass by hand.
    assert trace.loss_after == pytest.approx(
        squared_error_by_hand(MAZUR_WEIGHTS_AFTER, 0.35, 0.6), abs=1e-9
    )
    assert f"{trace.loss_after:.9f}" == "0.291027774"
    # Mazur's post prints 0.291027924: his own weights above give 0.291027774, so the two
    # agree to the 6 significant digits his slip leaves (0.291028).
    assert f"{trace.loss_after:.6g}" == f"{0.291027924:.6g}" == "0.291028"


def test_mazur_with_biases_updated_keeps_the_specs_loss_after():
    trace = trace_sample(mazur(update_biases=True), X, T)
    assert trace.update.update_biases is True
    assert f"{trace.loss_after:.8f}" == "0.28047145"
    assert trace.loss_after == 0.28047144679143016
    assert {b.neuron: b.after for b in trace.update.biases}["o1"] == 0.5307507191857215


def test_fixed_biases_change_only_the_biases_of_the_first_step():
    moving = trace_sample(mazur(update_biases=True), X, T)
    fixed = trace_sample(mazur(update_biases=False), X, T)
    # The gradients are the same: only the step leaves the biases alone.
    assert fixed.steps == moving.steps
    assert fixed.update.weights == moving.update.weights
    assert [b.after for b in moving.update.biases] != [b.before for b in moving.update.biases]


def test_the_trace_json_says_the_biases_stay_fixed():
    document = trace_sample(mazur(update_biases=False), X, T).to_json()
    assert document["update"]["update_biases"] is False
    assert all(b["before"] == b["after"] for b in document["update"]["biases"])
    assert trace_sample(mazur(), X, T).to_json()["update"]["update_biases"] is True


# ------------------------------------------------------------ the trainer


def xor_network(**settings) -> Network:
    network = load_network(example_path("xor"))
    network.training = replace(network.training, **settings)
    return network


def biases(network: Network) -> dict[str, float]:
    return {n.id: n.bias for n in network.neurons if not n.is_input}


@pytest.mark.parametrize("momentum", [0.0, 0.9])
def test_the_trainer_keeps_every_bias_fixed_and_moves_the_weights(momentum):
    network = xor_network(update_biases=False, momentum=momentum, l2=0.001)
    trainer = Trainer(network)
    trainer.run(until_epoch=20)
    trained = network.copy()
    trainer.store_parameters(trained)
    assert biases(trained) == biases(network)
    assert all(
        trained.connection(c.source, c.target).weight != c.weight for c in network.connections
    )
    # Nor do the fixed biases gather any velocity.
    assert all(not vb.any() for _, vb in trainer._velocity)


def test_one_trainer_step_on_mazur_with_fixed_biases_is_his_step():
    network = mazur(update_biases=False)
    trainer = Trainer(network)
    trainer.run(max_batches=1)
    assert trainer.history.train_loss[0] == pytest.approx(0.291027774, abs=5e-10)
    assert trainer.compiled.biases_by_id() == biases(network)
    for key, weight in trainer.compiled.weights_by_key().items():
        assert weight == pytest.approx(MAZUR_WEIGHTS_AFTER[key], abs=6e-9)


def test_biases_turned_back_on_mid_run_start_from_rest():
    network = xor_network(momentum=0.9, batch_size=4)  # a full batch: the order does not matter
    trainer = Trainer(network)
    trainer.run(max_batches=3)  # the biases gather velocity
    trainer.settings = replace(trainer.settings, update_biases=False)
    trainer.run(max_batches=2)
    fixed = trainer.compiled.biases_by_id()
    compiled = trainer.compiled
    gradients = compiled.backward(compiled.forward(network.data.train_x), network.data.train_y)
    trainer.settings = replace(trainer.settings, update_biases=True)
    trainer.run(max_batches=1)
    after = compiled.biases_by_id()
    for k, level in enumerate(compiled.levels[1:], start=1):
        for col, neuron_id in enumerate(level.ids):
            # v = 0.9 · 0 − η · ∂L/∂b: none of the velocity from before the pause is left.
            step = -network.training.learning_rate * gradients.biases[k][col]
            assert after[neuron_id] == pytest.approx(fixed[neuron_id] + step, abs=1e-12)


def test_the_compiled_network_is_untouched_by_the_setting():
    # The setting is the trainer's business: the gradients of the biases are still computed.
    network = mazur(update_biases=False)
    compiled = CompiledNetwork(network)
    gradients = compiled.backward(compiled.forward(np.array([X])), np.array([T]))
    assert all(np.all(b != 0) for b in gradients.biases[1:])


def test_the_trainer_with_biases_on_moves_them():
    moving = Trainer(xor_network())
    moving.run(until_epoch=5)
    assert moving.compiled.biases_by_id() != biases(xor_network())
