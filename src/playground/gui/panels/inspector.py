"""The Inspector: the chosen neuron's or connection's fields, each change one undo step."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from playground.gui.canvas.role_words import role_word
from playground.gui.canvas.scene import NetworkScene
from playground.gui.document import Document
from playground.gui.panels.activation_plot import ActivationPlot
from playground.model.errors import NetworkEditError
from playground.model.vocabulary import ACTIVATIONS, ROLES

MIXED = "(mixed)"


def parse_number(text: str) -> float:
    """A number as typed: accepts the typographic minus the canvas shows."""
    return float(text.strip().replace("−", "-"))


class Inspector(QWidget):
    """Shows one neuron, one connection, or several neurons; edits go through the document."""

    # What happened to an edit that was refused, for the window's status bar.
    status_message = Signal(str)

    def __init__(
        self, document: Document, scene: NetworkScene, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.scene = scene
        self.neuron_id: str | None = None
        self.connection_key: tuple[str, str] | None = None
        self.neuron_ids: list[str] = []

        self.pages = QStackedWidget()
        self.empty_page = QLabel(
            self.tr("Select a neuron or a connection\nto see and edit it here.")
        )
        self.empty_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_page.setStyleSheet("color: #777")
        self.pages.addWidget(self.empty_page)
        self.pages.addWidget(self._build_neuron_page())
        self.pages.addWidget(self._build_connection_page())
        self.pages.addWidget(self._build_many_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.pages)
        layout.addStretch(1)

        scene.selectionChanged.connect(self.refresh)
        # Coarse signals where a command may name thousands of items at once.
        for signal in (
            document.neuron_changed,
            document.connection_changed,
            document.structure_changed,
            document.all_parameters_changed,
            document.network_replaced,
        ):
            signal.connect(self.refresh)
        self.refresh()

    # ----------------------------------------------------------------- pages

    def _build_neuron_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        self.id_label = QLabel()
        self.id_label.setTextFormat(Qt.TextFormat.PlainText)  # an id from a file, shown as written
        self.id_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label_edit = QLineEdit()
        self.label_edit.setPlaceholderText(self.tr("none (the id is shown)"))
        self.role_combo = QComboBox()
        for role in ROLES:  # shown in the user's words, kept as the model's id
            self.role_combo.addItem(role_word(role), role)
        self.activation_combo = QComboBox()
        self.activation_combo.addItems(ACTIVATIONS)
        self.plot = ActivationPlot()
        self.bias_edit = QLineEdit()
        form.addRow(self.tr("Id:"), self.id_label)
        form.addRow(self.tr("Label:"), self.label_edit)
        form.addRow(self.tr("Role:"), self.role_combo)
        form.addRow(self.tr("Activation:"), self.activation_combo)
        form.addRow(self.plot)
        form.addRow(self.tr("Bias:"), self.bias_edit)
        self.label_edit.editingFinished.connect(self._label_edited)
        self.role_combo.activated.connect(self._role_chosen)
        self.activation_combo.activated.connect(self._activation_chosen)
        self.bias_edit.editingFinished.connect(self._bias_edited)
        return page

    def _build_connection_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        self.connection_label = QLabel()
        self.connection_label.setTextFormat(Qt.TextFormat.PlainText)
        self.weight_edit = QLineEdit()
        form.addRow(self.tr("Connection:"), self.connection_label)
        form.addRow(self.tr("Weight:"), self.weight_edit)
        self.weight_edit.editingFinished.connect(self._weight_edited)
        return page

    def _build_many_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        self.many_label = QLabel()
        self.many_label.setWordWrap(True)
        self.many_activation = QComboBox()
        self.many_activation.addItem(self.tr("(mixed)"), MIXED)
        for activation in ACTIVATIONS:
            self.many_activation.addItem(activation, activation)
        self.many_bias = QLineEdit()
        self.many_bias.setPlaceholderText(self.tr("(mixed)"))
        form.addRow(self.many_label)
        form.addRow(self.tr("Activation, all:"), self.many_activation)
        form.addRow(self.tr("Bias, all:"), self.many_bias)
        self.many_activation.activated.connect(self._many_activation_chosen)
        self.many_bias.editingFinished.connect(self._many_bias_edited)
        return page

    # ----------------------------------------------------------------- showing

    def refresh(self, *_) -> None:
        """Show what is selected now, as the model has it."""
        if not shiboken6.isValid(self.scene):
            return  # the window is being torn down, the scene first
        neurons = self.scene.selected_neuron_ids()
        keys = self.scene.selected_connection_keys()
        network = self.document.network
        self.neuron_id = self.connection_key = None
        self.neuron_ids = []
        if len(neurons) == 1 and not keys:
            self.neuron_id = neurons[0]
            neuron = network.neuron(self.neuron_id)
            self.id_label.setText(neuron.id)
            _set_text(self.label_edit, neuron.label or "")
            _set_combo_data(self.role_combo, neuron.role)
            self.activation_combo.setEnabled(not neuron.is_input)
            self.bias_edit.setEnabled(not neuron.is_input)
            _set_combo(self.activation_combo, neuron.activation or "linear")
            _set_text(self.bias_edit, "" if neuron.is_input else repr(neuron.bias))
            self.bias_edit.setPlaceholderText(
                self.tr("inputs have no bias") if neuron.is_input else ""
            )
            self.plot.set_activation(neuron.activation)
            self.pages.setCurrentIndex(1)
        elif len(keys) == 1 and not neurons:
            self.connection_key = keys[0]
            weight = network.connection(*keys[0]).weight
            self.connection_label.setText(f"{keys[0][0]} → {keys[0][1]}")
            _set_text(self.weight_edit, repr(weight))
            self.pages.setCurrentIndex(2)
        elif len(neurons) > 1:
            self.neuron_ids = [n for n in neurons if not network.neuron(n).is_input]
            inputs = len(neurons) - len(self.neuron_ids)
            text = self.tr("{n} neurons selected").format(n=len(neurons))
            if inputs:
                text += self.tr(" ({n} inputs, which have no activation or bias)").format(n=inputs)
            if keys:
                text += self.tr(", and {n} connections").format(n=len(keys))
            self.many_label.setText(text)
            activations = {network.neuron(n).activation for n in self.neuron_ids}
            biases = {network.neuron(n).bias for n in self.neuron_ids}
            _set_combo_data(
                self.many_activation, activations.pop() if len(activations) == 1 else MIXED
            )
            _set_text(self.many_bias, repr(biases.pop()) if len(biases) == 1 else "")
            self.many_activation.setEnabled(bool(self.neuron_ids))
            self.many_bias.setEnabled(bool(self.neuron_ids))
            self.pages.setCurrentIndex(3)
        else:
            self.pages.setCurrentIndex(0)

    # ----------------------------------------------------------------- editing

    def _attempt(self, edit) -> None:
        try:
            edit()
        except (NetworkEditError, ValueError) as refused:
            self.status_message.emit(self.tr("Not changed: {reason}").format(reason=refused))
            self.refresh()

    def _label_edited(self) -> None:
        if self.neuron_id is not None:
            text = self.label_edit.text().strip() or None
            if text != self.document.network.neuron(self.neuron_id).label:
                self._attempt(lambda: self.document.set_label(self.neuron_id, text))

    def _role_chosen(self) -> None:
        if self.neuron_id is not None:
            role = self.role_combo.currentData()
            self._attempt(lambda: self.document.set_role(self.neuron_id, role))
            self.refresh()

    def _activation_chosen(self) -> None:
        if self.neuron_id is not None:
            activation = self.activation_combo.currentText()
            self._attempt(lambda: self.document.set_activation(self.neuron_id, activation))

    def _bias_edited(self) -> None:
        if self.neuron_id is None or self.document.network.neuron(self.neuron_id).is_input:
            return
        self._edit_number(
            self.bias_edit,
            self.document.network.neuron(self.neuron_id).bias,
            lambda value: self.document.set_bias(self.neuron_id, value),
        )

    def _weight_edited(self) -> None:
        if self.connection_key is not None:
            key = self.connection_key
            self._edit_number(
                self.weight_edit,
                self.document.network.connection(*key).weight,
                lambda value: self.document.set_weight(*key, value),
            )

    def _many_activation_chosen(self) -> None:
        activation = self.many_activation.currentData()
        if self.neuron_ids and activation != MIXED:
            ids = list(self.neuron_ids)
            self._attempt(lambda: self.document.set_activation(ids, activation))

    def _many_bias_edited(self) -> None:
        text = self.many_bias.text()
        if not self.neuron_ids or not text.strip():
            return
        try:
            value = parse_number(text)
        except ValueError:
            self.status_message.emit(
                self.tr("{text} is not a number; nothing changed.").format(text=repr(text))
            )
            self.refresh()
            return
        ids = list(self.neuron_ids)
        self._attempt(lambda: self.document.set_bias(ids, value))

    def _edit_number(self, field: QLineEdit, current: float, apply) -> None:
        try:
            value = parse_number(field.text())
        except ValueError:
            self.status_message.emit(
                self.tr("{text} is not a number; nothing changed.").format(text=repr(field.text()))
            )
            _set_text(field, repr(current))
            return
        if value != current:
            self._attempt(lambda: apply(value))


def _set_text(field: QLineEdit, text: str) -> None:
    if field.text() != text:
        field.blockSignals(True)
        field.setText(text)
        field.blockSignals(False)


def _set_combo(combo: QComboBox, text: str) -> None:
    combo.blockSignals(True)
    combo.setCurrentText(text)
    combo.blockSignals(False)


def _set_combo_data(combo: QComboBox, data: str) -> None:
    """Choose the item that stands for `data` (a model id), whatever words it shows."""
    combo.blockSignals(True)
    combo.setCurrentIndex(combo.findData(data))
    combo.blockSignals(False)
