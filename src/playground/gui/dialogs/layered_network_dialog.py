"""New layered network…: sizes such as 2-4-4-1, activations, initialisation and seed."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from playground.model.errors import PlaygroundError
from playground.model.initialisation import INITIALISATIONS, initialise_network
from playground.model.layout import layered_network, parse_layer_sizes
from playground.model.network import Network
from playground.model.vocabulary import ACTIVATIONS

# Marked here, translated where shown (the language may change after import).
INITIALISATION_NAMES = {
    "fan_in": QT_TRANSLATE_NOOP("LayeredNetworkDialog", "By fan-in (Glorot / He)"),
    "range": QT_TRANSLATE_NOOP("LayeredNetworkDialog", "Uniform in [−0.5, 0.5]"),
}


def initialisation_name(scheme: str) -> str:
    """The words for an initialisation scheme, in the user's language."""
    name = INITIALISATION_NAMES.get(scheme)
    return QCoreApplication.translate("LayeredNetworkDialog", name) if name else scheme


class LayeredNetworkDialog(QDialog):
    """Asks for the layers; `network()` builds the fully connected, initialised network."""

    def __init__(self, parent: QWidget | None = None, initialisation: str = "fan_in") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New Layered Network"))
        self.sizes = QLineEdit("2-4-4-1")
        self.sizes.setPlaceholderText(self.tr("inputs-hidden-…-outputs, e.g. 2-4-4-1"))
        self.hidden_activation = QComboBox()
        self.hidden_activation.addItems(ACTIVATIONS)
        self.hidden_activation.setCurrentText("tanh")
        self.output_activation = QComboBox()
        self.output_activation.addItems(ACTIVATIONS)
        self.output_activation.setCurrentText("sigmoid")
        self.initialisation = QComboBox()
        for scheme in INITIALISATIONS:
            self.initialisation.addItem(initialisation_name(scheme), scheme)
        self.initialisation.setCurrentIndex(INITIALISATIONS.index(initialisation))
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #c0392b")
        self.problem.setWordWrap(True)

        form = QFormLayout(self)
        form.addRow(self.tr("Layer sizes:"), self.sizes)
        form.addRow(self.tr("Hidden activation:"), self.hidden_activation)
        form.addRow(self.tr("Output activation:"), self.output_activation)
        form.addRow(self.tr("Initial weights:"), self.initialisation)
        form.addRow(self.tr("Seed:"), self.seed)
        form.addRow(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.sizes.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        try:
            parse_layer_sizes(self.sizes.text())
        except PlaygroundError as problem:
            self.problem.setText(str(problem))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        else:
            self.problem.setText("")
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)

    def network(self) -> Network:
        """The network the dialog describes, with seeded initial weights and zero biases."""
        network = layered_network(
            parse_layer_sizes(self.sizes.text()),
            self.hidden_activation.currentText(),
            self.output_activation.currentText(),
        )
        network.training = dataclasses.replace(network.training, seed=self.seed.value())
        initialise_network(network, self.initialisation.currentData(), self.seed.value())
        return network
