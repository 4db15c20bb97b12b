"""Starting weights: within the Glorot / He limits worked out by hand, seeded, in file order."""

import math

import numpy as np
import pytest

from playground.model.errors import NetworkEditError
from playground.model.initialisation import (
    INITIALISATIONS,
    initial_weight,
    initialise_network,
    new_connection_weight,
)
from playground.model.network import Network
from playground.model.neuron import Neuron

DRAWS = 20_000


def draws(scheme="fan_in", **kwargs) -> np.ndarray:
    rng = np.random.default_rng(11)
    return np.array([initial_weight(rng, scheme=scheme, **kwargs) for _ in range(DRAWS)])


# ----------------------------------------------------------------- one weight


@pytest.mark.parametrize(
    "fan_in, fan_out, activation, limit",
    [
        # Glorot: sqrt(6 / (fan_in + fan_out)).
        (10, 14, "sigmoid", 0.5),  # sqrt(6/24) = sqrt(1/4)
        (2, 1, "tanh", math.sqrt(2)),  # sqrt(6/3)
        (3, 3, "linear", 1.0),  # sqrt(6/6)
        (20, 4, "sin", 0.5),  # sqrt(6/24)
        (1, 5, "softplus", 1.0),  # sqrt(6/6)
        # He: sqrt(6 / fan_in), fan_out plays no part.
        (6, 100, "relu", 1.0),  # sqrt(6/6)
        (24, 1, "leaky_relu", 0.5),  # sqrt(6/24)
        (2, 7, "elu", math.sqrt(3)),  # sqrt(6/2)
        (150, 2, "swish", 0.2),  # sqrt(6/150) = sqrt(1/25)
    ],
)
def test_fan_in_weights_fill_the_hand_computed_limit(fan_in, fan_out, activation, limit):
    w = draws(fan_in=fan_in, fan_out=fan_out, activation=activation)
    assert np.all(np.abs(w) <= limit)
    # 20 000 uniform draws come within 1 % of both ends (a miss has probability ~e^-100).
    assert w.max() > 0.99 * limit and w.min() < -0.99 * limit
    # Uniform on [-L, L] has mean 0 and variance L²/3.
    assert abs(w.mean()) < 0.03 * limit
    assert w.var() == pytest.approx(limit**2 / 3, rel=0.03)


def test_range_scheme_stays_in_low_high_and_ignores_fans():
    w = draws("range", fan_in=1, fan_out=1, activation="relu", low=-0.1, high=0.3)
    assert np.all((w >= -0.1) & (w <= 0.3))
    assert w.min() < -0.099 and w.max() > 0.299
    assert w.mean() == pytest.approx(0.1, abs=0.003)


def test_same_generator_state_gives_the_same_weight():
    a = initial_weight(np.random.default_rng(5), 4, 2, "tanh")
    b = initial_weight(np.random.default_rng(5), 4, 2, "tanh")
    c = initial_weight(np.random.default_rng(6), 4, 2, "tanh")
    assert a == b != c
    assert isinstance(a, float)


@pytest.mark.parametrize(
    "kwargs, words",
    [
        ({"scheme": "xavier"}, ["'xavier'", "fan_in", "range"]),
        ({"scheme": "range", "low": 0.5, "high": 0.5}, ["low below high"]),
        ({"scheme": "range", "low": 0.0, "high": math.inf}, ["finite"]),
        ({"activation": "sigmod"}, ["'sigmod'", "sigmoid"]),
        ({"fan_in": 0}, ["fan-in of at least 1"]),
    ],
)
def test_bad_requests_are_refused(kwargs, words):
    arguments = {"fan_in": 2, "fan_out": 2, "activation": "tanh"} | kwargs
    with pytest.raises(NetworkEditError) as refused:
        initial_weight(np.random.default_rng(0), **arguments)
    for word in words:
        assert word in str(refused.value)


def test_the_schemes_offered():
    assert INITIALISATIONS == ("fan_in", "range")


# ----------------------------------------------------------------- a whole network


def small_network() -> Network:
    """Six inputs into two relu neurons, both into one sigmoid output, plus a skip i1 → o1."""
    network = Network()
    for k in range(1, 7):
        network.add_neuron(Neuron(f"i{k}", "input"))
    network.add_neuron(Neuron("h1", "hidden", "relu", 0.7))
    network.add_neuron(Neuron("h2", "hidden", "relu", -0.7))
    network.add_neuron(Neuron("o1", "output", "sigmoid", 0.3))
    for k in range(1, 7):
        network.connect(f"i{k}", "h1", 9.0)
        network.connect(f"i{k}", "h2", 9.0)
    network.connect("h1", "o1", 9.0)
    network.connect("h2", "o1", 9.0)
    network.connect("i1", "o1", 9.0)
    return network


def expected_limits(network: Network) -> list[float]:
    """By hand: into h (relu, fan-in 6): sqrt(6/6) = 1.

    Into o1 (sigmoid, fan-in 3): from h1 or h2 (fan-out 1), sqrt(6/4);
    from i1 (fan-out 3: h1, h2, o1), sqrt(6/6) = 1.
    """
    limits = {"h1": 1.0, "h2": 1.0}
    return [
        limits.get(c.target, 1.0 if c.source == "i1" else math.sqrt(6 / 4))
        for c in network.connections
    ]


def test_weights_are_drawn_in_file_order_from_the_seed():
    network = small_network()
    initialise_network(network, seed=21)
    rng = np.random.default_rng(21)
    expected = [rng.uniform(-limit, limit) for limit in expected_limits(network)]
    assert [c.weight for c in network.connections] == expected


def test_same_seed_same_weights_other_seed_other_weights():
    first, again, other = small_network(), small_network(), small_network()
    initialise_network(first, seed=1)
    initialise_network(again, seed=1)
    initialise_network(other, seed=2)
    assert first.parameters_equal(again)
    assert not first.parameters_equal(other)


def test_biases_are_set_for_non_inputs_or_kept():
    network = small_network()
    initialise_network(network, biases=0.25)
    assert [n.bias for n in network.neurons] == [None] * 6 + [0.25, 0.25, 0.25]
    initialise_network(network, biases=None)
    assert [n.bias for n in network.neurons][6:] == [0.25, 0.25, 0.25]
    initialise_network(network)
    assert [n.bias for n in network.neurons][6:] == [0.0, 0.0, 0.0]


def test_range_scheme_over_a_network():
    network = small_network()
    initialise_network(network, scheme="range", seed=3, low=2.0, high=2.5)
    assert all(2.0 <= c.weight <= 2.5 for c in network.connections)


@pytest.mark.parametrize(
    "kwargs", [{"scheme": "nope"}, {"scheme": "range", "low": 1, "high": 0}, {"biases": math.nan}]
)
def test_a_refused_initialisation_changes_nothing(kwargs):
    network = small_network()
    with pytest.raises(NetworkEditError):
        initialise_network(network, **kwargs)
    assert network.parameters_equal(small_network())


# ----------------------------------------------------------------- one new connection


def test_new_connection_counts_itself_in_both_fans():
    network = Network()
    for neuron in (
        Neuron("i1", "input"),
        Neuron("i2", "input"),
        Neuron("h1", "hidden", "tanh", 0.0),
    ):
        network.add_neuron(neuron)
    network.connect("i1", "h1", 0.5)
    # i2 → h1 would give h1 a fan-in of 2 and i2 a fan-out of 1: sqrt(6/3) = sqrt(2).
    weight = new_connection_weight(network, "i2", "h1", "fan_in", np.random.default_rng(5))
    assert weight == np.random.default_rng(5).uniform(-math.sqrt(2), math.sqrt(2))


def test_new_connection_that_would_be_refused():
    network = small_network()
    with pytest.raises(NetworkEditError, match="input neuron"):
        new_connection_weight(network, "h1", "i2", "fan_in", np.random.default_rng(0))
