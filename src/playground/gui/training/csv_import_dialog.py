"""Import CSV…: a preview of the file, a role for each column, and what the network lacks to take it.

The preview is a table view over a small model: a file of 16,000 columns costs
16,000 header sections, not 16,000 combo boxes and 640,000 items. A column's
role is edited in place (a combo box opens on the role row only while editing).
Column names come from the file and are shown as plain text everywhere.
"""

from __future__ import annotations

import html
import os

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from playground.gui.training.sentences import join_sentences
from playground.model.csv_import import CsvTable, dataset_from_csv, dataset_from_table
from playground.model.dataset import Dataset
from playground.model.errors import DataError
from playground.model.network import Network

INPUT, TARGET, UNUSED = "input", "target", "not used"
ROLES = (INPUT, TARGET, UNUSED)
PREVIEW_ROWS = 40
# Up to this many columns are sized to their contents; past it measuring them all would be slow.
SIZED_COLUMNS = 200
WARNING_STYLE = "color: #8a1f11"
ROLE_COLOURS = {INPUT: "#e3eef9", TARGET: "#fbe7d3", UNUSED: "#f2f2f2"}

Index = QModelIndex | QPersistentModelIndex


def _role_name(role: str) -> str:
    """A role as the dialog shows it, in the user's language."""
    # Each call written out in full: lupdate finds only literal translate() calls.
    names = {
        INPUT: QCoreApplication.translate("CsvImportDialog", "input"),
        TARGET: QCoreApplication.translate("CsvImportDialog", "target"),
        UNUSED: QCoreApplication.translate("CsvImportDialog", "not used"),
    }
    return names[role]


class PreviewModel(QAbstractTableModel):
    """Row 0: each column's role (editable); then the file's first rows, as numbers."""

    def __init__(self, header: list[str], rows: np.ndarray, roles: list[str], on_change) -> None:
        super().__init__()
        self.header, self.rows, self.roles = header, rows, roles
        self._on_change = on_change

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else 1 + len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.header)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if row == 0:
                return _role_name(self.roles[column])
            return f"{self.rows[row - 1, column]:g}"
        if role == Qt.ItemDataRole.EditRole and row == 0:
            return self.roles[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and row > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and row == 0:
            return QColor(ROLE_COLOURS[self.roles[column]])
        if role == Qt.ItemDataRole.ToolTipRole and row == 0:
            # A tooltip guesses at rich text: the column's name is escaped inside explicit markup.
            text = QCoreApplication.translate(
                "CsvImportDialog", "What column {name} is; click to change it"
            )
            return "<qt>" + html.escape(text.format(name=f"“{self.header[column]}”")) + "</qt>"
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if index.row() != 0 or value not in ROLES or role != Qt.ItemDataRole.EditRole:
            return False
        self.set_role(index.column(), value)
        return True

    def set_role(self, column: int, role: str) -> None:
        if self.roles[column] == role:
            return
        self.roles[column] = role
        index = self.index(0, column)
        self.dataChanged.emit(index, index)
        self._on_change()

    def flags(self, index: Index) -> Qt.ItemFlag:
        if index.row() == 0:
            return (
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsEditable
            )
        return Qt.ItemFlag.ItemIsEnabled

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.header[section]  # plain text: a header section never reads markup
        # Numbered as a spreadsheet numbers them: the header is row 1.
        if section == 0:
            return QCoreApplication.translate("CsvImportDialog", "role")
        return str(section + 1)


class RoleDelegate(QStyledItemDelegate):
    """A combo box of the three roles, only while a role cell is being edited."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        box = QComboBox(parent)
        for role in ROLES:
            box.addItem(_role_name(role), role)
        # Chosen means done: commit at once rather than when the editor loses focus.
        box.activated.connect(lambda _: self.commitData.emit(box))
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class PreviewTable(QTableView):
    """The preview: the file's first rows under a role row."""

    def rowCount(self) -> int:
        return self.model().rowCount()

    def columnCount(self) -> int:
        return self.model().columnCount()


def _count(n: int, one: str, many: str) -> str:
    """`one` or `many` (each already translated, with a {n}) for n things."""
    return (one if n == 1 else many).format(n=f"{n:,}")


class CsvImportDialog(QDialog):
    """Choose which columns of a CSV file are inputs and which are targets; builds the Dataset.

    `table` is the whole file (`read_csv_table`) or its first rows (`read_csv_preview`,
    then the file is read once, when Import is pressed)."""

    def __init__(
        self, path: str, table: CsvTable, network: Network, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.table = table
        self.network_inputs = len(network.input_ids())
        self.network_outputs = len(network.output_ids())
        self.dataset: Dataset | None = None
        self._column_of = {name: k for k, name in enumerate(table.header)}
        self.setWindowTitle(self.tr("Import {name}").format(name=os.path.basename(path)))
        self.setMinimumSize(560, 420)

        columns = _count(len(table.header), self.tr("{n} column"), self.tr("{n} columns"))
        if table.complete:
            size = self.tr("{rows} of {columns}.").format(
                rows=_count(len(table.rows), self.tr("{n} row"), self.tr("{n} rows")),
                columns=columns,
            )
        else:
            size = self.tr("{columns}; the first {n} rows are shown.").format(
                columns=columns, n=len(table.rows)
            )
        intro = QLabel(
            join_sentences(
                size,
                self.tr(
                    "Choose each column's role: inputs feed the input neurons in order, targets "
                    "are what the output neurons should learn to give."
                ),
            )
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.preview = self._build_preview()
        self.test_share = QSpinBox()
        self.test_share.setRange(0, 90)
        self.test_share.setSuffix(" %")
        self.test_share.setToolTip(
            self.tr(
                "Rows set aside, at random, to measure the test loss; 0 keeps every row for training"
            )
        )
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setToolTip(self.tr("Seed of the random choice of test rows"))
        options = QFormLayout()
        for text, field in (
            (self.tr("Test share:"), self.test_share),
            (self.tr("Seed:"), self.seed),
        ):
            label = QLabel(text)
            label.setTextFormat(Qt.TextFormat.PlainText)
            options.addRow(label, field)
        self.counts = QLabel()
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        self.counts.setWordWrap(True)
        self.create_missing = QCheckBox()
        self.create_missing.setToolTip(
            self.tr(
                "Add the input or output neurons the chosen columns need, "
                "connected like the ones there are"
            )
        )
        self.create_missing.toggled.connect(self._check)
        self.problem = QLabel()
        # Messages quote the file's column names and cells: never read as markup.
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(WARNING_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
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

    def _build_preview(self) -> PreviewTable:
        rows = self.table.rows[:PREVIEW_ROWS]
        self.model = PreviewModel(self.table.header, rows, self._default_roles(), self._check)
        preview = PreviewTable()
        preview.setModel(self.model)
        preview.setItemDelegateForRow(0, RoleDelegate(preview))
        preview.setEditTriggers(
            QAbstractItemView.EditTrigger.CurrentChanged
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        preview.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        preview.setToolTip(
            self.tr("The file's first rows (numbered as a spreadsheet numbers them)")
        )
        # Wide enough for the role box that opens in a column, whatever the numbers under it.
        roles = QComboBox()
        roles.addItems([_role_name(role) for role in ROLES])
        preview.horizontalHeader().setMinimumSectionSize(roles.sizeHint().width())
        roles.deleteLater()
        if len(self.table.header) <= SIZED_COLUMNS:
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
        self.model.set_role(self._column_of[column], role)

    def columns(self, role: str) -> list[str]:
        return [name for name, chosen in zip(self.table.header, self.model.roles) if chosen == role]

    @property
    def missing_inputs(self) -> int:
        return max(0, len(self.columns(INPUT)) - self.network_inputs)

    @property
    def missing_outputs(self) -> int:
        return max(0, len(self.columns(TARGET)) - self.network_outputs)

    def _check(self, *_) -> None:
        inputs, targets = len(self.columns(INPUT)), len(self.columns(TARGET))
        self.counts.setText(
            self.tr(
                "Chosen: {inputs} and {targets}. The network has {neurons} and {outputs}."
            ).format(
                inputs=_count(inputs, self.tr("{n} input column"), self.tr("{n} input columns")),
                targets=_count(
                    targets, self.tr("{n} target column"), self.tr("{n} target columns")
                ),
                neurons=_count(
                    self.network_inputs, self.tr("{n} input neuron"), self.tr("{n} input neurons")
                ),
                outputs=_count(
                    self.network_outputs,
                    self.tr("{n} output neuron"),
                    self.tr("{n} output neurons"),
                ),
            )
        )
        problem = ""
        if inputs == 0 or targets == 0:
            problem = self.tr("Choose at least one input column and one target column.")
        elif inputs < self.network_inputs or targets < self.network_outputs:
            problem = self.tr(
                "The network has more input or output neurons than the chosen columns: choose more "
                "columns, or delete the neurons the data cannot feed before importing."
            )
        missing = []
        if self.missing_inputs:
            missing.append(
                _count(
                    self.missing_inputs, self.tr("{n} input neuron"), self.tr("{n} input neurons")
                )
            )
        if self.missing_outputs:
            missing.append(
                _count(
                    self.missing_outputs,
                    self.tr("{n} output neuron"),
                    self.tr("{n} output neurons"),
                )
            )
        both = self.tr(" and ").join(missing)
        self.create_missing.setVisible(bool(missing) and not problem)
        if missing:
            self.create_missing.setText(
                self.tr("Create the missing {neurons}").format(neurons=both)
            )
            if not problem and not self.create_missing.isChecked():
                problem = self.tr(
                    "The data needs {neurons} more than the network has; tick the box to create them."
                ).format(neurons=both)
        self.counts.setStyleSheet(WARNING_STYLE if missing or problem else "")
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def accept(self) -> None:
        inputs, targets = self.columns(INPUT), self.columns(TARGET)
        share, seed = self.test_share.value() / 100, self.seed.value()
        try:
            if self.table.complete:
                # The file was read whole for the preview: not a second time.
                self.dataset = dataset_from_table(
                    self.path, self.table, inputs, targets, share, seed
                )
            else:
                self.dataset = dataset_from_csv(self.path, inputs, targets, share, seed)
        except DataError as refusal:
            self.problem.setText(str(refusal))
            return
        super().accept()
