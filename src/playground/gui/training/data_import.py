"""Putting imported data into the network, with the input and output neurons it needs, as one undo step."""

from __future__ import annotations

import numpy as np

from playground.gui.document import Document
from playground.model.connection import Connection
from playground.model.dataset import Dataset
from playground.model.initialisation import initial_weight
from playground.model.network import Network
from playground.model.neuron import Neuron

SPACING = 90.0  # vertical gap between a new neuron and the one above it


def missing_neurons(
    network: Network, inputs: list[str], targets: list[str], scheme: str
) -> tuple[list[Neuron], list[Connection]]:
    """New input and output neurons for the columns the network lacks, wired like the existing ones.

    A new input feeds every neuron the existing inputs feed; a new output reads
    every neuron the existing outputs read, with their activation. Each is
    labelled with its column's name and placed below the last of its role.
    """
    trial = network.copy()
    rng = np.random.default_rng(network.training.seed)
    neurons: list[Neuron] = []
    wires: list[tuple[str, str]] = []
    for role, columns in (("input", inputs), ("output", targets)):
        existing = trial.ids_with_role(role)
        for column in columns[len(existing) :]:
            neuron_id = trial.fresh_id(role)
            x, y = _place(trial, existing)
            if role == "input":
                neuron = Neuron(neuron_id, role, None, None, x, y, column)
                partners = _unique(c.target for i in existing for c in trial.outgoing(i))
                pairs = [(neuron_id, p) for p in partners]
            else:
                activation = trial.neuron(existing[0]).activation if existing else "sigmoid"
                neuron = Neuron(neuron_id, role, activation, 0.0, x, y, column)
                partners = _unique(c.source for o in existing for c in trial.incoming(o))
                pairs = [(p, neuron_id) for p in partners]
            trial.add_neuron(neuron)
            for source, target in pairs:
                trial.connect(source, target, 0.0)
            neurons.append(neuron)
            wires.extend(pairs)
            existing = existing + [neuron_id]
    connections = [
        Connection(
            source,
            target,
            initial_weight(
                rng,
                len(trial.incoming(target)),
                len(trial.outgoing(source)),
                trial.neuron(target).activation,
                scheme,
            ),
        )
        for source, target in wires
    ]
    return [Neuron(**vars(n)) for n in neurons], connections


def _place(network: Network, ids: list[str]) -> tuple[float, float]:
    if ids:
        below = max(ids, key=lambda i: network.neuron(i).y)
        return network.neuron(below).x, network.neuron(below).y + SPACING
    xs = [n.x for n in network.neurons] or [0.0]
    return min(xs) - 200.0, 0.0


def _unique(ids) -> list[str]:
    return list(dict.fromkeys(ids))


def import_dataset(
    document: Document, dataset: Dataset, name: str, inputs: list[str], targets: list[str]
) -> None:
    """Give the network this data, first adding the neurons its columns need; one undo step."""
    neurons, connections = missing_neurons(
        document.network, inputs, targets, document.initialisation
    )
    stack = document.undo_stack
    stack.beginMacro(f"Import {name}")
    try:
        if neurons:
            document.add_items(neurons, connections, f"Add {len(neurons)} Neurons for {name}")
        document.set_data(dataset, f"Use the Data of {name}")
    finally:
        stack.endMacro()
