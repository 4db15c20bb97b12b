"""The live loss plot: train and test loss per epoch, and the accuracy when the data are class labels.

Curves are held in numpy buffers that grow at the end, so a frame costs the
new epochs only, and pyqtgraph draws long runs smoothly with peak
downsampling and clipping to the visible range.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from playground.engine.formatting import format_number
from playground.engine.trainer import History
from playground.gui.training.live_label import LiveLabel
from playground.gui.training.number_controls import whole_number

TRAIN_COLOUR = "#1d5f99"
TEST_COLOUR = "#d9731a"
ACCURACY_COLOUR = "#3d8b3d"
# Loss values at or below 0 have no logarithm; in log scale they sit at this floor instead.
LOG_FLOOR = 1e-300
# The loss axis with no epochs to show: 0 to 1, or 10⁻¹ to 10⁰ in log scale (its logarithms),
# never the range of a run that was undone.
EMPTY_AXIS = {False: (0.0, 1.0), True: (-1.0, 0.0)}
LOSS_DIGITS = 4
ACCURACY_DIGITS = 3


# Axis ends: round numbers about a quarter apart, so the curves fill most of the plot
# and the range changes only now and then.
ROUND_STEPS = (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10)


def nice_ceiling(value: float) -> float:
    """The first round number (ROUND_STEPS × 10ᵏ) at or above a positive value."""
    decade = 10.0 ** math.floor(math.log10(value))
    for step in ROUND_STEPS:
        if step * decade >= value * (1 - 1e-12):
            return step * decade
    return 10 * decade


def loss_axis(values: np.ndarray, log: bool) -> tuple[float, float] | None:
    """The loss axis for these values: 0 to a round ceiling, or whole decades in log scale
    (in log scale pyqtgraph's axis coordinates are the logarithms)."""
    values = values[np.isfinite(values)]
    if log:
        values = values[values > 0]
    if values.size == 0 or values.max() <= 0:
        return None
    if not log:
        return 0.0, nice_ceiling(float(values.max()))
    low, high = math.floor(math.log10(values.min())), math.ceil(math.log10(values.max()))
    return float(low), float(max(high, low + 1))


class _Series:
    """One curve's values, copied from a history list a tail at a time."""

    def __init__(self) -> None:
        self.source: list[float] | None = None
        self.values = np.zeros(0)
        self.count = 0

    def follow(self, source: list[float]) -> bool:
        """Take the values of `source` not yet copied; True if anything changed."""
        if source is not self.source or len(source) < self.count:
            self.source = source
            self.values = np.zeros(max(64, 2 * len(source)))
            self.count = 0
        new = len(source) - self.count
        if new == 0:
            return False
        if len(source) > len(self.values):
            grown = np.zeros(2 * len(source))
            grown[: self.count] = self.values[: self.count]
            self.values = grown
        self.values[self.count : len(source)] = source[self.count :]
        self.count = len(source)
        return True

    @property
    def shown(self) -> np.ndarray:
        return self.values[: self.count]


class LossPlot(QWidget):
    """Loss against epoch with a crosshair readout; accuracy (in %) on the right-hand axis."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot_widget = pg.PlotWidget(background="w")
        self.plot_widget.setMinimumSize(260, 170)
        self.plot_widget.setToolTip(
            self.tr(
                "Loss after each epoch. Drag to pan, wheel to zoom; Auto-range brings the whole "
                "run back into view."
            )
        )
        plot = self.plot = self.plot_widget.getPlotItem()
        plot.setLabel("bottom", self.tr("epoch"))
        plot.setLabel("left", self.tr("loss"))
        for side in ("left", "right", "bottom"):
            # Plain numbers: "0.6", not "600" with a "(x0.001)" tucked into the axis label.
            plot.getAxis(side).enableAutoSIPrefix(False)
        plot.setDownsampling(auto=True, mode="peak")
        plot.setClipToView(True)
        plot.setMouseEnabled(x=True, y=True)
        # Both axes grow in round steps (decades in log scale) rather than with every frame:
        # a range that moves each frame costs pyqtgraph a second repaint per frame.
        plot.hideButtons()
        plot.disableAutoRange()
        plot.vb.sigRangeChangedManually.connect(self._stop_following)
        self._following = True
        self._shown_range: tuple | None = None
        # Thin (cosmetic) pens and no grid: a wide pen or a grid costs several milliseconds a
        # repaint, and the plot repaints up to 30 times a second while training.
        self.train_curve = plot.plot(pen=pg.mkPen(TRAIN_COLOUR, width=1), name="train loss")
        self.test_curve = plot.plot(
            pen=pg.mkPen(TEST_COLOUR, width=1, style=Qt.PenStyle.DashLine), name="test loss"
        )

        # Accuracy lives in its own view box, sharing the epoch axis, scaled 0–100 %.
        self.accuracy_box = pg.ViewBox()
        self.accuracy_box.setMouseEnabled(x=False, y=False)
        plot.scene().addItem(self.accuracy_box)
        plot.getAxis("right").linkToView(self.accuracy_box)
        plot.getAxis("right").setLabel(self.tr("accuracy %"), color=ACCURACY_COLOUR)
        self.accuracy_box.setXLink(plot)
        self.accuracy_box.setYRange(0, 100, padding=0.02)
        self.train_accuracy_curve = pg.PlotDataItem(pen=pg.mkPen(ACCURACY_COLOUR, width=1))
        self.test_accuracy_curve = pg.PlotDataItem(
            pen=pg.mkPen(ACCURACY_COLOUR, width=1, style=Qt.PenStyle.DotLine)
        )
        for curve in (self.train_accuracy_curve, self.test_accuracy_curve):
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
            self.accuracy_box.addItem(curve)
        plot.vb.sigResized.connect(self._match_boxes)

        self.crosshair = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#888", width=1))
        self.crosshair.setVisible(False)
        plot.addItem(self.crosshair, ignoreBounds=True)
        plot.scene().sigMouseMoved.connect(self._mouse_moved)

        self.log_scale = QCheckBox(self.tr("Log scale"))
        self.log_scale.setToolTip(
            self.tr(
                "Show the loss on a logarithmic scale, where slow late progress is visible "
                "(the accuracy stays in %)"
            )
        )
        self.log_scale.toggled.connect(self.set_log_scale)
        self.auto_range = QPushButton(self.tr("Auto-range"))
        self.auto_range.setToolTip(
            self.tr("Fit the whole run into view again and follow it as it grows")
        )
        self.auto_range.clicked.connect(self.fit)
        # One line each for the epoch, the losses and the accuracy: nothing wraps out of sight.
        self.readout = LiveLabel(3)
        self.readout.setToolTip(
            self.tr("The numbers of the epoch under the mouse, else of the latest epoch")
        )

        self.key = QLabel()
        self.key.setTextFormat(Qt.TextFormat.RichText)
        self.key.setWordWrap(True)
        self.key.setToolTip(
            self.tr("Solid: measured on the training data; dashed or dotted: on the test data")
        )
        tools = QHBoxLayout()
        tools.addWidget(QLabel("<b>{}</b>".format(self.tr("Loss"))))
        tools.addStretch(1)
        tools.addWidget(self.log_scale)
        tools.addWidget(self.auto_range)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tools)
        layout.addWidget(self.key)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.readout)

        self._series = {
            name: _Series()
            for name in ("train_loss", "test_loss", "train_accuracy", "test_accuracy")
        }
        self._hover_epoch: int | None = None
        self._has_accuracy = False
        self._key_curves: tuple[bool, bool, bool] | None = None
        self._expects_test = True  # until the dock says what the data holds
        self._show_accuracy(False)
        self._write_key()
        self._write_readout()

    # ----------------------------------------------------------------- data

    def expect_test(self, expected: bool) -> None:
        """Whether the data has test rows, so the key names a test curve before the first epoch."""
        if expected != self._expects_test:
            self._expects_test = expected
            self._write_key()

    def set_history(self, history: History) -> None:
        """Show these measurements (the trainer's own lists; only new epochs are copied)."""
        curves = {
            "train_loss": self.train_curve,
            "test_loss": self.test_curve,
            "train_accuracy": self.train_accuracy_curve,
            "test_accuracy": self.test_accuracy_curve,
        }
        for name, curve in curves.items():
            series = self._series[name]
            if series.follow(getattr(history, name)):
                self._draw(curve, series, percent=name.endswith("accuracy"))
            elif series.count == 0:
                curve.setData([], [])
        self._follow()
        accuracy = self._series["train_accuracy"].count > 0
        if accuracy != self._has_accuracy:
            self._show_accuracy(accuracy)
        self._write_key()
        self._write_readout()

    def _draw(self, curve: pg.PlotDataItem, series: _Series, percent: bool) -> None:
        y = series.shown * 100.0 if percent else series.shown
        if not percent and self.log_scale.isChecked():
            y = np.maximum(y, LOG_FLOOR)
        curve.setData(np.arange(1, series.count + 1, dtype=float), y)

    def curve_values(self, name: str) -> np.ndarray:
        """The values a curve shows now (`train_loss`, `test_loss`, `train_accuracy`, `test_accuracy`)."""
        return self._series[name].shown.copy()

    def _show_accuracy(self, shown: bool) -> None:
        self._has_accuracy = shown
        self.plot.showAxis("right", shown)
        self.accuracy_box.setVisible(shown)

    def _write_key(self) -> None:
        """Name the curves there are: no test curves without test data, no accuracy without classes."""
        test = self._series["test_loss"].count > 0
        # Before the first epoch the data says whether a test curve will come.
        test = test or (self._series["train_loss"].count == 0 and self._expects_test)
        curves = (test, self._has_accuracy, self._series["test_accuracy"].count > 0)
        if curves == self._key_curves:
            return
        self._key_curves = curves
        parts = [f"<span style='color:{TRAIN_COLOUR}'>━ {self.tr('train loss')}</span>"]
        if test:
            parts.append(f"<span style='color:{TEST_COLOUR}'>╍ {self.tr('test loss')}</span>")
        if self._has_accuracy:
            accuracy = (
                self.tr("━ train ┈ test accuracy (right axis)")
                if curves[2]
                else self.tr("━ train accuracy (right axis)")
            )
            parts.append(f"<span style='color:{ACCURACY_COLOUR}'>{accuracy}</span>")
        self.key.setText("&nbsp;&nbsp;".join(parts))

    # ----------------------------------------------------------------- view

    def set_log_scale(self, on: bool) -> None:
        self.plot.setLogMode(x=False, y=on)
        # setLogMode puts every axis in log scale; the accuracy is a percentage, always linear.
        self.plot.getAxis("right").setLogMode(False, False)
        # It also turns pyqtgraph's own auto-range back on; the plot keeps its round ranges.
        self.plot.disableAutoRange()
        self._draw(self.train_curve, self._series["train_loss"], percent=False)
        self._draw(self.test_curve, self._series["test_loss"], percent=False)
        self.fit()

    def fit(self) -> None:
        """Show the whole run, and follow it as it grows."""
        self._following = True
        self._shown_range = None
        self._follow()
        self.accuracy_box.setYRange(0, 100, padding=0.02)

    def _stop_following(self, *_) -> None:
        self._following = False

    def _follow(self) -> None:
        """Keep the whole run in view, changing the range only when the curves outgrow it."""
        if not self._following:
            return
        epochs = max(self._series["train_loss"].count, self._series["test_loss"].count)
        losses = np.concatenate([self._series["train_loss"].shown, self._series["test_loss"].shown])
        wanted = (nice_ceiling(max(epochs, 10)), loss_axis(losses, self.log_scale.isChecked()))
        if wanted != self._shown_range:
            self._shown_range = wanted
            self.plot.setXRange(0, wanted[0], padding=0.02)
            loss_range = wanted[1] or EMPTY_AXIS[self.log_scale.isChecked()]
            self.plot.setYRange(*loss_range, padding=0.02)

    def _match_boxes(self) -> None:
        self.accuracy_box.setGeometry(self.plot.vb.sceneBoundingRect())
        self.accuracy_box.linkedViewChanged(self.plot.vb, self.accuracy_box.XAxis)

    def _mouse_moved(self, position: QPointF) -> None:
        count = self._series["train_loss"].count
        if count == 0 or not self.plot.vb.sceneBoundingRect().contains(position):
            self._hover_epoch = None
            self.crosshair.setVisible(False)
        else:
            x = self.plot.vb.mapSceneToView(position).x()
            self._hover_epoch = int(min(max(round(x), 1), count))
            self.crosshair.setPos(self._hover_epoch)
            self.crosshair.setVisible(True)
        self._write_readout()

    def _write_readout(self) -> None:
        count = self._series["train_loss"].count
        if count == 0:
            text = self.tr("No epochs trained yet.")
            self.readout.setText(f"<span style='color:#777'>{text}</span>")
            return
        epoch = self._hover_epoch if self._hover_epoch is not None else count
        k = epoch - 1
        heading = self.tr("epoch {epoch}").format(epoch=whole_number(epoch))
        if self._hover_epoch is None:
            heading = self.tr("{epoch} (latest)").format(epoch=heading)
        lines = [f"<b>{heading}</b>"]
        losses = []
        for name, label, colour in (
            ("train_loss", self.tr("train loss"), TRAIN_COLOUR),
            ("test_loss", self.tr("test loss"), TEST_COLOUR),
        ):
            series = self._series[name]
            if k < series.count:
                value = format_number(float(series.values[k]), LOSS_DIGITS)
                losses.append(f"<span style='color:{colour}'>{label} {value}</span>")
        lines.append(" · ".join(losses))
        accuracies = [
            format_number(100 * float(self._series[name].values[k]), ACCURACY_DIGITS) + " %"
            for name in ("train_accuracy", "test_accuracy")
            if k < self._series[name].count
        ]
        if len(accuracies) == 2:
            accuracy = self.tr("accuracy {train} / {test} (train / test)").format(
                train=accuracies[0], test=accuracies[1]
            )
            lines.append(f"<span style='color:{ACCURACY_COLOUR}'>{accuracy}</span>")
        elif accuracies:
            accuracy = self.tr("accuracy {train}").format(train=accuracies[0])
            lines.append(f"<span style='color:{ACCURACY_COLOUR}'>{accuracy}</span>")
        self.readout.setText("<br>".join(lines))
