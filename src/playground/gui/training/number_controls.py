"""Number controls of the training dock: a box of presets that also takes typed values, and the
learning rate's log-scale slider over TensorFlow Playground's presets."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMainWindow, QSlider, QWidget

from playground.model import training_settings

# TensorFlow Playground's learning rates and regularisation rates.
LEARNING_RATES = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
L2_RATES = (0.0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)


def pair_row(first: QWidget, label: str, second: QWidget) -> QHBoxLayout:
    """Two controls on one form row, the second with its own (translated) label: `[first] Label: [second]`."""
    row = QHBoxLayout()
    row.addWidget(first)
    row.addWidget(QLabel(label))
    row.addWidget(second)
    return row


def whole_number(count: int) -> str:
    """An epoch or batch count as every training panel writes it: grouped by thousands, 13,886."""
    return f"{count:,}"


def plain_number(value: float) -> str:
    """0.00001 rather than 1e-05, as the presets are written."""
    return np.format_float_positional(value, trim="-", precision=8)


class PresetNumberBox(QComboBox):
    """An editable list of presets; a typed number is accepted too unless `refusal` says why not.

    Enter commits the number and hands the keyboard back to the canvas, so the arrows step the
    passes again; while the box shows the value in force, Ctrl+Z undoes in the app, not the box.
    """

    value_chosen = Signal(float)
    refused = Signal(str)  # why a typed value was not taken

    def __init__(
        self,
        presets: tuple[float, ...],
        refusal: Callable[[float], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.refusal = refusal
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItems([plain_number(v) for v in presets])
        self.setMinimumContentsLength(8)
        self._value = presets[0]
        self.activated.connect(lambda _: self._commit())
        self.lineEdit().editingFinished.connect(self._commit)
        self.lineEdit().returnPressed.connect(self._return_pressed)
        self.lineEdit().installEventFilter(self)

    def value(self) -> float:
        return self._value

    def set_value(self, value: float) -> None:
        """Show a value without announcing it; the list marks its preset, or none if it is not one."""
        self._value = value
        self.blockSignals(True)
        # -1 when it is no preset: 0.05 must not leave "1" marked in the list.
        self.setCurrentIndex(self.findText(plain_number(value)))
        self.setEditText(plain_number(value))
        self.blockSignals(False)

    def _leaves_to_the_app(self, event: QEvent) -> bool:
        """Undo or Redo while the box shows the value in force: nothing typed here to take back."""
        return (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
            )
            and self.currentText() == plain_number(self._value)
        )

    # Left unaccepted, the shortcut override lets the key reach the app's Undo. The line edit
    # sees it first; then the combo box, which hands it to the line edit's own event().
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.lineEdit() and self._leaves_to_the_app(event):
            return True
        return super().eventFilter(watched, event)

    def event(self, event: QEvent) -> bool:
        if self._leaves_to_the_app(event):
            return False
        return super().event(event)

    def _return_pressed(self) -> None:
        self._commit()
        window = self.window()
        canvas = window.centralWidget() if isinstance(window, QMainWindow) else None
        if canvas is not None:
            canvas.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.lineEdit().clearFocus()

    def _commit(self) -> None:
        text = self.currentText().strip().replace("−", "-").replace(",", ".")
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        reason = (
            self.tr("{text!r} is not a number.").format(text=text)
            if not math.isfinite(value)
            else self.refusal(value)
        )
        if reason:
            # Refused: show the value in force again rather than a number nobody uses.
            self.set_value(self._value)
            self.refused.emit(reason)
            return
        if value != self._value:
            self._value = value
            self.set_value(value)
            self.value_chosen.emit(value)


class LearningRateControl(QWidget):
    """A slider over the presets (each step about half a decade) beside a box for any rate."""

    value_chosen = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, len(LEARNING_RATES) - 1)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setMinimumWidth(110)
        self.box = PresetNumberBox(
            LEARNING_RATES, lambda rate: training_settings.refusal("learning_rate", rate)
        )
        tip = self.tr(
            "Learning rate η: how far each SGD step moves the weights (0.00001 to 10, log scale). "
            "Too small learns slowly; too large makes the loss jump or become infinite."
        )
        for widget in (self, self.slider, self.box):
            widget.setToolTip(tip)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.box)
        self.slider.valueChanged.connect(self._slid)
        self.box.value_chosen.connect(self._typed)
        self.refused = self.box.refused

    def value(self) -> float:
        return self.box.value()

    def set_value(self, rate: float) -> None:
        """Show a rate without announcing it; the slider goes to the nearest preset in log scale."""
        self.box.set_value(rate)
        nearest = min(
            range(len(LEARNING_RATES)),
            key=lambda k: abs(math.log10(LEARNING_RATES[k]) - math.log10(rate)),
        )
        self.slider.blockSignals(True)
        self.slider.setValue(nearest)
        self.slider.blockSignals(False)

    def _slid(self, index: int) -> None:
        rate = LEARNING_RATES[index]
        self.box.set_value(rate)
        self.value_chosen.emit(rate)

    def _typed(self, rate: float) -> None:
        self.set_value(rate)
        self.value_chosen.emit(rate)
