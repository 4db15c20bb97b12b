"""Deleting a selection: neurons take their connections with them; undo puts all back in place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from playground.model.connection import Connection
from playground.model.network import RemovedNeuron

if TYPE_CHECKING:
    from playground.gui.document import Document


class RemoveItemsCommand(QUndoCommand):
    """Remove connections, then neurons; undo restores in exactly the reverse order."""

    def __init__(
        self,
        document: Document,
        text: str,
        neuron_ids: list[str],
        connection_keys: list[tuple[str, str]],
    ) -> None:
        super().__init__(text)
        self._document = document
        self._neuron_ids = list(neuron_ids)
        doomed = set(neuron_ids)
        # A connection touching a removed neuron goes with that neuron.
        self._connection_keys = [
            k for k in connection_keys if k[0] not in doomed and k[1] not in doomed
        ]
        self._removed_connections: list[tuple[int, Connection]] = []
        self._removed_neurons: list[RemovedNeuron] = []

    def redo(self) -> None:
        network = self._document.network
        self._removed_connections = [network.disconnect(*key) for key in self._connection_keys]
        self._removed_neurons = [network.remove_neuron(n) for n in self._neuron_ids]
        keys = [c.key for _, c in self._removed_connections]
        for removed in self._removed_neurons:
            keys.extend(c.key for _, c in removed.connections)
        self._document.announce(removed_connections=keys, removed_neurons=self._neuron_ids)

    def undo(self) -> None:
        network = self._document.network
        for removed in reversed(self._removed_neurons):
            network.restore_neuron(removed)
        for index, c in reversed(self._removed_connections):
            network.connect(c.source, c.target, c.weight, index)
        keys = [c.key for _, c in self._removed_connections]
        for removed in self._removed_neurons:
            keys.extend(c.key for _, c in removed.connections)
        self._document.announce(added_neurons=self._neuron_ids, added_connections=keys)
