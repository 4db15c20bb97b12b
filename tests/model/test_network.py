"""The Network's edit operations: each refusal, and every edit undone by its inverse."""

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playground.model.errors import NetworkEditError
from playground.model.network import Network
from playground.model.neuron import Neuron
from playground.model.vocabulary import ACTIVATIONS, LOSSES, ROLES


def chain() -> Network:
    """i1 → h1 → o1, plus a second input i2 feeding h1."""
    network = Network(name="chain")
    network.add_neuron(Neuron("i1", "input"))
    network.add_neuron(Neuron("i2", "input", x=0.0, y=100.0))
    network.add_neuron(Neuron("h1", "hidden", "tanh", 0.5, 200.0, 0.0))
    network.add_neuron(Neuron("o1", "output", "sigmoid", -0.25, 400.0, 0.0))
    network.connect("i1", "h1", 0.75)
    network.connect("i2", "h1", -1.5)
    network.connect("h1", "o1", 2.0)
    return network


def refused(network: Network, edit, message: str) -> None:
    """The edit raises NetworkEditError with exactly `message`, and changes nothing."""
    before = network.copy()
    with pytest.raises(NetworkEditError) as caught:
        edit(network)
    assert str(caught.value) == message
    assert_same(network, before)


def assert_same(network: Network, expected: Network) -> None:
    """Equal, and every index the network keeps agrees with its lists."""
    assert network == expected
    assert [n.id for n in network.neurons] == [n.id for n in expected.neurons]
    assert network.topological_order() == expected.topological_order()
    for neuron in expected.neurons:
        assert network.neuron(neuron.id) is network.neurons[network.neuron_index(neuron.id)]
        assert [c.key for c in network.incoming(neuron.id)] == [
            c.key for c in expected.incoming(neuron.id)
        ]
        assert [c.key for c in network.outgoing(neuron.id)] == [
            c.key for c in expected.outgoing(neuron.id)
        ]
        assert network.sources(neuron.id) == {
            c.source for c in expected.connections if c.target == neuron.id
        }
    for connection in network.connections:
        assert network.connection(*connection.key) is connection


# ----------------------------------------------------------------- refusals


def test_a_connection_that_closes_a_loop_is_refused_naming_the_cycle():
    refused(
        chain(),
        lambda n: n.connect("o1", "h1", 1.0),
        "connecting o1 → h1 would make a cycle: h1 → o1 → h1",
    )


def test_a_longer_cycle_is_named_neuron_by_neuron():
    network = chain()
    network.add_neuron(Neuron("h2", "hidden", "relu", 0.0))
    network.connect("o1", "h2", 1.0)
    refused(
        network,
        lambda n: n.connect("h2", "h1", 1.0),
        "connecting h2 → h1 would make a cycle: h1 → o1 → h2 → h1",
    )


@pytest.mark.parametrize(
    ("source", "target", "message"),
    [
        ("i1", "h1", "the connection i1 → h1 exists already"),
        ("h1", "h1", "a neuron cannot connect to itself (h1 → h1)"),
        ("h1", "i2", "i2 is an input neuron; nothing can connect into an input"),
        ("i1", "i2", "i2 is an input neuron; nothing can connect into an input"),
        ("i1", "h9", "there is no neuron 'h9'"),
        ("x", "o1", "there is no neuron 'x'"),
    ],
)
def test_connections_that_break_the_rules_are_refused(source, target, message):
    refused(chain(), lambda n: n.connect(source, target, 1.0), message)


@pytest.mark.parametrize(
    ("neuron", "message"),
    [
        (
            Neuron("i3", "input", activation="tanh"),
            "i3 is an input neuron; inputs have no activation or bias",
        ),
        (
            Neuron("i3", "input", bias=0.0),
            "i3 is an input neuron; inputs have no activation or bias",
        ),
        (Neuron("h1", "hidden", "tanh", 0.0), "there is already a neuron with id 'h1'"),
        (Neuron("", "hidden", "tanh", 0.0), "a neuron needs a non-empty id"),
        (Neuron("h2", "middle", "tanh", 0.0), "'middle' is not one of input, hidden, output"),
        (
            Neuron("h2", "hidden", "sigmod", 0.0),
            "'sigmod' is not one of linear, sigmoid, tanh, relu, leaky_relu, elu, softplus, swish, sin",
        ),
        (Neuron("h2", "hidden", "tanh", math.nan), "a bias must be a finite number, not nan"),
        (
            Neuron("h2", "hidden", "tanh", 0.0, x=math.inf),
            "a position must be a finite number, not inf",
        ),
        (Neuron("h2", "hidden", "tanh", None), "a bias must be a finite number, not None"),
    ],
)
def test_neurons_that_break_the_rules_are_refused(neuron, message):
    refused(chain(), lambda n: n.add_neuron(neuron), message)


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, True, "0.5", None, 10**400])
def test_non_finite_or_non_numbers_are_refused_everywhere(value):
    network = chain()
    refused(
        network,
        lambda n: n.connect("i1", "o1", value),
        f"a weight must be a finite number, not {value!r}"
        if value != 10**400
        else "a weight must be a finite number, not a whole number too large for a float",
    )
    for edit in (
        lambda n: n.set_weight("i1", "h1", value),
        lambda n: n.set_bias("h1", value),
        lambda n: n.set_position("h1", value, 0.0),
        lambda n: n.set_position("h1", 0.0, value),
    ):
        before = network.copy()
        with pytest.raises(NetworkEditError, match="must be a finite number"):
            edit(network)
        assert_same(network, before)


def test_inputs_take_no_bias_or_activation_and_keep_no_incoming_connections():
    refused(chain(), lambda n: n.set_bias("i1", 1.0), "i1 is an input neuron; inputs have no bias")
    refused(
        chain(),
        lambda n: n.set_activation("i1", "tanh"),
        "i1 is an input neuron; inputs have no activation",
    )
    refused(
        chain(),
        lambda n: n.set_role("h1", "input"),
        "h1 has incoming connections; an input neuron cannot have any",
    )


def test_unknown_words_are_refused():
    refused(
        chain(),
        lambda n: n.set_activation("h1", "step"),
        "'step' is not one of linear, sigmoid, tanh, relu, leaky_relu, elu, softplus, swish, sin",
    )
    refused(
        chain(),
        lambda n: n.set_loss("hinge"),
        "'hinge' is not one of squared_error, binary_cross_entropy",
    )
    refused(
        chain(), lambda n: n.set_role("h1", "bias"), "'bias' is not one of input, hidden, output"
    )


# ----------------------------------------------------------------- reading


def test_topological_order_puts_every_neuron_after_the_ones_that_feed_it():
    network = chain()
    network.add_neuron(Neuron("h0", "hidden", "tanh", 0.0), index=0)
    network.connect("o1", "h0", 1.0)
    assert network.topological_order() == ["i1", "i2", "h1", "o1", "h0"]
    assert network.path("i1", "h0") == ["i1", "h1", "o1", "h0"]
    assert network.path("h0", "i1") is None


def test_integers_become_floats():
    network = Network()
    network.add_neuron(Neuron("h1", "hidden", "tanh", 1, 2, 3))
    assert [type(v) for v in (network.neuron("h1").bias, network.neuron("h1").x)] == [float, float]


# ----------------------------------------------------------------- edits and their inverses

finite = st.floats(allow_nan=False, allow_infinity=False)


def _pick(data, items, label):
    return data.draw(st.sampled_from(items), label=label) if items else None


def random_edit(network: Network, data):
    """Apply one random edit; return its inverse (a function of the network), or None if refused."""
    ids = [n.id for n in network.neurons]
    kind = data.draw(
        st.sampled_from(
            [
                "add",
                "remove",
                "connect",
                "disconnect",
                "weight",
                "bias",
                "activation",
                "label",
                "position",
                "role",
                "loss",
            ]
        ),
        label="edit",
    )
    neuron_id = _pick(data, ids, "neuron")
    if kind == "add":
        role = data.draw(st.sampled_from(ROLES))
        activation = None if role == "input" else data.draw(st.sampled_from(ACTIVATIONS))
        bias = None if role == "input" else data.draw(finite)
        new = Neuron(
            network.fresh_id(role),
            role,
            activation,
            bias,
            data.draw(finite),
            data.draw(finite),
            data.draw(st.none() | st.text(min_size=1, max_size=3)),
        )
        network.add_neuron(new, data.draw(st.integers(0, len(ids))))
        return lambda n: n.remove_neuron(new.id)
    if kind == "loss":
        old = network.set_loss(data.draw(st.sampled_from(LOSSES)))
        return lambda n: n.set_loss(old)
    if neuron_id is None:
        return None
    if kind == "remove":
        removed = network.remove_neuron(neuron_id)
        return lambda n: n.restore_neuron(removed)
    if kind == "connect":
        target = _pick(data, ids, "target")
        index = data.draw(st.integers(0, len(network.connections)))
        network.connect(neuron_id, target, data.draw(finite), index)
        return lambda n: n.disconnect(neuron_id, target)
    if kind in ("disconnect", "weight"):
        connection = _pick(data, network.connections, "connection")
        if connection is None:
            return None
        if kind == "disconnect":
            index, gone = network.disconnect(*connection.key)
            return lambda n: n.connect(gone.source, gone.target, gone.weight, index)
        old = network.set_weight(*connection.key, data.draw(finite))
        return lambda n: n.set_weight(*connection.key, old)
    if kind == "bias":
        old = network.set_bias(neuron_id, data.draw(finite))
        return lambda n: n.set_bias(neuron_id, old)
    if kind == "activation":
        old = network.set_activation(neuron_id, data.draw(st.sampled_from(ACTIVATIONS)))
        return lambda n: n.set_activation(neuron_id, old)
    if kind == "label":
        old = network.set_label(neuron_id, data.draw(st.none() | st.text(max_size=3)))
        return lambda n: n.set_label(neuron_id, old)
    if kind == "position":
        old = network.set_position(neuron_id, data.draw(finite), data.draw(finite))
        return lambda n: n.set_position(neuron_id, *old)
    role = data.draw(st.sampled_from(ROLES))
    activation = data.draw(st.none() | st.sampled_from(ACTIVATIONS))
    bias = data.draw(st.none() | finite)
    old_role, old_activation, old_bias = network.set_role(neuron_id, role, activation, bias)
    return lambda n: n.set_role(neuron_id, old_role, old_activation, old_bias)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), steps=st.integers(1, 25))
def test_every_edit_undone_by_its_inverse_restores_the_network_exactly(data, steps):
    network = chain()
    history: list[tuple[Network, object]] = []
    for _ in range(steps):
        before = network.copy()
        try:
            inverse = random_edit(network, data)
        except NetworkEditError:
            assert_same(network, before)  # a refusal changes nothing
            continue
        if inverse is not None:
            history.append((before, inverse))
    # Undo in reverse: after each inverse the network is exactly as before its edit.
    for before, inverse in reversed(history):
        inverse(network)
        assert_same(network, before)
    assert_same(network, chain())


def test_removing_a_neuron_and_restoring_it_puts_connections_back_at_their_indices():
    network = chain()
    network.add_neuron(Neuron("o2", "output", "linear", 0.0))
    network.connect("i1", "o2", 3.0)
    network.connect("h1", "o2", 4.0)
    keys = [c.key for c in network.connections]
    removed = network.remove_neuron("h1")
    assert [c.key for c in network.connections] == [("i1", "o2")]
    assert [index for index, _ in removed.connections] == [0, 1, 2, 4]
    network.restore_neuron(removed)
    assert [c.key for c in network.connections] == keys


def test_set_role_both_ways_restores_activation_and_bias():
    network = chain()
    old = network.set_role("o1", "hidden", "relu", 1.5)
    assert (network.neuron("o1").role, network.neuron("o1").activation) == ("hidden", "relu")
    network.set_role("o1", *old)
    assert_same(network, chain())
    network.disconnect("i1", "h1")
    network.disconnect("i2", "h1")
    before = network.copy()
    old = network.set_role("h1", "input")
    assert (network.neuron("h1").activation, network.neuron("h1").bias) == (None, None)
    assert network.input_ids() == ["i1", "i2", "h1"]
    network.set_role("h1", *old)
    assert_same(network, before)
