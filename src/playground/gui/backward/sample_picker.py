"""Choosing the sample to trace: a row of the train or test data, or one value per neuron typed in."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.engine.formatting import DEFAULT_DIGITS, format_count, full_number, neuron_names
from playground.gui.backward.sample import (
    BY_HAND,
    TEST,
    TRAIN,
    SampleChoice,
    parse_batch,
    split_size,
)
from playground.gui.backward.sample_table import SampleTableModel
from playground.gui.dialogs.prompts import literal_rich_text
from playground.model.errors import PlaygroundError
from playground.model.network import Network

SOURCES = (
    (TRAIN, QT_TRANSLATE_NOOP("SamplePicker", "Training data")),
    (TEST, QT_TRANSLATE_NOOP("SamplePicker", "Test data")),
    (BY_HAND, QT_TRANSLATE_NOOP("SamplePicker", "Typed by hand")),
)
TABLE_ROWS_SHOWN = 5


def parse_number(text: str) -> float:
    """A number as typed, accepting the true minus sign the app writes."""
    return float(text.strip().replace("−", "-"))


class SamplePicker(QWidget):
    """Emits `chosen` with a SampleChoice whenever the user picks another sample."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.network: Network | None = None
        self.choice = SampleChoice()
        self._syncing = False
        # The rows (from 0) the next training step will take; set by whoever knows the training.
        self.training_batch: Callable[[], Sequence[int]] | None = None

        self.source = QComboBox()
        for split, text in SOURCES:
            self.source.addItem(QCoreApplication.translate("SamplePicker", text), split)
        self.source.setToolTip(self.tr("Trace a row of the network's data, or type a sample in"))
        self.source.currentIndexChanged.connect(self._source_changed)

        self.index = QSpinBox()
        self.index.setKeyboardTracking(False)
        self.index.setToolTip(self.tr("Which sample of the data (also: click a row below)"))
        self.index.valueChanged.connect(self._index_changed)
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.table_model = SampleTableModel()
        self.table = QTableView()
        self.table.setModel(self.table_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(20)
        self.table.setMaximumHeight(24 + 20 * TABLE_ROWS_SHOWN)
        self.table.clicked.connect(lambda index: self.index.setValue(index.row() + 1))
        data_page = QWidget()
        data_layout = QVBoxLayout(data_page)
        data_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Sample")))
        row.addWidget(self.index)
        row.addWidget(self.count)
        row.addStretch(1)
        data_layout.addLayout(row)
        # A minibatch, counted from 1 as the spin box counts: "1,3,5", or "1:4" (4 excluded,
        # as in `playground trace --samples`, whose numbers count from 0).
        self.batch = QLineEdit()
        self.batch.setObjectName("minibatch")
        self.batch.setClearButtonEnabled(True)
        self.batch.setPlaceholderText(self.tr("e.g. 1,3,5 or 1:4 — empty: one sample"))
        self.batch.setToolTip(self._batch_tip())
        self.batch.editingFinished.connect(self._batch_changed)
        batch_row = QHBoxLayout()
        batch_label = QLabel(self.tr("Minibatch"))
        batch_label.setBuddy(self.batch)
        batch_row.addWidget(batch_label)
        batch_row.addWidget(self.batch, 1)
        self.next_batch_button = QToolButton()
        self.next_batch_button.setObjectName("next_training_batch")
        self.next_batch_button.setText(self.tr("Next training batch"))
        self.next_batch_button.setToolTip(
            self.tr(
                "Fill in the rows the next SGD step of training will take: the training "
                "settings' batch size and seed, from where training has got to (the first "
                "batch of a fresh run if it has not started)"
            )
        )
        self.next_batch_button.clicked.connect(self._next_training_batch)
        batch_row.addWidget(self.next_batch_button)
        data_layout.addLayout(batch_row)
        data_layout.addWidget(self.table)

        self.typed_page = QWidget()
        self.typed_grid = QGridLayout(self.typed_page)
        self.typed_grid.setContentsMargins(0, 0, 0, 0)
        self.input_fields: dict[str, QLineEdit] = {}
        self.target_fields: dict[str, QLineEdit] = {}
        self._typed_layout: tuple | None = None
        self._typed_values: tuple | None = None  # (x, targets) as last written into the fields

        self.pages = QStackedWidget()
        self.pages.addWidget(data_page)
        self.pages.addWidget(self.typed_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.source)
        layout.addWidget(self.pages)

    # ----------------------------------------------------------------- showing

    def show_choice(
        self, network: Network, choice: SampleChoice, digits: int = DEFAULT_DIGITS
    ) -> None:
        """Show `choice` for `network` without emitting `chosen`; the table's numbers to `digits`."""
        self._syncing = True
        try:
            self.network, self.choice = network, choice
            model: QStandardItemModel = self.source.model()
            for k, (split, _) in enumerate(SOURCES):
                model.item(k).setEnabled(split == BY_HAND or split_size(network, split) > 0)
            self.source.setCurrentIndex([s for s, _ in SOURCES].index(choice.split))
            if choice.split == BY_HAND:
                self.pages.setCurrentWidget(self.typed_page)
                self._build_typed_fields(network, choice)
            else:
                self.pages.setCurrentIndex(0)
                count = split_size(network, choice.split)
                self.table_model.show(network, choice.split, digits)
                self.index.setRange(1, max(1, count))
                self.index.setValue(choice.index + 1)
                self.count.setText(self.tr("of {count}").format(count=format_count(count)))
                self.index.setEnabled(not choice.batch)
                self.next_batch_button.setEnabled(split_size(network, TRAIN) > 0)
                if not self.batch.hasFocus():
                    self.batch.setText(batch_text(choice.batch))
                    self._mark_batch("")
                self._select_row(choice.batch[0] if choice.batch else choice.index)
        finally:
            self._syncing = False

    def _select_row(self, row: int) -> None:
        model_index = self.table_model.index(row, 0)
        if model_index.isValid():
            self.table.selectionModel().select(
                model_index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(model_index)

    def _build_typed_fields(self, network: Network, choice: SampleChoice) -> None:
        names = neuron_names(network)
        x, targets = choice.typed_values(network)
        layout = (network.input_ids(), network.output_ids(), names)
        if layout == self._typed_layout:
            shown = (tuple(x), tuple(targets))
            if shown == self._typed_values:
                return  # as written last time: a thousand fields set again took a while per step
            # Same neurons: refresh the values, leaving the field being typed in alone.
            all_written = True
            for fields, values in ((self.input_fields, x), (self.target_fields, targets)):
                for field, value in zip(fields.values(), values):
                    if field.hasFocus():
                        all_written = False
                    else:
                        field.setText(full_number(value))
            self._typed_values = shown if all_written else None
            return
        self._typed_layout = layout
        self._typed_values = (tuple(x), tuple(targets))
        while self.typed_grid.count():
            widget = self.typed_grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.input_fields, self.target_fields = {}, {}
        columns = (
            (self.tr("inputs"), "y", network.input_ids(), x, self.input_fields),
            (self.tr("targets"), "t", network.output_ids(), targets, self.target_fields),
        )
        for column, (title, letter, ids, values, fields) in enumerate(columns):
            heading = QLabel(title)
            heading.setTextFormat(Qt.TextFormat.PlainText)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            self.typed_grid.addWidget(heading, 0, 2 * column, 1, 2)
            for row, (neuron_id, value) in enumerate(zip(ids, values), start=1):
                # Rich text on purpose, for the subscript; the name comes from the file, so
                # it is escaped: a name such as "<b>x</b>" shows as written.
                label = QLabel(f"{letter}<sub>{html.escape(names[neuron_id])}</sub>")
                label.setTextFormat(Qt.TextFormat.RichText)
                field = QLineEdit(full_number(value))
                field.setObjectName(f"{letter}:{neuron_id}")
                field.editingFinished.connect(self._typed_changed)
                field.textEdited.connect(self._forget_typed_values)
                fields[neuron_id] = field
                self.typed_grid.addWidget(label, row, 2 * column)
                self.typed_grid.addWidget(field, row, 2 * column + 1)

    def _forget_typed_values(self) -> None:
        """A field typed in no longer shows what was written: write them all next time."""
        self._typed_values = None

    # ----------------------------------------------------------------- choosing

    def _emit(self, choice: SampleChoice) -> None:
        if self._syncing or choice == self.choice:
            return
        self.choice = choice
        self.chosen.emit(choice)

    def _source_changed(self, _: int) -> None:
        if self._syncing or self.network is None:
            return
        split = self.source.currentData()
        if split == BY_HAND:
            # Start from the sample shown, so typing changes one number of it.
            x, targets = self._current_values()
            choice = SampleChoice(
                BY_HAND,
                0,
                dict(zip(self.network.input_ids(), x)),
                dict(zip(self.network.output_ids(), targets)),
            )
        else:
            choice = SampleChoice(split, 0)
        self.show_choice(self.network, choice, self.table_model.digits)
        self.chosen.emit(choice)

    def _current_values(self) -> tuple[list[float], list[float]]:
        try:
            return self.choice.resolve(self.network)
        except PlaygroundError:  # an unusable sample: start from zeros
            return [0.0] * len(self.network.input_ids()), [0.0] * len(self.network.output_ids())

    def _index_changed(self, value: int) -> None:
        if self._syncing or self.network is None:
            return
        self._select_row(value - 1)
        self._emit(SampleChoice(self.choice.split, value - 1))

    def _batch_changed(self) -> None:
        if self._syncing or self.network is None or self.choice.split == BY_HAND:
            return
        text = self.batch.text().strip()
        if not text:
            self._mark_batch("")
            self._emit(SampleChoice(self.choice.split, self.index.value() - 1))
            return
        try:
            rows = parse_batch(text, split_size(self.network, self.choice.split))
        except ValueError as problem:
            message = str(problem)
            if "invalid literal" in message:
                message = self.tr("{text!r} is not a list such as 1,3,5 or a range such as 1:4")
                message = message.format(text=text)
            self._mark_batch(message)
            return
        self._mark_batch("")
        self._emit(SampleChoice(self.choice.split, rows[0], batch=rows))

    def _next_training_batch(self) -> None:
        """The minibatch training would draw next, on the training data."""
        if self._syncing or self.network is None or self.training_batch is None:
            return
        try:
            rows = self.training_batch()
        except PlaygroundError as problem:
            self._mark_batch(
                self.tr("No training batch to show: {problem}.").format(problem=problem)
            )
            return
        self._mark_batch("")
        # In the order of the data, not of the shuffle: the mean is the same, and the rows
        # are easier to find in the table.
        batch = tuple(sorted(int(row) for row in rows))
        self.batch.setText(batch_text(batch))  # also while the field has the keyboard focus
        self._emit(SampleChoice(TRAIN, batch[0], batch=batch))

    def _mark_batch(self, problem: str) -> None:
        """A red frame and the reason on hover for a minibatch that cannot be read."""
        self.batch.setStyleSheet("border: 1px solid #d12c2c" if problem else "")
        self.batch.setToolTip(literal_rich_text(problem) if problem else self._batch_tip())

    def _batch_tip(self) -> str:
        return self.tr(
            "Trace several samples as one minibatch, the way SGD uses it: each sample's "
            "passes, then the mean gradients, then one update. Samples count from 1; "
            "in a range A:B, B is left out (1:4 is samples 1, 2 and 3)."
        )

    def _typed_changed(self) -> None:
        if self._syncing or self.network is None:
            return
        values = {}
        for fields in (self.input_fields, self.target_fields):
            for neuron_id, field in fields.items():
                try:
                    values[(fields is self.input_fields, neuron_id)] = parse_number(field.text())
                    field.setStyleSheet("")
                    field.setToolTip("")
                except ValueError:
                    field.setStyleSheet("border: 1px solid #d12c2c")
                    field.setToolTip(
                        literal_rich_text(
                            self.tr("{text!r} is not a number").format(text=field.text())
                        )
                    )
                    return
        typed_x = {n: v for (is_input, n), v in values.items() if is_input}
        typed_t = {n: v for (is_input, n), v in values.items() if not is_input}
        self._emit(SampleChoice(BY_HAND, 0, typed_x, typed_t))


def batch_text(rows: tuple[int, ...]) -> str:
    """A minibatch's rows as the field shows them, counted from 1: "1, 3, 5"."""
    return ", ".join(str(row + 1) for row in rows)
