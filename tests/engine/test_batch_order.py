"""The next batch as training would draw it: the rows the Trainer's next SGD step really takes.

`Trainer.upcoming_batch` (and `first_batch` for a fresh run) name rows; the
test takes the Trainer's next step and compares its new weights with one SGD
step on those rows worked out by the stepper, sample by sample, from the same
weights. A wrong row would move the weights differently, and a test says so.
"""

import numpy as np
import pytest

from playground.engine.batch_order import BatchOrder, first_batch
from playground.engine.minibatch import trace_minibatch
from playground.engine.trainer import Trainer
from playground.model.dataset import Dataset
from playground.model.network import Network
from playground.model.neuron import Neuron
from playground.model.training_settings import TrainingSettings

ROWS = 11  # not a multiple of the batch sizes below: each epoch ends with a smaller batch


def small_network(batch_size: int, seed: int = 5) -> Network:
    rng = np.random.default_rng(42)
    x = rng.uniform(-1, 1, size=(ROWS, 2))
    y = np.tanh(x[:, :1] - 0.5 * x[:, 1:])
    network = Network(
        loss="squared_error",
        training=TrainingSettings(learning_rate=0.3, batch_size=batch_size, seed=seed),
        data=Dataset(train_x=x, train_y=y),
    )
    for neuron_id in ("i1", "i2"):
        network.add_neuron(Neuron(neuron_id, "input"))
    network.add_neuron(Neuron("h1", "hidden", "tanh", 0.1))
    network.add_neuron(Neuron("h2", "hidden", "sigmoid", -0.2))
    network.add_neuron(Neuron("o1", "output", "linear", 0.05))
    for (source, target), weight in zip(
        [("i1", "h1"), ("i2", "h1"), ("i1", "h2"), ("i2", "h2"), ("h1", "o1"), ("h2", "o1")],
        [0.7, -0.4, 0.3, 0.9, -0.8, 0.6],
    ):
        network.connect(source, target, weight)
    return network


def step_by_stepper(trainer: Trainer, network: Network, rows: np.ndarray) -> dict:
    """The weights after one SGD step on `rows` from the trainer's current weights, by the stepper."""
    now = network.copy()
    trainer.store_parameters(now)
    x, y = network.data.split("train")
    minibatch = trace_minibatch(now, [list(x[k]) for k in rows], [list(y[k]) for k in rows])
    return {(w.source, w.target): w.after for w in minibatch.update.weights}


def assert_step_on(trainer: Trainer, network: Network, rows: np.ndarray) -> None:
    expected = step_by_stepper(trainer, network, rows)
    trainer.run(max_batches=1)
    weights = trainer.compiled.weights_by_key()
    for key, after in expected.items():
        assert weights[key] == pytest.approx(after, rel=1e-12, abs=1e-15), key


@pytest.mark.parametrize("batch_size", [1, 3, 4])
def test_every_upcoming_batch_is_the_one_the_next_step_takes(batch_size):
    network = small_network(batch_size)
    trainer = Trainer(network)
    seen_sizes = set()
    for _ in range(3 * -(-ROWS // batch_size)):  # three epochs, across their boundaries
        rows = trainer.upcoming_batch()
        seen_sizes.add(len(rows))
        assert len(set(rows.tolist())) == len(rows)
        assert_step_on(trainer, network, rows)
    assert seen_sizes == {batch_size, ROWS % batch_size or batch_size}


def test_a_wrong_batch_would_be_seen():
    """The comparison can fail: one row off, the stepper's weights are not the trainer's."""
    network = small_network(3)
    trainer = Trainer(network)
    trainer.run(max_batches=2)
    rows = trainer.upcoming_batch()
    wrong = rows.copy()
    wrong[0] = next(k for k in range(ROWS) if k not in rows)
    with pytest.raises(AssertionError):
        assert_step_on(trainer, network, wrong)


def test_the_first_batch_is_the_seeds_first_permutation():
    network = small_network(4, seed=9)
    expected = np.random.default_rng(9).permutation(ROWS)[:4]
    assert first_batch(ROWS, 9, 4).tolist() == expected.tolist()
    assert Trainer(network).upcoming_batch().tolist() == expected.tolist()
    assert first_batch(ROWS, 10, 4).tolist() != expected.tolist()


def test_the_second_epoch_takes_the_generators_second_permutation():
    network = small_network(4, seed=9)
    trainer = Trainer(network)
    trainer.run(until_epoch=1)
    rng = np.random.default_rng(9)
    rng.permutation(ROWS)
    assert trainer.upcoming_batch().tolist() == rng.permutation(ROWS)[:4].tolist()


def test_a_batch_as_large_as_the_data_is_the_whole_training_set():
    for batch_size in (ROWS, ROWS + 5):
        network = small_network(batch_size)
        trainer = Trainer(network)
        rows = trainer.upcoming_batch()
        assert sorted(rows.tolist()) == list(range(ROWS))
        assert_step_on(trainer, network, rows)
        assert trainer.epoch == 1


def test_looking_ahead_draws_nothing():
    order = BatchOrder(ROWS, 3)
    ahead = [order.upcoming(5).tolist() for _ in range(3)]
    assert ahead[0] == ahead[1] == ahead[2]
    order.shuffle()
    assert order.order[order.take(5)].tolist() == ahead[0]
    assert order.upcoming(5).tolist() == order.order[5:10].tolist()
