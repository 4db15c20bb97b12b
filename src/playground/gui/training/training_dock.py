"""The training dock: the run buttons, the epoch counter, the settings, stop conditions and the loss plot."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.gui.document import Document
from playground.gui.training.fit_outputs_question import ask_to_fit_outputs
from playground.gui.training.live_label import LiveLabel
from playground.gui.training.loss_plot import LossPlot
from playground.gui.training.number_controls import (
    L2_RATES,
    LearningRateControl,
    PresetNumberBox,
    pair_row,
    plain_number,
    whole_number,
)
from playground.gui.training.training_actions import TrainingActions
from playground.gui.training.training_session import TrainingSession
from playground.model import training_settings
from playground.model.errors import PlaygroundError
from playground.model.training_settings import MAX_WHOLE
from playground.model.vocabulary import LOSSES

# Marked for translation here, translated where shown (the loss box is filled after the
# app's translator is installed).
LOSS_NAMES = {
    "squared_error": QT_TRANSLATE_NOOP("TrainingDock", "Squared error"),
    "binary_cross_entropy": QT_TRANSLATE_NOOP("TrainingDock", "Binary cross-entropy"),
}
LOSS_THRESHOLDS = (0.1, 0.03, 0.01, 0.003, 0.001, 0.0001)
PROBLEM_STYLE = "QLabel { background: #fde8e4; color: #8a1f11; border-radius: 4px; padding: 4px; }"
NOTE_STYLE = "QLabel { color: #555; padding: 2px 4px; }"


class TrainingDock(QWidget):
    """Controls for training the open network with SGD, and the live loss plot."""

    def __init__(
        self,
        document: Document,
        session: TrainingSession,
        actions: TrainingActions,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.session = session
        self.training_actions = actions

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(self._build_buttons())
        layout.addWidget(self._build_counter())
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # refusals quote ids from the file
        self.status.setWordWrap(True)
        self.status.setVisible(False)
        layout.addWidget(self.status)
        layout.addWidget(self._build_settings())
        self.loss_plot = LossPlot()
        layout.addWidget(self.loss_plot, 1)
        self.setMinimumWidth(300)

        session.frame.connect(self.refresh_progress)
        # The key names a test curve only when the data has test rows.
        document.data_changed.connect(self.refresh_progress)
        document.network_replaced.connect(self.refresh_progress)
        session.status_changed.connect(self.show_status)
        document.settings_changed.connect(self.refresh_settings)
        document.network_replaced.connect(self.refresh_settings)
        # Whether each loss fits the outputs changes with their activations.
        document.structure_changed.connect(self.refresh_settings)
        self.refresh_settings()
        self.refresh_progress()

    # ----------------------------------------------------------------- building

    def _build_buttons(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(4)
        self.train_button = self._button(self.training_actions.train)
        self.train_button.setMinimumHeight(34)
        font = self.train_button.font()
        font.setBold(True)
        self.train_button.setFont(font)
        self.step_epoch_button = self._button(self.training_actions.step_epoch)
        self.step_batch_button = self._button(self.training_actions.step_batch)
        self.reset_button = self._button(self.training_actions.reset_weights)
        grid.addWidget(self.train_button, 0, 0, 1, 3)
        grid.addWidget(self.step_epoch_button, 1, 0)
        grid.addWidget(self.step_batch_button, 1, 1)
        grid.addWidget(self.reset_button, 1, 2)
        return grid

    @staticmethod
    def _button(action) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return button

    def _build_counter(self) -> LiveLabel:
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.epoch_label = LiveLabel(1, font)
        self.epoch_label.setToolTip(
            self.tr(
                "Epochs trained so far (passes over the whole training set), and the minibatches "
                "done within the current one"
            )
        )
        return self.epoch_label

    def _build_settings(self) -> QGroupBox:
        box = QGroupBox(self.tr("Settings"))
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.learning_rate = LearningRateControl()
        self.learning_rate.value_chosen.connect(
            lambda v: self._set(
                "learning_rate",
                v,
                self.tr("Set Learning Rate to {value}").format(value=plain_number(v)),
            )
        )
        self.learning_rate.refused.connect(
            lambda text: self.show_status(
                self.tr("Learning rate: {reason}").format(reason=text), True
            )
        )
        form.addRow(self.tr("Learning rate:"), self.learning_rate)

        self.batch_size = QSpinBox()
        self.batch_size.setRange(1, MAX_WHOLE)
        self.batch_size.setKeyboardTracking(False)
        self.batch_size.setToolTip(
            self.tr("Samples averaged into each SGD step; 1 is pure stochastic descent")
        )
        self.batch_size.valueChanged.connect(
            lambda v: self._set(
                "batch_size", v, self.tr("Set Batch Size to {value}").format(value=v)
            )
        )
        self.momentum = QDoubleSpinBox()
        # Below 1, as the model requires, in the box's three decimals.
        self.momentum.setRange(0.0, 0.999)
        self.momentum.setDecimals(3)
        self.momentum.setSingleStep(0.1)
        self.momentum.setKeyboardTracking(False)
        self.momentum.setToolTip(
            self.tr(
                "Momentum m: each step keeps m times the previous one (v ← m·v − η·∂L/∂w); "
                "0 is plain SGD"
            )
        )
        self.momentum.valueChanged.connect(
            lambda v: self._set(
                "momentum", v, self.tr("Set Momentum to {value}").format(value=f"{v:g}")
            )
        )
        self.l2 = PresetNumberBox(L2_RATES, lambda l2: training_settings.refusal("l2", l2))
        self.l2.setToolTip(
            self.tr("L2 weight decay: adds l2·w to each weight's gradient, pulling weights to 0")
        )
        self.l2.value_chosen.connect(
            lambda v: self._set("l2", v, self.tr("Set L2 to {value}").format(value=plain_number(v)))
        )
        self.l2.refused.connect(
            lambda text: self.show_status(self.tr("L2: {reason}").format(reason=text), True)
        )
        self.l1 = PresetNumberBox(L2_RATES, lambda l1: training_settings.refusal("l1", l1))
        self.l1.setToolTip(
            self.tr(
                "L1 penalty: adds l1·sign(w) to each weight's gradient, pulling every weight "
                "to 0 by the same amount whatever its size, so unneeded weights end near 0"
            )
        )
        self.l1.value_chosen.connect(
            lambda v: self._set("l1", v, self.tr("Set L1 to {value}").format(value=plain_number(v)))
        )
        self.l1.refused.connect(
            lambda text: self.show_status(self.tr("L1: {reason}").format(reason=text), True)
        )
        self.seed = QSpinBox()
        self.seed.setRange(0, MAX_WHOLE)
        self.seed.setKeyboardTracking(False)
        self.seed.setToolTip(
            self.tr(
                "Seed of the minibatch order and of Reset Weights: the same seed trains the same way"
            )
        )
        self.seed.valueChanged.connect(
            lambda v: self._set("seed", v, self.tr("Set Training Seed to {value}").format(value=v))
        )
        self.loss = QComboBox()
        for name in LOSSES:
            shown = LOSS_NAMES.get(name)
            self.loss.addItem(
                QCoreApplication.translate("TrainingDock", shown) if shown else name, name
            )
        self.loss.setToolTip(
            self.tr(
                "Squared error ½(y − t)² suits any target; binary cross-entropy suits 0/1 labels "
                "with a sigmoid output"
            )
        )
        self.loss.activated.connect(lambda _: self._set_loss(self.loss.currentData()))

        form.addRow(
            self.tr("Batch size:"), pair_row(self.batch_size, self.tr("Momentum:"), self.momentum)
        )
        form.addRow(self.tr("L2:"), pair_row(self.l2, self.tr("L1:"), self.l1))
        seed_row = QHBoxLayout()
        seed_row.addWidget(self.seed)
        seed_row.addStretch(1)
        form.addRow(self.tr("Seed:"), seed_row)
        form.addRow(self.tr("Loss:"), self.loss)
        self.update_biases = QCheckBox(self.tr("Update biases"))
        self.update_biases.setToolTip(
            self.tr(
                "When on, SGD moves each bias against its gradient, as it moves the weights. "
                "When off, every bias stays fixed and only the weights learn: Matt Mazur's "
                "worked 2-2-2 backpropagation example keeps its biases fixed this way, so turn "
                "it off to follow his numbers step by step."
            )
        )
        self.update_biases.toggled.connect(self._set_update_biases)
        form.addRow("", self.update_biases)
        self._add_stop_conditions(form)
        return box

    def _add_stop_conditions(self, form: QFormLayout) -> None:
        """Two optional conditions on which a run pauses by itself."""
        self.stop_after = QCheckBox(self.tr("after"))
        self.stop_after.setToolTip(self.tr("Pause by itself after this many epochs of a run"))
        self.stop_epochs = QSpinBox()
        self.stop_epochs.setRange(1, 10_000_000)
        self.stop_epochs.setValue(500)
        self.stop_epochs.setSuffix(self.tr(" epochs"))
        self.stop_epochs.setToolTip(self.stop_after.toolTip())
        self.stop_below = QCheckBox(self.tr("loss below"))
        self.stop_below.setToolTip(
            self.tr("Pause by itself at the end of the first epoch whose train loss is below this")
        )
        self.stop_loss = PresetNumberBox(
            LOSS_THRESHOLDS,
            lambda loss: None if loss > 0 else self.tr("the loss to stop below must be above 0"),
        )
        self.stop_loss.set_value(0.01)
        self.stop_loss.setToolTip(self.stop_below.toolTip())
        row = QHBoxLayout()
        row.addWidget(self.stop_after)
        row.addWidget(self.stop_epochs, 1)
        form.addRow(self.tr("Stop:"), row)
        row = QHBoxLayout()
        row.addWidget(self.stop_below)
        row.addWidget(self.stop_loss, 1)
        form.addRow("", row)
        for signal in (
            self.stop_after.toggled,
            self.stop_epochs.valueChanged,
            self.stop_below.toggled,
            self.stop_loss.value_chosen,
        ):
            signal.connect(self._stop_conditions_changed)

    # ----------------------------------------------------------------- edits

    def _set(self, field: str, value, text: str) -> None:
        settings = self.document.network.training
        if getattr(settings, field) == value:
            return
        try:
            self.document.set_training(replace(settings, **{field: value}), text)
        except PlaygroundError as refused:
            self.show_status(str(refused), True)
            self.refresh_settings()

    def _set_update_biases(self, on: bool) -> None:
        settings = self.document.network.training
        if settings.update_biases == on:
            return
        text = self.tr("Update Biases") if on else self.tr("Keep Biases Fixed")
        stack = self.document.undo_stack
        # A macro of its own: settings edits of one field merge, and two toggles merged
        # would leave one step that changes nothing. Each toggle is its own undo step.
        stack.beginMacro(text)
        try:
            self.document.set_training(replace(settings, update_biases=on), text)
        finally:
            stack.endMacro()

    def _set_loss(self, loss: str) -> None:
        network = self.document.network
        reason = network.loss_refusal(loss)
        try:
            if reason and network.outputs_unfit_for(loss):
                # Refused where it is chosen, with the reason and the one change that fixes it.
                if not ask_to_fit_outputs(self, network.outputs_unfit_for(loss), reason):
                    self.show_status(
                        self.tr("Loss not changed: {reason}").format(reason=reason), True
                    )
                    self.refresh_settings()
                    return
                self.document.set_loss_fitting_outputs(loss)
            else:
                self.document.set_loss(loss)
        except PlaygroundError as refused:
            self.show_status(str(refused), True)
            self.refresh_settings()

    def _stop_conditions_changed(self, *_) -> None:
        stop = self.session.stop
        stop.after_epochs = self.stop_epochs.value() if self.stop_after.isChecked() else None
        stop.below_loss = self.stop_loss.value() if self.stop_below.isChecked() else None

    # ----------------------------------------------------------------- showing

    def refresh_settings(self) -> None:
        """Show the network's training settings and loss (after an edit, an undo, another file)."""
        network = self.document.network
        settings = network.training
        self.learning_rate.set_value(settings.learning_rate)
        self.l2.set_value(settings.l2)
        self.l1.set_value(settings.l1)
        for box, value in (
            (self.batch_size, settings.batch_size),
            (self.momentum, settings.momentum),
            (self.seed, settings.seed),
        ):
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)
        self.update_biases.blockSignals(True)
        self.update_biases.setChecked(settings.update_biases)
        self.update_biases.blockSignals(False)
        self.loss.setCurrentIndex(max(0, self.loss.findData(network.loss)))
        for index in range(self.loss.count()):
            reason = network.loss_refusal(self.loss.itemData(index))
            self.loss.setItemData(
                index,
                self.tr("Choosing it offers to make the outputs sigmoid: {reason}").format(
                    reason=reason
                )
                if reason
                else None,
                Qt.ItemDataRole.ToolTipRole,
            )

    def refresh_progress(self) -> None:
        """The epoch counter and the plot, from the session's latest snapshot."""
        progress = self.session.progress
        per_epoch = self.session.batches_per_epoch
        done = self.session.batch_in_epoch
        batch = (
            "&nbsp;&nbsp;<span style='color:#666'>{}</span>".format(
                self.tr("+ batch {done} / {per_epoch}").format(
                    done=whole_number(done), per_epoch=whole_number(per_epoch)
                )
            )
            if per_epoch and done
            else ""
        )
        epoch = self.tr("Epoch {n}").format(n=whole_number(progress.epoch))
        self.epoch_label.setText(f"<b>{epoch}</b>{batch}")
        data = self.document.network.data
        self.loss_plot.expect_test(data is not None and len(data.test_x) > 0)
        self.loss_plot.set_history(progress.history)

    def show_status(self, message: str, problem: bool = False) -> None:
        self.status.setText(message)
        self.status.setStyleSheet(PROBLEM_STYLE if problem else NOTE_STYLE)
        self.status.setVisible(bool(message))
