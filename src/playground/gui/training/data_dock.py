"""The data dock: which data the network learns from — a generator with its knobs, or a table in the file."""

from __future__ import annotations

import os
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.engine.formatting import format_number
from playground.gui.dialogs.prompts import literal_rich_text
from playground.gui.document import Document
from playground.gui.file_dialogs import remember_folder, start_folder
from playground.gui.training.csv_import_dialog import CsvImportDialog
from playground.gui.training.data_import import import_dataset
from playground.gui.training.data_words import generator_name, knob_edit_text, use_generator_text
from playground.gui.training.feature_picker import FeaturePicker
from playground.gui.training.number_controls import pair_row, whole_number
from playground.gui.training.sentences import join_sentences
from playground.model.csv_import import check_fits_network, read_csv_preview
from playground.model.dataset import MAX_NOISE, MAX_SAMPLES, Dataset, GeneratorSpec
from playground.model.errors import DataError
from playground.model.feature_inputs import input_width_for, keep_features
from playground.model.features import feature_label
from playground.model.generators import generate, generator_shape
from playground.model.training_settings import MAX_WHOLE
from playground.model.vocabulary import CLASSIFICATION_GENERATORS, GENERATORS

TABLE = "table"

# Outputs whose values cannot go below 0 learn labels 0 and 1; the others −1 and 1.
NON_NEGATIVE_OUTPUTS = ("sigmoid", "relu", "softplus")
PROBLEM_STYLE = "QLabel { background: #fde8e4; color: #8a1f11; border-radius: 4px; padding: 4px; }"


class DataDock(QWidget):
    """Choose, regenerate or import the network's data; every change is one undo step."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._table: Dataset | None = None  # the last embedded table seen, to go back to

        self.source = QComboBox()
        self.source.setPlaceholderText(self.tr("Choose data…"))
        for name in GENERATORS:
            self.source.addItem(generator_name(name), name)
        self.source.addItem(self.tr("Table in the file"), TABLE)
        self.source.setToolTip(
            self.tr(
                "The data the network learns from: a generated toy set, or a table kept in the file"
            )
        )
        self.source.activated.connect(lambda _: self._source_chosen(self.source.currentData()))

        self.noise = self._spin(
            0,
            round(MAX_NOISE * 100),
            " %",
            self.tr("Noise: how far points stray from the clean pattern (50 % is very noisy)"),
        )
        self.samples = self._spin(
            1, MAX_SAMPLES, "", self.tr("How many points to generate, training and test together")
        )
        self.samples.setSingleStep(50)
        self.train_share = self._spin(
            1,
            100,
            " %",
            self.tr("The share of the points used for training; the rest measure the test loss"),
        )
        self.seed = self._spin(
            0,
            MAX_WHOLE,
            "",
            self.tr("The seed of the generator: the same seed gives the same points"),
        )
        for box, field, scale in (
            (self.noise, "noise", 100),
            (self.samples, "samples", 1),
            (self.train_share, "train_fraction", 100),
            (self.seed, "seed", 1),
        ):
            box.valueChanged.connect(
                lambda v, f=field, s=scale, b=box: self._generator_edited(
                    f,
                    v / s if s != 1 else v,
                    knob_edit_text(f, f"{v}{b.suffix()}"),
                )
            )
        self.regenerate = QPushButton(self.tr("Regenerate"))
        self.regenerate.setToolTip(
            self.tr("New random points from the next seed, same kind and settings")
        )
        self.regenerate.clicked.connect(self._regenerate)
        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.import_button.setToolTip(
            self.tr(
                "Use the columns of a CSV file as inputs and targets; "
                "the data is saved in the network file"
            )
        )
        self.import_button.clicked.connect(lambda: self.import_csv())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("color: #444")
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # quotes cells of the user's file
        self.message.setWordWrap(True)
        self.message.setStyleSheet(PROBLEM_STYLE)
        self.message.setVisible(False)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("Data:"), self.source)
        form.addRow(self.tr("Noise:"), pair_row(self.noise, self.tr("Samples:"), self.samples))
        form.addRow(
            self.tr("Train share:"), pair_row(self.train_share, self.tr("Seed:"), self.seed)
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.regenerate)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        self.feature_picker = FeaturePicker(document)
        layout.addWidget(self.feature_picker)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.setMinimumWidth(280)

        for signal in (document.data_changed, document.structure_changed):
            signal.connect(self.refresh)
        document.network_replaced.connect(self._network_replaced)
        self.refresh()

    @staticmethod
    def _spin(low: int, high: int, suffix: str, tip: str) -> QSpinBox:
        box = QSpinBox()
        box.setRange(low, high)
        box.setSuffix(suffix)
        box.setKeyboardTracking(False)
        box.setToolTip(tip)
        return box

    # ----------------------------------------------------------------- showing

    def refresh(self) -> None:
        """Show the network's data: its source, the generator's knobs, and a summary."""
        network = self.document.network
        data = network.data
        if data is not None and data.generator is None:
            self._table = data
        shape = (len(network.input_ids()), len(network.output_ids()))
        model = self.source.model()
        assert isinstance(model, QStandardItemModel)
        for row in range(self.source.count()):
            name = self.source.itemData(row)
            item = model.item(row)
            if name == TABLE:
                item.setEnabled(self._table is not None)
                item.setToolTip(
                    "" if self._table is not None else self.tr("The file holds no table of data")
                )
                continue
            inputs, outputs = generator_shape(name)
            # With features in use, the generator's raw columns feed the features.
            fits = (input_width_for(network, inputs), outputs) == shape
            item.setEnabled(fits)
            item.setToolTip(
                ""
                if fits
                else self.tr(
                    "Makes {inputs} input(s) and {outputs} target(s); the network has "
                    "{network_inputs} input and {network_outputs} output neuron(s)"
                ).format(
                    inputs=inputs,
                    outputs=outputs,
                    network_inputs=shape[0],
                    network_outputs=shape[1],
                )
            )
        current = (
            TABLE
            if data is not None and data.generator is None
            else (data.generator.name if data is not None else None)
        )
        self.source.setCurrentIndex(self.source.findData(current) if current else -1)
        spec = data.generator if data is not None else None
        for box in (self.noise, self.samples, self.train_share, self.seed, self.regenerate):
            box.setEnabled(spec is not None)
        if spec is not None:
            for box, value in (
                (self.noise, round(spec.noise * 100)),
                (self.samples, spec.samples),
                (self.train_share, round(spec.train_fraction * 100)),
                (self.seed, spec.seed),
            ):
                box.blockSignals(True)
                box.setValue(value)
                box.blockSignals(False)
        self.summary.setText(self._describe(data))
        self.show_problem(self._misfit(data))

    def _misfit(self, data: Dataset | None) -> str:
        """Why the data no longer fits the network (after an input or output was added or
        deleted), said at once rather than at the next Train; "" when it fits."""
        if data is None:
            return ""
        try:
            check_fits_network(data, self.document.network)
        except DataError as misfit:
            return self.tr(
                "The data no longer fits the network: {reason}. Undo the edit, or choose data "
                "that fits."
            ).format(reason=misfit)
        return ""

    def _network_replaced(self) -> None:
        self._table = None
        self.refresh()

    def _describe(self, data: Dataset | None) -> str:
        if data is None:
            return self.tr("No data yet: choose a generator or import a CSV file.")
        train, test = len(data.train_x), len(data.test_x)
        inputs, targets = data.train_x.shape[1], data.train_y.shape[1]
        text = self.tr("{train} training and {test} test samples; {inputs} → {targets}.").format(
            train=whole_number(train),
            test=whole_number(test),
            inputs=self.tr("1 input") if inputs == 1 else self.tr("{n} inputs").format(n=inputs),
            targets=self.tr("1 target")
            if targets == 1
            else self.tr("{n} targets").format(n=targets),
        )
        if data.features:
            # The inputs are raw columns; the network takes the features computed from them.
            text = join_sentences(
                text,
                self.tr("The network takes {n} features of them: {names}.").format(
                    n=len(data.features), names=", ".join(feature_label(f) for f in data.features)
                ),
            )
        if data.generator is not None and data.generator.name in CLASSIFICATION_GENERATORS:
            low, high = data.generator.labels
            text = join_sentences(
                text,
                self.tr("Class labels {low} and {high}.").format(
                    low=format_number(low), high=format_number(high)
                ),
            )
        elif data.generator is None:
            text = join_sentences(text, self.tr("Stored in the network file."))
        return text

    def show_problem(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))

    # ----------------------------------------------------------------- choosing data

    def _labels(self) -> tuple[float, float]:
        """Keep the labels in use; else suit them to the output neuron's range."""
        network = self.document.network
        data = network.data
        if (
            data is not None
            and data.generator is not None
            and data.generator.name in CLASSIFICATION_GENERATORS
        ):
            return data.generator.labels
        outputs = network.output_ids()
        activation = network.neuron(outputs[0]).activation if outputs else "sigmoid"
        if activation in NON_NEGATIVE_OUTPUTS or network.loss == "binary_cross_entropy":
            return (0.0, 1.0)
        return (-1.0, 1.0)

    def _source_chosen(self, name: str) -> None:
        if name == TABLE:
            if self._table is not None and self._table is not self.document.network.data:
                self._use(self._table, self.tr("Use the Table in the File"))
            return
        current = self.document.network.data
        spec = GeneratorSpec(
            name,
            samples=self.samples.value() if current is not None and current.generator else 400,
            noise=self.noise.value() / 100 if current is not None and current.generator else 0.0,
            train_fraction=self.train_share.value() / 100
            if current is not None and current.generator
            else 0.5,
            seed=self.seed.value(),
            labels=self._labels(),
        )
        if current is not None and current.generator == spec:
            return
        self._generate(spec, use_generator_text(name))

    def _generator_edited(self, field: str, value, text: str) -> None:
        data = self.document.network.data
        if data is None or data.generator is None or getattr(data.generator, field) == value:
            return
        self._generate(replace(data.generator, **{field: value}), text)

    def _regenerate(self) -> None:
        data = self.document.network.data
        if data is not None and data.generator is not None:
            spec = data.generator
            self._generate(replace(spec, seed=spec.seed + 1), self.tr("Regenerate Data"))

    def _generate(self, spec: GeneratorSpec, text: str) -> None:
        try:
            dataset = generate(spec)
        except DataError as refusal:
            self.refresh()
            self.show_problem(str(refusal).capitalize())
            return
        self._use(dataset, text)

    def _use(self, dataset: Dataset, text: str) -> None:
        dataset = keep_features(self.document.network.data, dataset)
        try:
            check_fits_network(dataset, self.document.network)
        except DataError as refusal:
            self.refresh()
            self.show_problem(
                self.tr("{reason}. Nothing was changed.").format(reason=str(refusal).capitalize())
            )
            return
        self.document.set_data(dataset, text)

    # ----------------------------------------------------------------- importing

    def import_csv(self, path: str | None = None) -> bool:
        """Ask for a CSV file (unless given), preview it, and use the columns chosen; True if imported."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Import CSV"),
                str(start_folder(self.document.path)),
                self.tr("CSV files (*.csv *.tsv *.txt);;All files (*)"),
            )
            if not path:
                return False
            remember_folder(path)
        try:
            # The first rows at once; the dialog reads the whole file once, on Import.
            table = read_csv_preview(path)
        except DataError as refusal:
            self._refuse(str(refusal))
            return False
        dialog = CsvImportDialog(path, table, self.document.network, self)
        if dialog.exec() != CsvImportDialog.DialogCode.Accepted or dialog.dataset is None:
            return False
        name = os.path.basename(path)
        import_dataset(
            self.document, dialog.dataset, name, dialog.columns("input"), dialog.columns("target")
        )
        return True

    def _refuse(self, message: str) -> None:
        text = self.tr("Nothing was imported. {reason}").format(
            reason=message[0].upper() + message[1:]
        )
        self.show_problem(text)
        QMessageBox.warning(self, self.tr("Cannot import the CSV file"), literal_rich_text(text))
