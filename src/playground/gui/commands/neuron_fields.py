"""Changing what a neuron is: its activation, label or role, for one neuron or several."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from playground.gui.document import Document

# Fields whose change alters what the engine compiles; a label is only drawn.
STRUCTURAL_FIELDS = ("activation", "role")


class SetNeuronFieldCommand(QUndoCommand):
    """Set `activation`, `label` or `role` of some neurons, each to its own new value."""

    def __init__(self, document: Document, text: str, field: str, values: dict[str, Any]) -> None:
        super().__init__(text)
        if field not in ("activation", "label", "role"):
            raise ValueError(f"unknown neuron field {field!r}")
        self._document = document
        self._field = field
        self._new = dict(values)
        self._old: dict[str, Any] = {}

    def redo(self) -> None:
        network = self._document.network
        setter = {
            "activation": network.set_activation,
            "label": network.set_label,
            "role": network.set_role,
        }[self._field]
        self._old = {n: setter(n, value) for n, value in self._new.items()}
        self._announce()

    def undo(self) -> None:
        network = self._document.network
        for neuron_id, old in self._old.items():
            if self._field == "activation":
                network.set_activation(neuron_id, old)
            elif self._field == "label":
                network.set_label(neuron_id, old)
            else:
                # set_role returned (role, activation, bias): hand them all back.
                network.set_role(neuron_id, *old)
        self._announce()

    def _announce(self) -> None:
        self._document.announce(
            changed_neurons=list(self._new),
            structure=self._field in STRUCTURAL_FIELDS,
            parameters=self._field == "role",
        )
