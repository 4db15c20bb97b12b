"""Which features feed the network: X₁, X₂, X₁², X₂², X₁X₂, sin X₁, sin X₂, as TF Playground offers.

One check box per feature of the data's raw columns; ticking one is one undo step that
adds an input neuron for it, unticking one removes that neuron. The model plans both and
refuses what it cannot do; the picker greys out what would be refused and says why.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from playground.gui.document import Document
from playground.model.errors import DataError, NetworkEditError
from playground.model.feature_inputs import feature_choice_refusal, features_in_use
from playground.model.features import available_features, feature_label


def _row(feature: str) -> int:
    """The grid row of a feature: the raw columns, their squares, their products, their sines."""
    if feature.startswith("sin"):
        return 3
    if "*" in feature:
        return 2
    return 1 if feature.endswith("^2") else 0


class FeaturePicker(QGroupBox):
    """Check boxes for the derived input columns the network's input neurons take."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Input features"))
        self.setToolTip(
            self.tr(
                "Feed the network columns computed from the raw inputs: each ticked feature "
                "is an input neuron of its own. The output view still plots over X₁ and X₂."
            )
        )
        self.document = document
        self.check_boxes: dict[str, QCheckBox] = {}
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(12)
        self._grid.setVerticalSpacing(2)
        self.note = QLabel()
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #666")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 6)
        layout.addLayout(self._grid)
        layout.addWidget(self.note)
        for signal in (
            document.data_changed,
            document.structure_changed,
            document.network_replaced,
        ):
            signal.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Show the features of the data's raw columns, ticked where they feed an input neuron."""
        network = self.document.network
        data = network.data
        offered = available_features(data.raw_width) if data is not None else ()
        if tuple(self.check_boxes) != offered:
            self._rebuild(offered)
        refusal = feature_choice_refusal(network)
        used = features_in_use(network)
        for feature, box in self.check_boxes.items():
            box.blockSignals(True)
            box.setChecked(feature in used)
            box.blockSignals(False)
            last = used == (feature,)
            box.setEnabled(refusal is None and not last)
            box.setToolTip(
                self.tr("The network needs at least one input; tick another feature first")
                if last
                else self.tr("Feed {feature} to an input neuron of its own").format(
                    feature=feature_label(feature)
                )
            )
        self.note.setText(
            self.tr("{reason}.").format(reason=refusal[0].upper() + refusal[1:]) if refusal else ""
        )
        self.note.setVisible(bool(refusal) and data is not None)
        self.setVisible(data is not None)

    def _rebuild(self, offered: tuple[str, ...]) -> None:
        for box in self.check_boxes.values():
            self._grid.removeWidget(box)
            box.deleteLater()
        self.check_boxes = {}
        columns = [0, 0, 0, 0]  # the next free column of each row
        for feature in offered:
            row = _row(feature)
            box = QCheckBox(feature_label(feature))
            box.setObjectName(f"feature {feature}")
            box.clicked.connect(lambda checked, f=feature: self._chosen(f, checked))
            # At its own size, not the cell's: a click right of a check box's text misses it.
            self._grid.addWidget(box, row, columns[row], Qt.AlignmentFlag.AlignLeft)
            columns[row] += 1
            self.check_boxes[feature] = box

    def _chosen(self, feature: str, used: bool) -> None:
        try:
            self.document.set_feature_used(feature, used)
        except (DataError, NetworkEditError) as refusal:
            self.refresh()
            self.note.setText(
                self.tr("{reason}. Nothing was changed.").format(reason=str(refusal).capitalize())
            )
            self.note.setVisible(True)
