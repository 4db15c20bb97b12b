"""Moving neurons on the canvas: a drag of many neurons, or an auto-arrange, is one step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from playground.gui.document import Document


class MoveNeuronsCommand(QUndoCommand):
    """Set the positions of several neurons; undo puts back the ones they had."""

    def __init__(
        self, document: Document, text: str, positions: dict[str, tuple[float, float]]
    ) -> None:
        super().__init__(text)
        self._document = document
        self._new = dict(positions)
        self._old: dict[str, tuple[float, float]] = {}

    def redo(self) -> None:
        network = self._document.network
        self._old = {n: network.set_position(n, x, y) for n, (x, y) in self._new.items()}
        self._document.announce(moved_neurons=list(self._new))

    def undo(self) -> None:
        network = self._document.network
        for neuron_id, (x, y) in self._old.items():
            network.set_position(neuron_id, x, y)
        self._document.announce(moved_neurons=list(self._new))
