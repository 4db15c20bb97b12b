"""Putting imported data into the network, with the input and output neurons it needs, as one undo step."""

from __future__ import annotations

from collections import Counter

import numpy as np
from PySide6.QtCore import QCoreApplication

from playground.gui.document import Document
from playground.model.connection import Connection
from playground.model.dataset import Dataset
from playground.model.initialisation import initial_weight
from playground.model.network import ID_PREFIX, Network
from playground.model.neuron import Neuron

SPACING = 90.0  # vertical gap between a new neuron and the one above it


def missing_neurons(
    network: Network, inputs: list[str], targets: list[str], scheme: str
) -> tuple[list[Neuron], list[Connection]]:
    """New input and output neurons for the columns the network lacks, wired like the existing ones.

    A new input feeds every neuron the existing inputs feed; a new output reads
    every neuron the existing outputs read, with their activation. Each is
    labelled with its column's name and placed below the last of its role.

    Built without editing a copy neuron by neuron: for a file of thousands of
    columns that costs a search of the whole network per neuron. New neurons of
    one role share one set of partners, since none of them is a partner of another.
    """
    rng = np.random.default_rng(network.training.seed)
    taken = {n.id for n in network.neurons}
    neurons: list[Neuron] = []
    wires: list[tuple[str, str]] = []
    new_inputs: list[str] = []
    input_partners: set[str] = set()
    for role, columns in (("input", inputs), ("output", targets)):
        existing = network.ids_with_role(role)
        extra = columns[len(existing) :]
        if not extra:
            continue
        if role == "input":
            partners = _unique(c.target for i in existing for c in network.outgoing(i))
            input_partners = set(partners)
            activation = None
        else:
            sources: list[str] = []
            for output in existing:
                sources += [c.source for c in network.incoming(output)]
                if output in input_partners:  # the new inputs feed it too, wired after the rest
                    sources += new_inputs
            partners = _unique(sources)
            activation = network.neuron(existing[0]).activation if existing else "sigmoid"
        ids = _fresh_ids(ID_PREFIX[role], taken, len(extra))
        x, y = _place(network, existing, [n.x for n in neurons])
        for k, (neuron_id, column) in enumerate(zip(ids, extra)):
            below = y + k * SPACING
            if role == "input":
                neuron = Neuron(neuron_id, role, None, None, x, below, column)
                wires.extend((neuron_id, p) for p in partners)
                new_inputs.append(neuron_id)
            else:
                neuron = Neuron(neuron_id, role, activation, 0.0, x, below, column)
                wires.extend((p, neuron_id) for p in partners)
            neurons.append(neuron)
    activation_of = {n.id: n.activation for n in neurons}
    fan_in: Counter[str] = Counter(target for _, target in wires)
    fan_out: Counter[str] = Counter(source for source, _ in wires)
    incoming = {t: len(network.incoming(t)) for t in fan_in if network.has_neuron(t)}
    outgoing = {s: len(network.outgoing(s)) for s in fan_out if network.has_neuron(s)}
    connections = [
        Connection(
            source,
            target,
            initial_weight(
                rng,
                incoming.get(target, 0) + fan_in[target],
                outgoing.get(source, 0) + fan_out[source],
                activation_of[target]
                if target in activation_of
                else network.neuron(target).activation,
                scheme,
            ),
        )
        for source, target in wires
    ]
    return neurons, connections


def _fresh_ids(prefix: str, taken: set[str], count: int) -> list[str]:
    """`count` unused ids such as i3, i4, … (as Network.fresh_id would give one by one)."""
    ids, number = [], 1
    while len(ids) < count:
        candidate = f"{prefix}{number}"
        if candidate not in taken:
            ids.append(candidate)
            taken.add(candidate)
        number += 1
    return ids


def _place(network: Network, ids: list[str], added_xs: list[float]) -> tuple[float, float]:
    """Where the first new neuron of a role goes: below the lowest of the role, else left of all."""
    if ids:
        below = max(ids, key=lambda i: network.neuron(i).y)
        return network.neuron(below).x, network.neuron(below).y + SPACING
    xs = [n.x for n in network.neurons] + added_xs or [0.0]
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
    stack.beginMacro(QCoreApplication.translate("DataImport", "Import {name}").format(name=name))
    try:
        if neurons:
            text = QCoreApplication.translate("DataImport", "Add {n} Neurons for {name}")
            document.add_items(neurons, connections, text.format(n=len(neurons), name=name))
        text = QCoreApplication.translate("DataImport", "Use the Data of {name}")
        document.set_data(dataset, text.format(name=name))
    finally:
        stack.endMacro()
