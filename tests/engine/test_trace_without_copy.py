"""The trace's loss after the update comes from the update's numbers, not from a copy of the network."""

import math

import pytest

from playground.engine.backward_stepper import trace_sample
from playground.engine.minibatch import trace_minibatch
from playground.model.errors import NetworkEditError
from playground.model.network import Network
from playground.model.neuron import Neuron
from tests.engine.test_backward_stepper import chain


@pytest.fixture
def no_copies(monkeypatch):
    """Any copy of a network fails the test: the trace must not need one."""

    def refuse(self):
        raise AssertionError("the trace copied the network")

    monkeypatch.setattr(Network, "copy", refuse)


def test_the_loss_after_the_update_is_the_hand_worked_one_and_the_network_is_left_alone(no_copies):
    network = chain()
    before = [(c.key, c.weight) for c in network.connections]
    biases = [(n.id, n.bias) for n in network.neurons]
    x, t, rate = 0.5, 1.0, 0.5
    trace = trace_sample(network, [x], [t])

    # By hand: the gradients, one SGD step, then the forward pass again with the new values.
    z_h = 0.1 + 0.7 * x
    y_h = math.tanh(z_h)
    z_o = -0.2 - 1.3 * y_h + 0.4 * x
    y_o = 1 / (1 + math.exp(-z_o))
    dz_o = y_o * (1 - y_o) * (y_o - t)
    dz_h = (1 - y_h**2) * (-1.3 * dz_o)
    w_ih, w_ho, w_io = 0.7 - rate * x * dz_h, -1.3 - rate * y_h * dz_o, 0.4 - rate * x * dz_o
    b_h, b_o = 0.1 - rate * dz_h, -0.2 - rate * dz_o
    y_h_after = math.tanh(b_h + w_ih * x)
    y_o_after = 1 / (1 + math.exp(-(b_o + w_ho * y_h_after + w_io * x)))
    assert trace.loss_after == pytest.approx(0.5 * (y_o_after - t) ** 2, rel=1e-13)
    # The update is only described: the network keeps every weight and bias it had.
    assert [(c.key, c.weight) for c in network.connections] == before
    assert [(n.id, n.bias) for n in network.neurons] == biases


def test_a_minibatch_trace_needs_no_copy_and_its_loss_after_is_that_of_the_updated_network(
    no_copies,
):
    xs, targets = [[0.5], [-1.0], [2.0]], [[1.0], [0.0], [0.3]]
    batch = trace_minibatch(chain(), xs, targets)
    # The same network built again and given the update's values by hand: its mean loss.
    updated = chain()
    for w in batch.update.weights:
        updated.set_weight(w.source, w.target, w.after)
    for b in batch.update.biases:
        updated.set_bias(b.neuron, b.after)
    losses = [trace_sample(updated, x, t).loss for x, t in zip(xs, targets)]
    assert batch.loss_after == pytest.approx(sum(losses) / len(losses), rel=1e-13)
    assert batch.loss_after != pytest.approx(batch.loss, rel=1e-6)  # the step did move it


def test_an_update_that_would_make_a_weight_infinite_is_refused_as_the_network_refuses_it():
    network = Network()
    network.add_neuron(Neuron("i1", "input"))
    network.add_neuron(Neuron("o1", "output", "linear", 0.0))
    network.connect("i1", "o1", 1e200)
    with pytest.raises(NetworkEditError, match="a weight must be a finite number, not -inf"):
        trace_sample(network, [1e200], [0.0])
