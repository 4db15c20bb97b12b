"""What a trace depends on: compared before every step, so the session notices any change."""

from __future__ import annotations

import dataclasses
from operator import attrgetter

from playground.model.network import Network

# Each part read into a list of its own: a tuple per connection made 10,000 objects for the
# cycle collector at every step, and its full collections were the slowest steps.
_NEURON_PARTS = tuple(map(attrgetter, ("id", "role", "activation", "bias")))
_CONNECTION_PARTS = tuple(map(attrgetter, ("source", "target", "weight")))


def fingerprint(network: Network, sample: tuple) -> tuple[tuple, tuple, tuple]:
    """What a trace depends on, in three parts: (the passes, the update's settings, the names).

    The forward and backward numbers depend on the first part only, the SGD update also on
    the second (η, momentum, L2…), the labels on the third. Positions are left out on purpose.
    """
    passes = (
        id(network),
        network.loss,
        # Read by attrgetter, a loop in C: at 10,000 connections a generator took 5–10 ms of
        # every step. Computed anew each time, as a change made outside the undo stack counts.
        *(list(map(part, network.neurons)) for part in _NEURON_PARTS),
        *(list(map(part, network.connections)) for part in _CONNECTION_PARTS),
        sample,
    )
    names = (passes[2], [n.label for n in network.neurons])
    return passes, dataclasses.astuple(network.training), names
