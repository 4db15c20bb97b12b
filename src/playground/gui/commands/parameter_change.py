"""Changing numbers: one weight, one bias, or many at once (randomize, train, an SGD step)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from playground.gui.document import Document


class ParameterChangeCommand(QUndoCommand):
    """Set many weights and biases in one undo step."""

    def __init__(
        self,
        document: Document,
        text: str,
        weights: dict[tuple[str, str], float],
        biases: dict[str, float],
    ) -> None:
        super().__init__(text)
        self._document = document
        self._new_weights = dict(weights)
        self._new_biases = dict(biases)
        self._old_weights: dict[tuple[str, str], float] = {}
        self._old_biases: dict[str, float] = {}

    def redo(self) -> None:
        network = self._document.network
        self._old_weights = {k: network.set_weight(*k, w) for k, w in self._new_weights.items()}
        self._old_biases = {n: network.set_bias(n, b) for n, b in self._new_biases.items()}
        self._announce()

    def undo(self) -> None:
        network = self._document.network
        for key, weight in self._old_weights.items():
            network.set_weight(*key, weight)
        for neuron_id, bias in self._old_biases.items():
            network.set_bias(neuron_id, bias)
        self._announce()

    def _announce(self) -> None:
        self._document.announce(
            changed_connections=list(self._new_weights),
            changed_neurons=list(self._new_biases),
            parameters=True,
        )
