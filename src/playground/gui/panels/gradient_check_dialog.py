"""Network ▸ Check Gradients…: `playground check` in a window, with the canvas coloured by error.

The numbers are the engine's `check_gradients`, on the same data the command line
uses (or on the sample or minibatch the Backward Pass traces, when it is open), so
the app and the terminal never disagree. The canvas is only restyled through the connections'
overlay methods, and given its own look back when the window closes or the network
changes: the colours would lie about a network that is no longer the one checked.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QGuiApplication, QHideEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from playground.engine.formatting import format_number, full_number, neuron_names
from playground.engine.gradient_check import (
    CHECK_LIMIT,
    CHECK_PARAMETER_LIMIT,
    CHECK_SEED,
    GradientCheck,
    ParameterCheck,
    check_data,
    check_gradients,
)
from playground.gui.canvas.connection_item import ConnectionItem
from playground.model.dataset import Dataset
from playground.model.errors import PlaygroundError

if TYPE_CHECKING:
    from playground.gui.main_window import MainWindow

Index = QModelIndex | QPersistentModelIndex
TOP = QModelIndex()
SORT_ROLE = Qt.ItemDataRole.UserRole  # the number itself, so columns sort by value, not by text
VALUE_DIGITS = 8  # enough to see a wrong gradient's difference; round-off stays hidden
ERROR_DIGITS = 2
# Above the limit but below this, the difference is more often round-off near a kink or a
# steep loss than wrong code: amber. Above it, a gradient is simply wrong: red.
AMBER_LIMIT = 1e-2
GREEN, AMBER, RED, GREY = "#2e9e44", "#e09a00", "#d12c2c", "#9a9a9a"
ABOVE_LIMIT_BACKGROUND = "#fbe1df"
# Darker shades for text, readable on that background.
TEXT_SHADE = {AMBER: "#8a5a00", RED: "#a81c1c", GREEN: "#505050", GREY: "#505050"}
# Past this many coloured connections, only the ones above the limit carry their error as text.
MAX_LABELLED = 24
PARAMETER, ANALYTIC, NUMERIC, ERROR, NOTE = range(5)


def parameter_name(parameter: ParameterCheck, names: dict[str, str]) -> str:
    """ "w x₁ → h1" or "b h1" with the names the canvas shows (`neuron_names`), not the file's ids."""
    key = parameter.key
    if isinstance(key, tuple) and key[0] in names and key[1] in names:
        return f"w {names[key[0]]} → {names[key[1]]}"
    if isinstance(key, str) and key in names:
        return f"b {names[key]}"
    return parameter.name


@dataclass(frozen=True)
class CheckedRow:
    parameter: ParameterCheck
    compared: bool  # False when every finite-difference step crossed a kink
    name: str  # as the canvas names its neurons

    @property
    def error(self) -> float | None:
        return self.parameter.relative_error if self.compared else None

    @property
    def above_limit(self) -> bool:
        return self.compared and not self.parameter.relative_error <= CHECK_LIMIT


def error_colour(row: CheckedRow) -> str:
    """Green within the limit, amber a little above it, red far above or not a number; grey skipped."""
    error = row.error
    if error is None:
        return GREY
    if error <= CHECK_LIMIT:
        return GREEN
    return AMBER if error <= AMBER_LIMIT else RED


class GradientTableModel(QAbstractTableModel):
    """One row per weight and bias compared or skipped: chain rule, finite difference, error."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[CheckedRow] = []

    def show_check(self, result: GradientCheck, names: dict[str, str]) -> None:
        self.beginResetModel()
        self.rows = [CheckedRow(p, True, parameter_name(p, names)) for p in result.parameters] + [
            CheckedRow(p, False, parameter_name(p, names)) for p in result.skipped_parameters
        ]
        self.endResetModel()

    def rowCount(self, parent: Index = TOP) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = TOP) -> int:
        return 0 if parent.isValid() else 5

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        value = self._value(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == PARAMETER:
                return row.name  # neuron names come from the file: an item shows plain text
            if column == NOTE:
                return self._note(row)
            if value is None:
                return "—"
            return format_number(value, ERROR_DIGITS if column == ERROR else VALUE_DIGITS)
        if role == SORT_ROLE:
            if column in (PARAMETER, NOTE):
                return self.data(index)
            # Skipped rows sort below every number, NaN below them: a sort key must be ordered.
            return -2.0 if value is None else -1.0 if math.isnan(value) else value
        if role == Qt.ItemDataRole.ToolTipRole and column == PARAMETER:
            # As `playground check` names it, by the neurons' ids in the file.
            return row.parameter.name if row.parameter.name != row.name else None
        if role == Qt.ItemDataRole.ToolTipRole and column in (ANALYTIC, NUMERIC, ERROR):
            return None if value is None else full_number(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (ANALYTIC, NUMERIC, ERROR):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and row.above_limit:
            return QColor(ABOVE_LIMIT_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and (column == ERROR or not row.compared):
            return QColor(TEXT_SHADE[error_colour(row)])
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return (
            self.tr("Weight or bias"),
            self.tr("Chain rule ∂L/∂w"),
            self.tr("Finite difference"),
            self.tr("Relative error"),
            self.tr("Note"),
        )[section]

    @staticmethod
    def _value(row: CheckedRow, column: int) -> float | None:
        if column == ANALYTIC:
            return row.parameter.analytic
        if column == NUMERIC:
            return row.parameter.numeric if row.compared else None
        if column == ERROR:
            return row.error
        return None

    def _note(self, row: CheckedRow) -> str:
        if not row.compared:
            return self.tr(
                "not compared: each nudge moves a relu, leaky_relu or elu neuron across its "
                "kink at z = 0, where the slope jumps"
            )
        if not row.parameter.finite:
            return self.tr("not a finite number: a value overflows")
        if row.above_limit:
            return self.tr("above the limit {limit}").format(limit=format_number(CHECK_LIMIT))
        return ""


class GradientCheckWindow(QDialog):
    """The check's verdict and table beside the main window; the canvas coloured by each error."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.main_window = window
        self.setWindowTitle(self.tr("Gradient Check"))
        self.setModal(False)
        self.check_result: GradientCheck | None = None
        self.coloured: list[ConnectionItem] = []
        self.names: dict[str, str] = {}

        self.explanation = self._plain_label(
            self.tr(
                "A gradient check tests the backward pass: each ∂L/∂w it computes by the chain "
                "rule is compared with what nudging that weight a tiny bit up and down does to "
                "the loss, and if the two disagree, the gradient code is wrong."
            )
        )
        self.checked_on = self._plain_label()
        self.verdict = self._plain_label()
        font = self.verdict.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.verdict.setFont(font)

        self.model = GradientTableModel(self)
        self.sorted_rows = QSortFilterProxyModel(self)
        self.sorted_rows.setSourceModel(self.model)
        self.sorted_rows.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.sorted_rows)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in (PARAMETER, ANALYTIC, NUMERIC, ERROR):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        rows = self.table.verticalHeader()
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.why_no_table = self._plain_label()
        self.why_no_table.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.why_no_table)

        self.check_again = QPushButton(self.tr("Check &Again"))
        self.check_again.clicked.connect(self.run_check)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.check_again, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.checked_on)
        layout.addWidget(self.verdict)
        layout.addWidget(self.pages, 1)
        self.legend = QWidget()
        self.legend.setLayout(self._legend())
        layout.addWidget(self.legend)
        layout.addWidget(buttons)
        self.resize(760, 560)

        document = window.document
        for signal in (
            document.network_replaced,
            document.structure_changed,
            document.parameters_changed,
            document.all_parameters_changed,
            document.neuron_changed,
            document.settings_changed,
            document.data_changed,
        ):
            signal.connect(self._network_changed)

    @staticmethod
    def _plain_label(text: str = "") -> QLabel:
        # Neuron ids come from files: never let a label read them as rich text.
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _legend(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("On the canvas:")))
        for colour, text in (
            (GREEN, self.tr("within {limit}").format(limit=format_number(CHECK_LIMIT))),
            (AMBER, self.tr("above, up to {amber}").format(amber=format_number(AMBER_LIMIT))),
            (RED, self.tr("above {amber}").format(amber=format_number(AMBER_LIMIT))),
            (GREY, self.tr("not compared")),
        ):
            swatch = QLabel()
            swatch.setFixedSize(22, 6)
            swatch.setStyleSheet(f"background: {colour}; border-radius: 2px;")
            row.addWidget(swatch)
            row.addWidget(QLabel(text))
            row.addSpacing(8)
        row.addStretch(1)
        return row

    # ----------------------------------------------------------------- running

    def run_check(self) -> None:
        """Check the network as it is now, fill the window and colour the canvas."""
        self.clear_canvas()
        self.check_result = None
        network = self.main_window.document.network
        if not network.output_ids():
            self._explain(
                self.tr("The network has no output neuron, so there is no loss to check.")
            )
            return
        try:
            data, where = self._chosen_data()
        except PlaygroundError as problem:
            self._explain(self.tr("Nothing to check: {problem}.").format(problem=problem))
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            with np.errstate(all="ignore"):
                result = check_gradients(
                    network, data, limit=CHECK_PARAMETER_LIMIT, seed=CHECK_SEED
                )
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.check_result = result
        self.names = neuron_names(network)
        self.model.show_check(result, self.names)
        self.table.sortByColumn(ERROR, Qt.SortOrder.DescendingOrder)
        self.pages.setCurrentWidget(self.table)
        self.table.setEnabled(True)
        self.checked_on.show()
        self.legend.show()
        self.checked_on.setText(self._counted(result, where))
        self.verdict.setText(self._verdict(result))
        self.verdict.setStyleSheet(f"color: {RED if self.failed() else GREEN};")
        self._colour_canvas()

    def failed(self) -> bool:
        """Whether the last check found a gradient above the limit or not a number."""
        result = self.check_result
        return result is not None and (
            bool(result.nonfinite) or result.max_relative_error > CHECK_LIMIT
        )

    def _chosen_data(self) -> tuple[Dataset | None, str | None]:
        """The Backward Pass's sample while it is open, else what `playground check` uses;
        with the words for the sample, or None for the training data or random inputs."""
        network = self.main_window.document.network
        backward = self.main_window.backward
        if backward.is_showing():
            sample = backward.session.sample
            if sample.batch:
                # A minibatch: the check's loss is the batch's mean loss, as the trace's mean is.
                xs, targets_list = sample.resolve_batch(network)
            else:
                x, targets = sample.resolve(network)
                xs, targets_list = [x], [targets]
            data = Dataset(
                train_x=np.array(xs, dtype=float), train_y=np.array(targets_list, dtype=float)
            )
            return data, self.tr("on {sample}, the one the Backward Pass traces").format(
                sample=sample.describe(network)
            )
        return check_data(network), None

    def _counted(self, result: GradientCheck, traced: str | None) -> str:
        """What was compared on what, worded without plurals so that every language can say it."""
        count = f"{len(result.parameters) + result.skipped:,}"
        if result.chosen_at_random:
            what = self.tr(
                "Compared the gradients of {count} of the {total} weights and biases, chosen at "
                "random with seed {seed},"
            ).format(count=count, total=f"{result.total:,}", seed=result.seed)
        else:
            what = self.tr("Compared the gradients of all weights and biases ({count})").format(
                count=count
            )
        data = self.main_window.document.network.data
        available = 0 if data is None else len(data.train_x)
        if traced is not None:
            where = traced
        elif not available:
            where = self.tr(
                "on seeded random inputs, as the network has no data (samples: {used})"
            ).format(used=result.samples)
        else:
            where = self.tr("on the training data (samples used: {used} of {total})").format(
                used=f"{result.samples:,}", total=f"{available:,}"
            )
        # The sentence's joint and full stop belong to the language ("，" and "。" in Chinese).
        return self.tr("{what} {where}.").format(what=what, where=where)

    def _verdict(self, result: GradientCheck) -> str:
        worst = result.worst
        if result.nonfinite:
            first = result.nonfinite[0]
            part = (
                self.tr("chain-rule gradient")
                if not math.isfinite(first.analytic)
                else self.tr("finite difference")
            )
            return self.tr(
                "Failed: the {part} of {name} is not a finite number (a value overflows with "
                "these weights and data)."
            ).format(part=part, name=parameter_name(first, self.names))
        if worst is None:
            if result.skipped:
                return self.tr("No gradient could be compared, so there is nothing to fail.")
            return self.tr("The network has no weights or biases to check.")
        error = format_number(result.max_relative_error, ERROR_DIGITS)
        limit = format_number(CHECK_LIMIT)
        above = sum(1 for p in result.parameters if p.relative_error > CHECK_LIMIT)
        if above:
            return self.tr(
                "Failed: {above} of {count} gradients are off by more than {limit}; the largest "
                "error is {error} at {name}."
            ).format(
                above=above,
                count=len(result.parameters),
                limit=limit,
                error=error,
                name=parameter_name(worst, self.names),
            )
        return self.tr(
            "Passed: every gradient agrees with its finite difference to within {limit}; the "
            "largest error is {error} at {name}."
        ).format(limit=limit, error=error, name=parameter_name(worst, self.names))

    def _explain(self, reason: str) -> None:
        """No table: say why instead."""
        self.model.show_check(GradientCheck([], 0), {})
        self.why_no_table.setText(reason)
        self.pages.setCurrentWidget(self.why_no_table)
        self.checked_on.hide()
        self.legend.hide()  # nothing on the canvas to explain
        self.verdict.setText(self.tr("Not checked."))
        self.verdict.setStyleSheet("")

    # ----------------------------------------------------------------- the canvas

    def _colour_canvas(self) -> None:
        items = self.main_window.scene.connection_items
        rows = [r for r in self.model.rows if isinstance(r.parameter.key, tuple)]
        rows = [r for r in rows if r.parameter.key in items]
        labelled = rows if len(rows) <= MAX_LABELLED else [r for r in rows if r.above_limit]
        if self.main_window.backward.is_showing():
            labelled = []  # the trace labels the connections already: colours only, no clutter
        labelled = sorted(labelled, key=lambda r: -(r.error or 0.0))[:MAX_LABELLED]
        with_text = {id(r) for r in labelled}
        for row in rows:
            item = items[row.parameter.key]  # type: ignore[index]
            colour = error_colour(row)
            error = row.error
            text = None
            if id(row) in with_text and error is not None:
                text = format_number(error, ERROR_DIGITS)
            intensity = 1.0 if colour == RED else 0.7 if colour == AMBER else 0.35
            item.set_faded_opacity(1.0)  # the trace fades what it has not reached; redrawn later
            item.set_flow(text, QColor(colour), intensity)
            self.coloured.append(item)

    def clear_canvas(self) -> None:
        """Give every connection this window coloured its own look back."""
        scene = self.main_window.scene
        for item in self.coloured:
            # A network opened since has new items; the old ones are gone with their scene.
            if shiboken6.isValid(item) and item.scene() is scene:
                item.reset_overlay()
        had_colours, self.coloured = bool(self.coloured), []
        backward = self.main_window.backward
        if had_colours and backward.is_showing():
            backward.redraw()  # the trace's own colours, which ours covered

    def _network_changed(self, *_: object) -> None:
        if self.check_result is None and not self.coloured:
            return
        self.clear_canvas()
        if self.check_result is not None:
            self.check_result = None
            self.verdict.setText(
                self.tr("The network has changed since this check: press Check Again.")
            )
            self.verdict.setStyleSheet(f"color: {GREY};")
            self.table.setEnabled(False)  # the numbers stay for reading, greyed as out of date

    def hideEvent(self, event: QHideEvent) -> None:
        self.clear_canvas()
        super().hideEvent(event)
