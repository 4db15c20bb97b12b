"""The Network menu's whole-network edits; each returns the message for the status bar."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from playground.gui.canvas.scene import NetworkScene
from playground.model.initialisation import initial_weights
from playground.model.layout import auto_arrange

translate = QCoreApplication.translate

# Neurons whose x differ by less than this count as one column.
COLUMN_TOLERANCE = 30.0


def selected_columns(scene: NetworkScene) -> list[list[str]]:
    """The selected neurons grouped into columns by x, left to right."""
    network = scene.document.network
    ids = sorted(scene.selected_neuron_ids(), key=lambda n: network.neuron(n).x)
    columns: list[list[str]] = []
    last_x = None
    for neuron_id in ids:
        x = network.neuron(neuron_id).x
        if last_x is None or x - last_x > COLUMN_TOLERANCE:
            columns.append([])
        columns[-1].append(neuron_id)
        last_x = x
    return columns


def connect_selected_fully(scene: NetworkScene) -> str:
    """Connect each column of the selection to every neuron of the next column to its right."""
    columns = selected_columns(scene)
    if len(columns) < 2:
        return translate(
            "NetworkActions",
            "Select neurons in at least two columns: each column connects to the next.",
        )
    document = scene.document
    order = {n.id: k for k, n in enumerate(document.network.neurons)}
    added = document.connect_columns([sorted(c, key=order.__getitem__) for c in columns])
    if added == 0:
        return translate(
            "NetworkActions",
            "No connection added: every pair was connected already or not allowed.",
        )
    return translate("NetworkActions", "Added {n} connections.").format(n=added)


def arrange(scene: NetworkScene) -> str:
    positions = auto_arrange(scene.document.network)
    scene.document.move_neurons(positions)
    return translate("NetworkActions", "Arranged in columns by topological level.")


def randomize_weights(scene: NetworkScene, seed: int) -> str:
    document = scene.document
    weights = initial_weights(document.network, document.initialisation, seed)
    document.push_parameter_change(
        translate("NetworkActions", "Randomize Weights (seed {seed})").format(seed=seed),
        weights,
        {},
    )
    return translate(
        "NetworkActions", "Randomized {n} weights with seed {seed} ({scheme})."
    ).format(n=len(weights), seed=seed, scheme=document.initialisation)


def zero_weights(scene: NetworkScene) -> str:
    document = scene.document
    weights = {c.key: 0.0 for c in document.network.connections if c.weight != 0.0}
    document.push_parameter_change(
        translate("NetworkActions", "Set All Weights to Zero"), weights, {}
    )
    return translate("NetworkActions", "Every weight is now 0.")
