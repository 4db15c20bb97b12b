"""Changing how the network trains: its training settings, its loss, its data.

None of these touch a neuron or a connection, so the canvas does not change;
the document emits `settings_changed` or `data_changed` for the panels that
depend on them (the training dock, the backward step-through).
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from playground.model.dataset import Dataset
from playground.model.training_settings import TrainingSettings

if TYPE_CHECKING:
    from playground.gui.document import Document

# Command ids for QUndoCommand.mergeWith: nudging one setting many times is one step.
SET_TRAINING_ID = 5101


class SetTrainingSettingsCommand(QUndoCommand):
    """Replace the network's training settings (learning rate, batch size, momentum, L2, seed)."""

    def __init__(self, document: Document, text: str, settings: TrainingSettings) -> None:
        super().__init__(text)
        self._document = document
        self._new = replace(settings)
        self._old = replace(document.network.training)
        # Only edits of the same fields merge (the batch size nudged up three times).
        self._fields = {
            f.name
            for f in fields(TrainingSettings)
            if getattr(self._old, f.name) != getattr(self._new, f.name)
        }

    def id(self) -> int:
        return SET_TRAINING_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetTrainingSettingsCommand) or other._fields != self._fields:
            return False
        self._new = replace(other._new)
        self.setText(other.text())
        return True

    def redo(self) -> None:
        self._document.network.training = replace(self._new)
        self._document.settings_changed.emit()

    def undo(self) -> None:
        self._document.network.training = replace(self._old)
        self._document.settings_changed.emit()


class SetLossCommand(QUndoCommand):
    """Choose the loss function the network is trained on."""

    def __init__(self, document: Document, loss: str) -> None:
        # Not a QObject, so no self.tr: the context is named by hand.
        text = QCoreApplication.translate("SetLossCommand", "Set Loss to {loss}")
        super().__init__(text.format(loss=loss.replace("_", " ")))
        self._document = document
        self._new = loss
        self._old = document.network.loss

    def redo(self) -> None:
        self._document.network.set_loss(self._new)
        self._document.settings_changed.emit()

    def undo(self) -> None:
        self._document.network.set_loss(self._old)
        self._document.settings_changed.emit()


class SetDataCommand(QUndoCommand):
    """Replace the network's data (a generator's, an imported table, or none)."""

    def __init__(self, document: Document, text: str, dataset: Dataset | None) -> None:
        super().__init__(text)
        self._document = document
        self._new = dataset
        self._old = document.network.data

    def redo(self) -> None:
        self._document.network.data = self._new
        self._document.data_changed.emit()

    def undo(self) -> None:
        self._document.network.data = self._old
        self._document.data_changed.emit()
