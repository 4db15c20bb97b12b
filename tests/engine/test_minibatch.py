"""A minibatch's trace against three independent gradients and against the trainer's step.

The mean gradients must equal numpy's mean of the per-sample traces, a central
finite difference of the mean loss (the stepper's own forward pass, nothing
else), and the batched engine's backward pass; the update's loss after must
equal one full-batch step of the Trainer.
"""

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from playground.engine.backward_stepper import forward_values, sample_loss, trace_sample
from playground.engine.compiled_network import CompiledNetwork
from playground.engine.minibatch import trace_minibatch
from playground.engine.trainer import Trainer
from playground.model.dataset import Dataset
from playground.model.examples import example_path
from playground.model.network import Network
from playground.model.network_file import load_network
from tests.engine.random_networks import away_from_kinks, random_networks, samples

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
STEP = 1e-6


def mean_loss(network: Network, x: np.ndarray, t: np.ndarray) -> float:
    """The mean loss of the rows, from the neuron-by-neuron forward pass."""
    return sum(
        sample_loss(network, forward_values(network, list(xs)), list(ts)) for xs, ts in zip(x, t)
    ) / len(x)


def finite_differences(network: Network, x: np.ndarray, t: np.ndarray) -> dict:
    """∂(mean L)/∂p for every weight and bias, as (L(p + h) − L(p − h)) / 2h."""
    found = {}
    for c in network.connections:
        moved = []
        for sign in (1, -1):
            copy = network.copy()
            copy.set_weight(c.source, c.target, c.weight + sign * STEP)
            moved.append(mean_loss(copy, x, t))
        found[c.key] = (moved[0] - moved[1]) / (2 * STEP)
    for n in network.neurons:
        if n.is_input:
            continue
        moved = []
        for sign in (1, -1):
            copy = network.copy()
            copy.set_bias(n.id, n.bias_value + sign * STEP)
            moved.append(mean_loss(copy, x, t))
        found[n.id] = (moved[0] - moved[1]) / (2 * STEP)
    return found


def engine_gradients(network: Network, x: np.ndarray, t: np.ndarray) -> dict:
    compiled = CompiledNetwork(network)
    gradients = compiled.backward(compiled.forward(x), t)
    found = {}
    for k, level in enumerate(compiled.levels[1:], start=1):
        for key, row, col in zip(
            level.connection_keys, level.connection_rows, level.connection_cols
        ):
            found[key] = float(gradients.weights[k][row, col])
        for col, neuron_id in enumerate(level.ids):
            found[neuron_id] = float(gradients.biases[k][col])
    return found


def traced_means(network: Network, x: np.ndarray, t: np.ndarray) -> dict:
    batch = trace_minibatch(network, x.tolist(), t.tolist())
    means = {(w.source, w.target): w.dL_dw for w in batch.mean.weights}
    means.update({b.neuron: b.dL_db for b in batch.mean.biases})
    return means


def per_sample_means(network: Network, x: np.ndarray, t: np.ndarray) -> dict:
    """numpy's mean over the samples of each one's own trace."""
    traces = [trace_sample(network, list(xs), list(ts)) for xs, ts in zip(x, t)]
    keys = [c.key for c in network.connections]
    dw = np.array(
        [
            [
                {(g.source, g.target): g.dL_dw for s in tr.steps for g in s.weight_grads}[k]
                for k in keys
            ]
            for tr in traces
        ]
    ).reshape(len(traces), len(keys))
    ids = [n.id for n in network.neurons if not n.is_input]
    db = np.array([[{s.neuron: s.dL_db for s in tr.steps}[i] for i in ids] for tr in traces])
    found: dict = dict(zip(keys, np.mean(dw, axis=0).tolist()))
    found.update(zip(ids, np.mean(db, axis=0).tolist()))
    return found


def xor() -> tuple[Network, np.ndarray, np.ndarray]:
    network = load_network(example_path("xor"))
    return network, network.data.train_x[[0, 1, 3]], network.data.train_y[[0, 1, 3]]


def assert_close(found: dict, expected: dict, tolerance: float) -> None:
    assert found.keys() == expected.keys()
    for key, value in expected.items():
        assert abs(found[key] - value) <= tolerance, (key, found[key], value)


# ------------------------------------------------------------ the mean gradients


def test_the_mean_is_numpys_mean_of_the_per_sample_traces():
    network, x, t = xor()
    assert_close(traced_means(network, x, t), per_sample_means(network, x, t), 1e-12)


def test_the_mean_is_the_finite_difference_of_the_mean_loss():
    network, x, t = xor()
    expected = finite_differences(network, x, t)
    found = traced_means(network, x, t)
    for key, value in expected.items():
        assert found[key] == pytest.approx(value, rel=1e-6, abs=1e-9), key


def test_the_mean_is_the_batched_engines_gradient():
    network, x, t = xor()
    assert_close(traced_means(network, x, t), engine_gradients(network, x, t), 1e-12)


@SETTINGS
@given(st.data())
def test_on_any_dag_the_mean_is_all_three(data):
    network = data.draw(random_networks())
    count = data.draw(st.integers(1, 5))
    x, t = data.draw(samples(network, count=count))
    found = traced_means(network, x, t)
    assert_close(found, per_sample_means(network, x, t), 1e-12)
    assert_close(found, engine_gradients(network, x, t), 1e-12)
    assume(away_from_kinks(network, x, margin=1e-3))
    for key, value in finite_differences(network, x, t).items():
        assert found[key] == pytest.approx(value, rel=1e-5, abs=1e-8), key


# ------------------------------------------------------------ the update


def trainer_step(network: Network, x: np.ndarray, t: np.ndarray) -> Trainer:
    """One Trainer step on these samples as one full batch."""
    settings = replace(network.training, batch_size=len(x))
    trainer = Trainer(network, Dataset(train_x=x, train_y=t), settings)
    trainer.run(max_batches=1)
    return trainer


@pytest.mark.parametrize(
    "settings",
    [
        {},
        {"l2": 0.01},
        {"update_biases": False},
        {"l2": 0.003, "update_biases": False},
        {"l1": 0.01},
        {"l1": 0.003, "l2": 0.01, "update_biases": False},
    ],
)
def test_the_update_and_loss_after_are_one_full_batch_step_of_the_trainer(settings):
    network, x, t = xor()
    network.training = replace(network.training, **settings)
    batch = trace_minibatch(network, x.tolist(), t.tolist())
    trainer = trainer_step(network, x, t)
    assert abs(batch.loss_after - trainer.loss("train")) <= 1e-12
    assert abs(batch.loss - mean_loss(network, x, t)) <= 1e-15
    weights = trainer.compiled.weights_by_key()
    for w in batch.update.weights:
        assert abs(w.after - weights[(w.source, w.target)]) <= 1e-12
    biases = trainer.compiled.biases_by_id()
    for b in batch.update.biases:
        assert abs(b.after - biases[b.neuron]) <= 1e-12
        if settings.get("update_biases") is False:
            assert b.after == b.before


@SETTINGS
@given(st.data())
def test_on_any_dag_loss_after_is_the_trainers(data):
    network = data.draw(random_networks())
    network.training = replace(
        network.training,
        learning_rate=data.draw(st.sampled_from([0.01, 0.1, 0.5])),
        update_biases=data.draw(st.booleans()),
    )
    x, t = data.draw(samples(network, count=data.draw(st.integers(1, 5))))
    batch = trace_minibatch(network, x.tolist(), t.tolist())
    assert abs(batch.loss_after - trainer_step(network, x, t).loss("train")) <= 1e-12


def test_momentum_adds_nothing_to_the_first_step():
    network, x, t = xor()
    plain = trace_minibatch(network, x.tolist(), t.tolist())
    network.training = replace(network.training, momentum=0.9)
    with_momentum = trace_minibatch(network, x.tolist(), t.tolist())
    assert with_momentum.update.weights == plain.update.weights
    assert with_momentum.loss_after == plain.loss_after


def test_one_sample_is_the_single_sample_trace():
    network, x, t = xor()
    single = trace_sample(network, list(x[1]), list(t[1]))
    batch = trace_minibatch(network, [list(x[1])], [list(t[1])])
    assert batch.samples[0].to_json() == {
        key: value for key, value in single.to_json().items() if key not in ("update", "loss_after")
    }
    assert batch.update == single.update
    assert batch.loss_after == single.loss_after


def test_to_json_has_the_documented_shape():
    network, x, t = xor()
    document = trace_minibatch(network, x.tolist(), t.tolist()).to_json()
    assert list(document) == ["samples", "mean", "loss", "update", "loss_after"]
    assert len(document["samples"]) == 3
    assert all(list(s) == ["sample", "forward", "loss", "steps"] for s in document["samples"])
    assert list(document["mean"]) == ["weights", "biases"]
    assert list(document["mean"]["weights"][0]) == ["source", "target", "dL_dw"]
    assert list(document["mean"]["biases"][0]) == ["neuron", "dL_db"]
    assert document["loss"] == pytest.approx(np.mean([s["loss"] for s in document["samples"]]))
