"""The rows of one data split as a table model: the sample number, its inputs and its targets.

With derived features, the raw columns come first: the input neurons' values are computed from them.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from playground.engine.formatting import (
    DEFAULT_DIGITS,
    format_count,
    format_number,
    full_number,
    neuron_names,
)
from playground.model.features import feature_label
from playground.model.network import Network

Index = QModelIndex | QPersistentModelIndex
TOP = QModelIndex()  # the root: a table's rows hang from it


class SampleTableModel(QAbstractTableModel):
    """Read-only view of `network.data`'s train or test rows (never copies the arrays)."""

    def __init__(self) -> None:
        super().__init__()
        self.x = np.zeros((0, 0))
        self.y = np.zeros((0, 0))
        self.raw = np.zeros((0, 0))  # the raw columns, shown only when features feed the inputs
        self.headers: list[str] = []
        self.digits = DEFAULT_DIGITS  # the trace's: a sample reads in the table as in the formulas

    def show(self, network: Network, split: str, digits: int = DEFAULT_DIGITS) -> None:
        """Take the rows of `split`, written to `digits`; column names are the neurons' names."""
        self.beginResetModel()
        self.digits = digits
        if network.data is None:
            self.x, self.y = np.zeros((0, 0)), np.zeros((0, 0))
        else:
            self.x, self.y = network.data.split(split)
        data = network.data
        features = data is not None and data.features is not None
        self.raw = data.raw_split(split)[0] if data is not None and features else self.x[:, :0]
        names = neuron_names(network)
        self.headers = [
            QCoreApplication.translate("SampleTableModel", "raw {name}").format(
                name=feature_label(f"x{k + 1}")
            )
            for k in range(self.raw.shape[1])
        ]
        self.headers += [f"x {names[i]}" for i in network.input_ids()][: self.x.shape[1]] + [
            f"t {names[o]}" for o in network.output_ids()
        ][: self.y.shape[1]]
        self.headers += [""] * (self.columnCount() - len(self.headers))
        self.endResetModel()

    def rowCount(self, parent: Index = TOP) -> int:
        return 0 if parent.isValid() else int(self.x.shape[0])

    def columnCount(self, parent: Index = TOP) -> int:
        return 0 if parent.isValid() else int(self.raw.shape[1] + self.x.shape[1] + self.y.shape[1])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        raw, width = self.raw.shape[1], self.x.shape[1]
        if column < raw:
            value = self.raw[row, column]
        elif column < raw + width:
            value = self.x[row, column - raw]
        else:
            value = self.y[row, column - raw - width]
        if role == Qt.ItemDataRole.DisplayRole:
            return format_number(float(value), self.digits)
        if role == Qt.ItemDataRole.ToolTipRole:
            return full_number(float(value))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return format_count(section + 1)
        return self.headers[section] if section < len(self.headers) else ""
