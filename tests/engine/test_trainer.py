"""SGD by the trainer against updates worked out with the stepper, and its slice API."""

import math

import numpy as np
import pytest

from playground.engine.backward_stepper import trace_sample
from playground.engine.trainer import Trainer
from playground.model.dataset import Dataset
from playground.model.errors import DataError
from playground.model.network import Network
from playground.model.neuron import Neuron
from playground.model.training_settings import TrainingSettings

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([[0.0], [1.0], [1.0], [0.0]])


def xor_network(**settings) -> Network:
    network = Network(
        loss="squared_error",
        training=TrainingSettings(**{"learning_rate": 2.0, "batch_size": 4, "seed": 0, **settings}),
        data=Dataset(train_x=XOR_X, train_y=XOR_Y),
    )
    for neuron_id in ("i1", "i2"):
        network.add_neuron(Neuron(neuron_id, "input"))
    for neuron_id, bias in (("h1", -0.2), ("h2", 0.3)):
        network.add_neuron(Neuron(neuron_id, "hidden", "sigmoid", bias))
    network.add_neuron(Neuron("o1", "output", "sigmoid", 0.1))
    for (s, t), w in zip(
        [("i1", "h1"), ("i2", "h1"), ("i1", "h2"), ("i2", "h2"), ("h1", "o1"), ("h2", "o1")],
        [0.9, -0.7, 0.5, 0.8, -0.6, 1.1],
    ):
        network.connect(s, t, w)
    return network


def mean_gradient_by_stepper(network: Network, x: np.ndarray, y: np.ndarray):
    """Mean ∂L/∂w and ∂L/∂b over samples, each sample traced neuron by neuron."""
    dw: dict = {}
    db: dict = {}
    for row, target in zip(x, y):
        for step in trace_sample(network, row, target).steps:
            db[step.neuron] = db.get(step.neuron, 0.0) + step.dL_db / len(x)
            for g in step.weight_grads:
                key = (g.source, g.target)
                dw[key] = dw.get(key, 0.0) + g.dL_dw / len(x)
    return dw, db


def test_one_full_batch_epoch_is_one_mean_gradient_step():
    network = xor_network(learning_rate=0.7)
    dw, db = mean_gradient_by_stepper(network, XOR_X, XOR_Y)
    trainer = Trainer(network)
    trainer.run(until_epoch=1)
    weights, biases = trainer.compiled.weights_by_key(), trainer.compiled.biases_by_id()
    for c in network.connections:
        assert weights[c.key] == pytest.approx(c.weight - 0.7 * dw[c.key], rel=1e-12)
    for neuron_id, gradient in db.items():
        assert biases[neuron_id] == pytest.approx(
            network.neuron(neuron_id).bias - 0.7 * gradient, rel=1e-12
        )


def test_momentum_and_l2_over_two_steps():
    rate, momentum, l2 = 0.5, 0.9, 0.01
    network = xor_network(learning_rate=rate, momentum=momentum, l2=l2)
    expected = network.copy()
    velocity_w = {c.key: 0.0 for c in network.connections}
    velocity_b = {n.id: 0.0 for n in network.neurons if not n.is_input}
    for _ in range(2):
        dw, db = mean_gradient_by_stepper(expected, XOR_X, XOR_Y)
        for c in expected.connections:
            velocity_w[c.key] = momentum * velocity_w[c.key] - rate * (dw[c.key] + l2 * c.weight)
        for neuron_id, v in velocity_b.items():
            velocity_b[neuron_id] = momentum * v - rate * db[neuron_id]
        for c in expected.connections:
            expected.set_weight(c.source, c.target, c.weight + velocity_w[c.key])
        for neuron_id, v in velocity_b.items():
            expected.set_bias(neuron_id, expected.neuron(neuron_id).bias + v)
    trainer = Trainer(network)
    trainer.run(until_epoch=2)
    trained = network.copy()
    trainer.store_parameters(trained)
    for a, b in zip(trained.connections, expected.connections):
        assert a.weight == pytest.approx(b.weight, rel=1e-12)
    for a, b in zip(trained.neurons, expected.neurons):
        assert a.bias == pytest.approx(b.bias, rel=1e-12) if b.bias is not None else a.bias is None


def test_xor_learns_and_history_is_the_loss_over_the_train_set():
    network = xor_network(learning_rate=2.0, batch_size=1)
    trainer = Trainer(network)
    trainer.run(until_epoch=2000)
    assert trainer.epoch == 2000 and len(trainer.history.train_loss) == 2000
    trained = network.copy()
    trainer.store_parameters(trained)
    losses = [trace_sample(trained, x, y).loss for x, y in zip(XOR_X, XOR_Y)]
    assert trainer.history.train_loss[-1] == pytest.approx(np.mean(losses), rel=1e-12)
    assert trainer.history.train_loss[-1] < 0.1 * trainer.history.train_loss[0]
    assert trainer.history.train_accuracy[-1] == 1.0
    assert trainer.history.test_loss == []


def test_minibatches_are_shuffled_each_epoch_and_cover_every_sample_once():
    x = np.arange(10.0).reshape(10, 1)
    network = Network(
        training=TrainingSettings(batch_size=3, seed=5), data=Dataset(train_x=x, train_y=x)
    )
    network.add_neuron(Neuron("i1", "input"))
    network.add_neuron(Neuron("o1", "output", "linear", 0.0))
    network.connect("i1", "o1", 0.0)
    seen = []
    trainer = Trainer(network)
    original_step = trainer._step
    trainer._step = lambda xb, yb: (seen.append(xb[:, 0].tolist()), original_step(xb, yb))
    trainer.run(until_epoch=2)
    assert [len(b) for b in seen] == [3, 3, 3, 1] * 2
    first = [v for batch in seen[:4] for v in batch]
    second = [v for batch in seen[4:] for v in batch]
    assert sorted(first) == sorted(second) == list(range(10))
    assert first != second


def test_slices_add_up_to_the_same_training_as_one_run():
    whole = Trainer(xor_network(batch_size=1))
    whole.run(until_epoch=25)
    sliced = Trainer(xor_network(batch_size=1))
    while sliced.epoch < 25:
        done = sliced.run(max_batches=3, until_epoch=25)
        assert done <= 3
    assert sliced.history.train_loss == whole.history.train_loss
    assert sliced.compiled.weights_by_key() == whole.compiled.weights_by_key()


def test_a_time_slice_returns():
    trainer = Trainer(xor_network(batch_size=1))
    done = trainer.run(max_seconds=0.01)
    assert done >= 1 and trainer.divergence is None


def test_divergence_stops_and_keeps_the_last_finite_weights():
    network = xor_network(learning_rate=1e6, batch_size=1)
    network.set_activation("o1", "linear")
    trainer = Trainer(network)
    trainer.run(until_epoch=1000)
    assert trainer.divergence is not None
    assert "learning rate" in trainer.divergence.message
    assert str(trainer.divergence.epoch) in trainer.divergence.message
    assert trainer.compiled.all_finite()
    assert all(math.isfinite(v) for v in trainer.history.train_loss)
    assert trainer.epoch == len(trainer.history.train_loss) < 1000


def test_a_loss_that_cannot_be_computed_from_the_start_does_not_blame_the_learning_rate():
    # Targets of 1e200 square to infinity whatever the step size: the data is the cause.
    network = xor_network(learning_rate=1e-5)
    network.set_activation("o1", "linear")
    network.data = Dataset(train_x=XOR_X, train_y=XOR_Y * 1e200)
    trainer = Trainer(network)
    trainer.run(until_epoch=5)
    message = trainer.divergence.message
    assert "infinite" in message
    assert "learning rate is not to blame" in message and "data or the weights" in message
    assert "probably too high" not in message


def test_with_momentum_the_divergence_message_names_it():
    network = xor_network(learning_rate=1e6, batch_size=1, momentum=0.9)
    network.set_activation("o1", "linear")
    trainer = Trainer(network)
    trainer.run(until_epoch=1000)
    assert (
        "learning rate 1e+06 (with momentum 0.9) is probably too high" in trainer.divergence.message
    )


def test_data_that_does_not_fit_is_refused():
    network = xor_network()
    with pytest.raises(DataError, match="2 input"):
        Trainer(network, Dataset(train_x=np.zeros((3, 3)), train_y=np.zeros((3, 1))))
    network.data = None
    with pytest.raises(DataError, match="no training data"):
        Trainer(network)
