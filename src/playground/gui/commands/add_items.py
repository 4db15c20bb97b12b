"""Adding neurons and connections: one neuron, one connection, a paste, a full wiring."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from playground.model.connection import Connection
from playground.model.neuron import Neuron

if TYPE_CHECKING:
    from playground.gui.document import Document


class AddItemsCommand(QUndoCommand):
    """Append neurons, then connections, to the end of the file order; undo takes them away."""

    def __init__(
        self,
        document: Document,
        text: str,
        neurons: list[Neuron],
        connections: list[Connection],
    ) -> None:
        super().__init__(text)
        self._document = document
        # Own copies: the model mutates the neurons it holds, and redo must add pristine ones.
        self._neurons = [dataclasses.replace(n) for n in neurons]
        self._connections = [dataclasses.replace(c) for c in connections]

    def redo(self) -> None:
        network = self._document.network
        for neuron in self._neurons:
            network.add_neuron(dataclasses.replace(neuron))
        for c in self._connections:
            network.connect(c.source, c.target, c.weight)
        self._document.announce(
            added_neurons=[n.id for n in self._neurons],
            added_connections=[c.key for c in self._connections],
        )

    def undo(self) -> None:
        network = self._document.network
        for c in reversed(self._connections):
            network.disconnect(c.source, c.target)
        for neuron in reversed(self._neurons):
            network.remove_neuron(neuron.id)
        self._document.announce(
            removed_connections=[c.key for c in self._connections],
            removed_neurons=[n.id for n in self._neurons],
        )
