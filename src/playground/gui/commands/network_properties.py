"""Renaming the network and changing its description (Network ▸ Properties), one undo step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from playground.gui.document import Document


class SetNetworkPropertiesCommand(QUndoCommand):
    """Set the network's name and description; undo puts both back exactly as they were."""

    def __init__(self, document: Document, text: str, name: str, description: str) -> None:
        super().__init__(text)
        self._document = document
        self._new = (name, description)
        self._old: tuple[str | None, object] = (None, None)

    def redo(self) -> None:
        network = self._document.network
        # The model checks the name again: a refused one raises before anything changed.
        old_name = network.set_name(self._new[0])
        self._old = (old_name, network.set_description(self._new[1]))
        self._document.properties_changed.emit()

    def undo(self) -> None:
        network = self._document.network
        network.set_name(self._old[0])
        network.set_description(self._old[1])
        self._document.properties_changed.emit()
