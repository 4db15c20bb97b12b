"""Seeded starting weights: uniform by fan-in (Glorot or He) or uniform in a chosen range.

A network here is a graph, not a stack of dense layers, so the counts of a
layer become counts of the connection's ends: fan-in is how many connections
enter the target neuron, fan-out how many leave the source neuron. In a fully
connected layer these are the layer's input and output widths, as in Keras.
"""

import math

import numpy as np

from playground.model.errors import NetworkEditError
from playground.model.network import Network, not_one_of
from playground.model.vocabulary import ACTIVATIONS
from playground.translation import translate

INITIALISATIONS = ("fan_in", "range")

# Activations that zero or shrink half their inputs get He's larger limit.
HE_ACTIVATIONS = ("relu", "leaky_relu", "elu", "swish")


def fan_in_limit(fan_in: int, fan_out: int, activation: str) -> float:
    """The bound L of U(-L, L): He's sqrt(6/fan_in) for relu-like, else Glorot's sqrt(6/(fan_in+fan_out))."""
    if activation not in ACTIVATIONS:
        raise NetworkEditError(not_one_of(activation, ACTIVATIONS))
    if fan_in < 1 or fan_out < 0:
        raise NetworkEditError(
            translate(
                "Initialisation",
                "a weight needs a fan-in of at least 1 and a fan-out of at least 0, "
                "not {fan_in} and {fan_out}",
            ).format(fan_in=fan_in, fan_out=fan_out)
        )
    if activation in HE_ACTIVATIONS:
        return math.sqrt(6.0 / fan_in)
    return math.sqrt(6.0 / (fan_in + fan_out))


def initial_weight(
    rng: np.random.Generator,
    fan_in: int,
    fan_out: int,
    activation: str,
    scheme: str = "fan_in",
    low: float = -0.5,
    high: float = 0.5,
) -> float:
    """One starting weight for a connection into a neuron with this activation, drawn from rng."""
    _check_scheme(scheme, low, high)
    if scheme == "range":
        return float(rng.uniform(low, high))
    limit = fan_in_limit(fan_in, fan_out, activation)
    return float(rng.uniform(-limit, limit))


def initialise_network(
    network: Network,
    scheme: str = "fan_in",
    seed: int = 0,
    low: float = -0.5,
    high: float = 0.5,
    biases: float | None = 0.0,
) -> None:
    """Give every connection a fresh weight, in file order, and every bias `biases` (None keeps them)."""
    if biases is not None and not math.isfinite(biases):
        raise NetworkEditError(
            translate("Initialisation", "a bias must be a finite number, not {value!r}").format(
                value=biases
            )
        )
    for (source, target), weight in initial_weights(network, scheme, seed, low, high).items():
        network.set_weight(source, target, weight)
    if biases is not None:
        for neuron in network.neurons:
            if not neuron.is_input:
                network.set_bias(neuron.id, biases)


def initial_weights(
    network: Network, scheme: str = "fan_in", seed: int = 0, low: float = -0.5, high: float = 0.5
) -> dict[tuple[str, str], float]:
    """A fresh weight for every connection, drawn in file order from a generator seeded with `seed`."""
    _check_scheme(scheme, low, high)
    # Fans counted once: asking the network per connection is slow for 10,000 of them.
    fan_in: dict[str, int] = {}
    fan_out: dict[str, int] = {}
    for c in network.connections:
        fan_in[c.target] = fan_in.get(c.target, 0) + 1
        fan_out[c.source] = fan_out.get(c.source, 0) + 1
    rng = np.random.default_rng(seed)
    return {
        c.key: initial_weight(
            rng,
            fan_in[c.target],
            fan_out[c.source],
            network.neuron(c.target).activation_name,
            scheme,
            low,
            high,
        )
        for c in network.connections
    }


def new_connection_weight(
    network: Network,
    source: str,
    target: str,
    scheme: str,
    rng: np.random.Generator,
    low: float = -0.5,
    high: float = 0.5,
) -> float:
    """A starting weight for source → target, counting the connection as already added."""
    reason = network.connection_refusal(source, target)
    if reason:
        raise NetworkEditError(reason)
    return initial_weight(
        rng,
        len(network.incoming(target)) + 1,
        len(network.outgoing(source)) + 1,
        network.neuron(target).activation_name,
        scheme,
        low,
        high,
    )


def _check_scheme(scheme: str, low: float, high: float) -> None:
    if scheme not in INITIALISATIONS:
        raise NetworkEditError(
            translate(
                "Initialisation", "{scheme!r} is not an initialisation; choose one of {choices}"
            ).format(scheme=scheme, choices=", ".join(INITIALISATIONS))
        )
    if scheme == "range" and not (math.isfinite(low) and math.isfinite(high) and low < high):
        raise NetworkEditError(
            translate(
                "Initialisation",
                "the weight range needs two finite numbers, low below high, not [{low}, {high}]",
            ).format(low=low, high=high)
        )
