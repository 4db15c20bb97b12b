"""Seeded weights for a whole network, fast enough for 10,000 connections.

Draws exactly what `initialisation.initialise_network` draws (one `initial_weight`
per connection, in file order, from one generator), but counts every fan-in and
fan-out once up front instead of asking the network per connection.
"""

from __future__ import annotations

import numpy as np

from playground.model.initialisation import initial_weight
from playground.model.network import Network

Key = tuple[str, str]


def seeded_weights(
    network: Network, scheme: str, seed: int, low: float = -0.5, high: float = 0.5
) -> dict[Key, float]:
    """A new weight for every connection, from a generator seeded with `seed`."""
    fan_in: dict[str, int] = {}
    fan_out: dict[str, int] = {}
    for c in network.connections:
        fan_in[c.target] = fan_in.get(c.target, 0) + 1
        fan_out[c.source] = fan_out.get(c.source, 0) + 1
    activation = {n.id: n.activation for n in network.neurons}
    rng = np.random.default_rng(seed)
    return {
        c.key: initial_weight(
            rng, fan_in[c.target], fan_out[c.source], activation[c.target], scheme, low, high
        )
        for c in network.connections
    }


def initialise(network: Network, scheme: str, seed: int) -> None:
    """Set every weight from `seeded_weights` and every bias to 0."""
    for key, weight in seeded_weights(network, scheme, seed).items():
        network.set_weight(*key, weight)
    for neuron in network.neurons:
        if not neuron.is_input:
            network.set_bias(neuron.id, 0.0)
