"""The stepper on a network small enough to work by hand."""

import math

import pytest

from playground.engine.backward_stepper import trace_sample
from playground.model.network import Network
from playground.model.neuron import Neuron
from playground.model.training_settings import TrainingSettings


def chain(activation="tanh", loss="squared_error", l2=0.0) -> Network:
    """i1 → h1 → o1 plus a skip i1 → o1, o1 sigmoid."""
    network = Network(loss=loss, training=TrainingSettings(learning_rate=0.5, l2=l2))
    network.add_neuron(Neuron("i1", "input"))
    network.add_neuron(Neuron("h1", "hidden", activation, 0.1))
    network.add_neuron(Neuron("o1", "output", "sigmoid", -0.2))
    network.connect("i1", "h1", 0.7)
    network.connect("h1", "o1", -1.3)
    network.connect("i1", "o1", 0.4)
    return network


def test_hand_worked_chain_with_a_skip_connection():
    x, t = 0.5, 1.0
    z_h = 0.1 + 0.7 * x
    y_h = math.tanh(z_h)
    z_o = -0.2 - 1.3 * y_h + 0.4 * x
    y_o = 1 / (1 + math.exp(-z_o))
    dL_dy_o = y_o - t
    dL_dz_o = y_o * (1 - y_o) * dL_dy_o
    dL_dy_h = -1.3 * dL_dz_o
    dL_dz_h = (1 - y_h**2) * dL_dy_h

    trace = trace_sample(chain(), [x], [t])
    assert trace.loss == pytest.approx(0.5 * (y_o - t) ** 2, rel=1e-14)
    o1, h1 = trace.steps
    assert (o1.neuron, h1.neuron) == ("o1", "h1")
    assert o1.terms == [] and o1.loss_derivative == pytest.approx(dL_dy_o, rel=1e-14)
    assert o1.dL_dz == pytest.approx(dL_dz_o, rel=1e-14)
    assert [(g.source, g.dL_dw) for g in o1.weight_grads] == [
        ("h1", pytest.approx(y_h * dL_dz_o, rel=1e-14)),
        ("i1", pytest.approx(x * dL_dz_o, rel=1e-14)),
    ]
    assert h1.dL_dy == pytest.approx(dL_dy_h, rel=1e-14)
    assert h1.dy_dz == pytest.approx(1 - y_h**2, rel=1e-14)
    assert h1.dL_dz == pytest.approx(dL_dz_h, rel=1e-14)
    assert h1.weight_grads[0].dL_dw == pytest.approx(x * dL_dz_h, rel=1e-14)

    update = {(w.source, w.target): w.after for w in trace.update.weights}
    assert update[("h1", "o1")] == pytest.approx(-1.3 - 0.5 * y_h * dL_dz_o, rel=1e-14)
    assert {b.neuron: b.after for b in trace.update.biases}["h1"] == pytest.approx(
        0.1 - 0.5 * dL_dz_h, rel=1e-14
    )
    assert trace.loss_after < trace.loss


def test_l2_adds_decay_to_the_weights_but_not_the_biases():
    plain = trace_sample(chain(), [0.5], [1.0])
    decayed = trace_sample(chain(l2=0.1), [0.5], [1.0])
    for w_plain, w_decayed in zip(plain.update.weights, decayed.update.weights):
        assert w_decayed.after == pytest.approx(
            w_plain.after - 0.5 * 0.1 * w_plain.before, rel=1e-14
        )
    assert [b.after for b in plain.update.biases] == [b.after for b in decayed.update.biases]


def test_an_output_that_feeds_another_neuron_adds_the_loss_derivative_to_its_terms():
    network = Network()
    network.add_neuron(Neuron("i1", "input"))
    network.add_neuron(Neuron("o1", "output", "linear", 0.0))
    network.add_neuron(Neuron("o2", "output", "linear", 0.0))
    network.connect("i1", "o1", 2.0)
    network.connect("o1", "o2", 3.0)
    trace = trace_sample(network, [1.0], [0.0, 0.0])
    o2, o1 = trace.steps
    assert o2.dL_dz == 6.0  # y_o2 = 6, t = 0
    assert o1.loss_derivative == 2.0
    assert o1.terms[0].product == 18.0
    assert o1.dL_dy == 20.0


def test_to_json_has_the_documented_shape():
    document = trace_sample(chain(), [0.5], [1.0]).to_json()
    assert set(document) == {"sample", "forward", "loss", "steps", "update", "loss_after"}
    assert document["forward"]["i1"] == {"y": 0.5}
    step = document["steps"][1]
    assert {"neuron", "dL_dy", "terms", "dy_dz", "dL_dz", "dL_db", "weight_grads"} <= set(step)
    assert set(step["terms"][0]) == {"target", "weight", "dL_dz", "product"}
    assert set(step["weight_grads"][0]) == {"source", "target", "y_source", "dL_dw"}
    assert document["update"]["learning_rate"] == 0.5
    assert set(document["update"]["weights"][0]) == {"source", "target", "before", "after"}
    assert set(document["update"]["biases"][0]) == {"neuron", "before", "after"}
