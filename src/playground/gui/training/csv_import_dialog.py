"""Import CSV…: a preview of the file, a role for each column, and what the network lacks to take it."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playground.model.csv_import import CsvTable, dataset_from_csv
from playground.model.dataset import Dataset
from playground.model.errors import DataError
from playground.model.network import Network

INPUT, TARGET, UNUSED = "input", "target", "not used"
PREVIEW_ROWS = 40
WARNING_STYLE = "color: #8a1f11"


def _count(n: int, thing: str) -> str:
    return f"{n} {thing}" if n == 1 else f"{n} {thing}s"


class CsvImportDialog(QDialog):
    """Choose which columns of a CSV file are inputs and which are targets; builds the Dataset."""

    def __init__(
        self, path: str, table: CsvTable, network: Network, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.table = table
        self.network_inputs = len(network.input_ids())
        self.network_outputs = len(network.output_ids())
        self.dataset: Dataset | None = None
        self.setWindowTitle(f"Import {os.path.basename(path)}")
        self.setMinimumSize(560, 420)

        intro = QLabel(
            f"{_count(len(table.rows), 'row')} of {_count(len(table.header), 'column')}. "
            "Choose each column's role: inputs feed the input neurons in order, targets are "
            "what the output neurons should learn to give."
        )
        intro.setWordWrap(True)
        self.preview = self._build_preview()
        self.test_share = QSpinBox()
        self.test_share.setRange(0, 90)
        self.test_share.setSuffix(" %")
        self.test_share.setToolTip(
            "Rows set aside, at random, to measure the test loss; 0 keeps every row for training"
        )
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setToolTip("Seed of the random choice of test rows")
        options = QFormLayout()
        options.addRow("Test share:", self.test_share)
        options.addRow("Seed:", self.seed)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.create_missing = QCheckBox()
        self.create_missing.setToolTip(
            "Add the input or output neurons the chosen columns need, connected like the ones there are"
        )
        self.create_missing.toggled.connect(self._check)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(WARNING_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.preview, 1)
        row = QHBoxLayout()
        row.addLayout(options)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.counts)
        layout.addWidget(self.create_missing)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._check()

    # ----------------------------------------------------------------- building

    def _build_preview(self) -> QTableWidget:
        header, rows = self.table.header, self.table.rows
        shown = min(len(rows), PREVIEW_ROWS)
        preview = QTableWidget(shown + 1, len(header))
        preview.setHorizontalHeaderLabels(header)
        preview.setVerticalHeaderLabels(["role"] + [str(k + 2) for k in range(shown)])
        preview.setToolTip("The file's first rows (numbered as a spreadsheet numbers them)")
        self.role_boxes: list[QComboBox] = []
        for column, role in enumerate(self._default_roles()):
            box = QComboBox()
            box.addItems([INPUT, TARGET, UNUSED])
            box.setCurrentText(role)
            box.setToolTip(f"What column {header[column]!r} is")
            box.currentTextChanged.connect(self._check)
            preview.setCellWidget(0, column, box)
            self.role_boxes.append(box)
            for r in range(shown):
                item = QTableWidgetItem(f"{rows[r, column]:g}")
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                preview.setItem(r + 1, column, item)
        preview.resizeColumnsToContents()
        return preview

    def _default_roles(self) -> list[str]:
        """As many inputs as the network has from the first columns and targets from the last ones
        (where spreadsheets usually keep them); without enough columns, all but the last are inputs."""
        width = len(self.table.header)
        wanted = self.network_inputs + self.network_outputs
        if self.network_inputs and self.network_outputs and wanted <= width:
            return (
                [INPUT] * self.network_inputs
                + [UNUSED] * (width - wanted)
                + [TARGET] * self.network_outputs
            )
        return [INPUT] * (width - 1) + [TARGET] if width > 1 else [TARGET]

    # ----------------------------------------------------------------- choices

    def set_role(self, column: str, role: str) -> None:
        """Give a column (by its header name) a role."""
        self.role_boxes[self.table.header.index(column)].setCurrentText(role)

    def columns(self, role: str) -> list[str]:
        return [
            name
            for name, box in zip(self.table.header, self.role_boxes)
            if box.currentText() == role
        ]

    @property
    def missing_inputs(self) -> int:
        return max(0, len(self.columns(INPUT)) - self.network_inputs)

    @property
    def missing_outputs(self) -> int:
        return max(0, len(self.columns(TARGET)) - self.network_outputs)

    def _check(self, *_) -> None:
        inputs, targets = len(self.columns(INPUT)), len(self.columns(TARGET))
        self.counts.setText(
            f"Chosen: {_count(inputs, 'input column')} and {_count(targets, 'target column')}. "
            f"The network has {_count(self.network_inputs, 'input neuron')} and "
            f"{_count(self.network_outputs, 'output neuron')}."
        )
        problem = ""
        if inputs == 0 or targets == 0:
            problem = "Choose at least one input column and one target column."
        elif inputs < self.network_inputs or targets < self.network_outputs:
            problem = (
                "The network has more input or output neurons than the chosen columns: choose more "
                "columns, or delete the neurons the data cannot feed before importing."
            )
        missing = [
            _count(n, f"{kind} neuron")
            for n, kind in ((self.missing_inputs, "input"), (self.missing_outputs, "output"))
            if n
        ]
        self.create_missing.setVisible(bool(missing) and not problem)
        if missing:
            self.create_missing.setText(f"Create the missing {' and '.join(missing)}")
            if not problem and not self.create_missing.isChecked():
                problem = (
                    f"The data needs {' and '.join(missing)} more than the network has; "
                    "tick the box to create them."
                )
        self.counts.setStyleSheet(WARNING_STYLE if missing or problem else "")
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def accept(self) -> None:
        try:
            self.dataset = dataset_from_csv(
                self.path,
                self.columns(INPUT),
                self.columns(TARGET),
                test_fraction=self.test_share.value() / 100,
                seed=self.seed.value(),
            )
        except DataError as refusal:
            self.problem.setText(str(refusal))
            return
        super().accept()
