"""What a trace depends on: compared before every step, so the session notices any change."""

from __future__ import annotations

import dataclasses
from operator import attrgetter

from playground.model.network import Network

_NEURON_PARTS = attrgetter("id", "role", "activation", "bias")
_CONNECTION_PARTS = attrgetter("source", "target", "weight")


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
        tuple(map(_NEURON_PARTS, network.neurons)),
        tuple(map(_CONNECTION_PARTS, network.connections)),
        sample,
    )
    names = tuple((n.id, n.label) for n in network.neurons)
    return passes, dataclasses.astuple(network.training), names
